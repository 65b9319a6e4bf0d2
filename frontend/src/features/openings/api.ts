import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';
import { openingQuery } from './queries';

export type Opening = components['schemas']['OpeningBody'];
export type OpeningFields = components['schemas']['FieldsBody'];
export type OpeningChange = components['schemas']['ChangeBody'];
export type FairnessHit = components['schemas']['FairnessHitBody'];
export type OpeningState = Opening['state'];

export const contractOptions = ['vast', 'tijdelijk', 'uitzend', 'oproep', 'leerwerk', 'geen'] as const;

export type OpeningsQuery = NonNullable<paths['/openings']['get']['parameters']['query']>;

/** useOpeningsPage is one page of a searched, sorted list of openings; the previous page stays on screen while the next loads. */
export function useOpeningsPage(query: OpeningsQuery) {
  return useQuery({
    queryKey: ['openings', 'page', query],
    placeholderData: keepPreviousData,
    queryFn: async () => (await api.GET('/openings', { params: { query } })).data!,
  });
}

export function useOpenings(query: { organisationId?: string; state?: OpeningState } = {}) {
  return useQuery({
    queryKey: ['openings', query],
    queryFn: async () => (await api.GET('/openings', { params: { query: { pageSize: 100, ...query } } })).data!.items,
  });
}

export function useOpening(id: string) {
  return useQuery({ ...openingQuery(id), enabled: !!id });
}

function useOpeningMutation<V>(fn: (v: V) => Promise<Opening>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (o) => {
      qc.setQueryData(['opening', o.id], o);
      qc.invalidateQueries({ queryKey: ['openings'] });
      qc.invalidateQueries({ queryKey: ['portfolio'] });
    },
  });
}

export function useCreateOpening() {
  return useOpeningMutation(async (body: OpeningFields) => (await api.POST('/openings', { body })).data!);
}

export function useUpdateOpening(id: string) {
  return useOpeningMutation(
    async (body: OpeningChange) => (await api.PATCH('/openings/{id}', { params: { path: { id } }, body })).data!,
  );
}

export function useChangeState(id: string) {
  return useOpeningMutation(
    async (body: { state: 'open' | 'paused' | 'filled' | 'closed'; filledCount?: number; overrideReason?: string }) =>
      (await api.POST('/openings/{id}/state-changes', { params: { path: { id } }, body })).data!,
  );
}

export function useRequestReview(id: string) {
  return useOpeningMutation(
    async () => (await api.POST('/openings/{id}/review-requests', { params: { path: { id } } })).data!,
  );
}

export function useFairnessHits(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['fairness-hits', id],
    enabled,
    queryFn: async () => (await api.GET('/openings/{id}/fairness-hits', { params: { path: { id } } })).data!.items,
  });
}

/** useFairnessCheck screens text while the user types (debounced by the caller). */
export function useFairnessCheck(title: string, description: string) {
  return useQuery({
    queryKey: ['fairness-check', title, description],
    enabled: title.trim().length > 0 || description.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    queryFn: async () => (await api.POST('/fairness-checks', { body: { title, description } })).data!.hits,
  });
}
