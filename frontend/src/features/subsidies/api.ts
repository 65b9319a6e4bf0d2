// The subsidies' API: the estimate, the parameters editor and what applies to an accepted invite, one TanStack Query hook per operation.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type EstimateRequest = components['schemas']['CreateSubsidyEstimateRequest'];
export type Estimate = components['schemas']['CreateSubsidyEstimateResponse'];
export type Parameter = components['schemas']['SubsidyParameterBody'];
export type Period = components['schemas']['SubsidyPeriodBody'];
export type Unit = Parameter['unit'];
export type NewPeriod = components['schemas']['CreateSubsidyParameterRequest'];
export type PeriodChange = components['schemas']['UpdateSubsidyParameterRequest'];

/**
 * useEstimate asks the server for an estimate of body (undefined: nothing to ask yet). The last
 * answer stays on screen while the next is on its way, so the figures do not flicker as a slider moves.
 */
export function useEstimate(body: EstimateRequest | undefined) {
  return useQuery({
    queryKey: ['subsidy-estimate', body],
    enabled: !!body,
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: async () => (await api.POST('/subsidy-estimates', { body: body! })).data!,
  });
}

/** useParameters are every parameter with its periods: national, and the region's own policy. */
export function useParameters() {
  return useQuery({
    queryKey: ['subsidy-parameters'],
    queryFn: async () => (await api.GET('/subsidy-parameters')).data!.items,
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: ['subsidy-parameters'] });
    qc.invalidateQueries({ queryKey: ['subsidy-estimate'] });
  };
}

export function useAddPeriod() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: NewPeriod) => (await api.POST('/subsidy-parameters', { body })).data!,
    onSuccess: refresh,
  });
}

export function useUpdatePeriod() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: PeriodChange }) =>
      (await api.PATCH('/subsidy-parameters/{id}', { params: { path: { id } }, body })).data!,
    onSuccess: refresh,
  });
}

export function useDeletePeriod() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (id: string) => {
      await api.DELETE('/subsidy-parameters/{id}', { params: { path: { id } } });
    },
    onSuccess: refresh,
  });
}

export type InviteSubsidies = components['schemas']['GetInviteSubsidiesResponse'];
export type PlacementScheme = components['schemas']['PlacementSchemeBody'];
export type PlacementTerm = components['schemas']['PlacementTermBody'];
export type UsedParameter = components['schemas']['UsedParameterBody'];

/**
 * useInviteSubsidies reads what applies to an invite the kandidaat accepted.
 * The server audits the read of the candidate's indications, so it is not
 * refetched behind the user's back; version (the invite's state and
 * placement) makes a new placement fetch it again.
 */
export function useInviteSubsidies(id: string, version: string, enabled: boolean) {
  return useQuery({
    queryKey: ['invite-subsidies', id, version],
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    queryFn: async () => (await api.GET('/invites/{id}/subsidies', { params: { path: { id } } })).data!,
  });
}
