import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

export type User = components['schemas']['UserBody'];
export type Organisation = components['schemas']['OrganisationBody'];

export type UsersQuery = NonNullable<paths['/users']['get']['parameters']['query']>;

/** useUsers is one page of the region's users; the previous page stays on screen while the next loads. */
export function useUsers(query: UsersQuery) {
  return useQuery({ queryKey: ['users', 'page', query], queryFn: async () => (await api.GET('/users', { params: { query } })).data!, placeholderData: keepPreviousData });
}

export function useInviteUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; displayName: string; role: 'admin' | 'accountmanager' | 'klantmanager' | 'werkgever' | 'zorgaanbieder'; organisationId?: string }) =>
      (await api.POST('/users', { body })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useSetUserStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, status }: { id: string; status: 'active' | 'disabled' }) =>
      (await api.PATCH('/users/{id}', { params: { path: { id } }, body: { status } })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useOrganisations() {
  return useQuery({ queryKey: ['organisations'], queryFn: async () => (await api.GET('/organisations')).data!.items });
}

export function useCreateOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { kind: 'werkgever' | 'zorgaanbieder' | 'dienstverlener'; name: string; kvkNummer: string; postcode: string }) =>
      (await api.POST('/organisations', { body })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

export function useRegions() {
  return useQuery({ queryKey: ['regions'], queryFn: async () => (await api.GET('/regions')).data!.items });
}

export type AuditFilter = { action?: string; actor?: string; from?: string; to?: string };

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: '',
    queryFn: async ({ pageParam }) =>
      (
        await api.GET('/audit-events', {
          params: {
            query: {
              limit: 25,
              ...(pageParam ? { cursor: pageParam } : {}),
              ...(filter.action ? { action: filter.action } : {}),
              ...(filter.actor ? { actor: filter.actor } : {}),
              ...(filter.from ? { from: new Date(filter.from).toISOString() } : {}),
              ...(filter.to ? { to: new Date(filter.to).toISOString() } : {}),
            },
          },
        })
      ).data!,
    getNextPageParam: (last) => last.nextCursor || undefined,
  });
}

export function useServiceArea(regionId: string) {
  return useQuery({
    queryKey: ['service-area', regionId],
    queryFn: async () => (await api.GET('/regions/{id}/service-area', { params: { path: { id: regionId } } })).data!.pc4s,
  });
}

export function useSetServiceArea(regionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (pc4s: string[]) => (await api.PUT('/regions/{id}/service-area', { params: { path: { id: regionId } }, body: { pc4s } })).data!.pc4s,
    onSuccess: (pc4s) => qc.setQueryData(['service-area', regionId], pc4s),
  });
}

export function useUpdateRegion(regionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { contactEmail: string; contactPhone: string }) => (await api.PATCH('/regions/{id}', { params: { path: { id: regionId } }, body })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['regions'] }),
  });
}
