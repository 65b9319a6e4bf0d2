import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type Registration = components['schemas']['CreateOrganisationRegistrationRequest'];

export function useRegister() {
  return useMutation({ mutationFn: async (body: Registration) => api.POST('/organisation-registrations', { body }) });
}

export function useConfirmRegistration() {
  return useMutation({ mutationFn: async (token: string) => api.POST('/organisation-registration-confirmations', { body: { token } }) });
}

/** useRegionContacts lists the regions and their desks (asked for when no region serves the postcode). */
export function useRegionContacts(enabled: boolean) {
  return useQuery({ queryKey: ['region-contacts'], enabled, queryFn: async () => (await api.GET('/region-contacts')).data!.items });
}

export type QueuedRegistration = components['schemas']['RegistrationBody'];

export function useRegistrations() {
  return useQuery({ queryKey: ['organisation-registrations'], queryFn: async () => (await api.GET('/organisation-registrations')).data!.items });
}

export function useApproveRegistration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await api.POST('/organisation-registrations/{id}/approvals', { params: { path: { id } }, body: {} })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['organisation-registrations'] }),
  });
}

export function useDeclineRegistration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) =>
      (await api.POST('/organisation-registrations/{id}/declines', { params: { path: { id } }, body: { reason } })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['organisation-registrations'] }),
  });
}
