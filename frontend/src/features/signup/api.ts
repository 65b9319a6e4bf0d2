import { useMutation, useQuery } from '@tanstack/react-query';
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
