// The LKS applications' API: one TanStack Query hook per operation.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

export type LksApplication = components['schemas']['LksApplicationBody'];
export type LksState = LksApplication['state'];
export type LksEvent = components['schemas']['LksEventBody'];
export type LksApplyRequest = components['schemas']['CreateLksApplicationRequest'];
export type LksAssessment = components['schemas']['RecordLksAssessmentRequest'];
export type LksDecision = components['schemas']['DecideLksApplicationRequest'];
export type LksQuery = NonNullable<paths['/lks-applications']['get']['parameters']['query']>;

/** The states an application still waits for a decision in: the accountmanager's queue. */
export const undecided: LksState[] = ['applied', 'assessed'];

/** Lists go comma-separated (state=a,b), as the API reads them. */
const commaLists = { array: { style: 'form', explode: false } } as const;

/** useLksApplications are the applications the user may see (own organisation's, or the region's for staff). */
export function useLksApplications(query: LksQuery = {}, enabled = true) {
  return useQuery({
    queryKey: ['lksApplications', query],
    enabled,
    queryFn: async () => (await api.GET('/lks-applications', { params: { query }, querySerializer: commaLists })).data!.items,
  });
}

/** useLksApplication is one application with its log. */
export function useLksApplication(id: string) {
  return useQuery({
    queryKey: ['lksApplication', id],
    enabled: !!id,
    queryFn: async () => (await api.GET('/lks-applications/{id}', { params: { path: { id } } })).data!,
  });
}

function useLksMutation<V>(fn: (v: V) => Promise<LksApplication>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (a) => {
      qc.setQueryData(['lksApplication', a.id], a);
      qc.invalidateQueries({ queryKey: ['lksApplications'] });
      qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export function useApplyLks() {
  return useLksMutation(async (body: LksApplyRequest) => (await api.POST('/lks-applications', { body })).data!);
}

export function useAssessLks(id: string) {
  return useLksMutation(async (body: LksAssessment) => (await api.POST('/lks-applications/{id}/assessments', { params: { path: { id } }, body })).data!);
}

export function useDecideLks(id: string) {
  return useLksMutation(async (body: LksDecision) => (await api.POST('/lks-applications/{id}/decisions', { params: { path: { id } }, body })).data!);
}

export function useWithdrawLks(id: string) {
  return useLksMutation(async () => (await api.POST('/lks-applications/{id}/withdrawal', { params: { path: { id } } })).data!);
}
