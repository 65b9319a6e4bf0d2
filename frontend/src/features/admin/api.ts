import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { saveDownload } from '../../lib/download';
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

export type Region = components['schemas']['RegionBody'];

/** useCreateRegion adds a region (the platform administrator only). */
export function useCreateRegion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; slug: string }) => (await api.POST('/regions', { body })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['regions'] }),
  });
}

/** useInviteRegionAdmin invites a region's first admin by mail (the platform administrator only). */
export function useInviteRegionAdmin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ regionId, ...body }: { regionId: string; email: string; displayName: string }) =>
      (await api.POST('/regions/{id}/admins', { params: { path: { id: regionId } }, body })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['regions'] }),
  });
}

export type AuditFilter = { action?: string; actor?: string; from?: string; to?: string };

function auditQuery(filter: AuditFilter, lang: string) {
  return {
    lang: lang === 'en' ? ('en' as const) : ('nl' as const),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(filter.from ? { from: new Date(filter.from).toISOString() } : {}),
    ...(filter.to ? { to: new Date(filter.to).toISOString() } : {}),
  };
}

export function useAuditEvents(filter: AuditFilter, lang: string) {
  return useInfiniteQuery({
    queryKey: ['audit', filter, lang],
    initialPageParam: '',
    queryFn: async ({ pageParam }) =>
      (await api.GET('/audit-events', { params: { query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}), ...auditQuery(filter, lang) } } })).data as AuditEventList,
    getNextPageParam: (last) => last.nextCursor || undefined,
  });
}

export type AuditEventList = components['schemas']['AuditEventList'];

export function useAuditFilterOptions(lang: string) {
  return useQuery({
    queryKey: ['audit-filter-options', lang],
    queryFn: async () => (await api.GET('/audit-filter-options', { params: { query: { lang: lang === 'en' ? 'en' : 'nl' } } })).data!,
  });
}

/** downloadAuditCsv exports every event the filter matches as CSV (the server audits the export). */
export async function downloadAuditCsv(filter: AuditFilter, lang: string): Promise<void> {
  const { data, response } = await api.GET('/audit-events', { params: { query: auditQuery(filter, lang), header: { Accept: 'text/csv' } }, parseAs: 'blob' });
  saveDownload(data as Blob, response, 'auditlog.csv');
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
    mutationFn: async (body: components['schemas']['UpdateRegionRequest']) => (await api.PATCH('/regions/{id}', { params: { path: { id: regionId } }, body })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['regions'] }),
  });
}
