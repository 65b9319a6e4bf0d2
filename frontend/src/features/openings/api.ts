import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

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
  return useQuery({
    queryKey: ['opening', id],
    queryFn: async () => (await api.GET('/openings/{id}', { params: { path: { id } } })).data!,
    enabled: !!id,
  });
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

// Invites (issue 8): the pool's invite dialog, the Uitnodigingen board and
// the introduction page.

export type Invite = components['schemas']['InviteBody'];
export type InviteState = Invite['state'];
export type InviteContact = components['schemas']['GetInviteContactResponse'];
export type Intake = { at: string; mode: 'op_locatie' | 'online' | 'telefonisch'; place: string };
export type PlacementInput = components['schemas']['CreatePlacementRequest'];

export function useOpeningInvites(openingId: string, enabled = true) {
  return useQuery({
    queryKey: ['invites', 'opening', openingId],
    enabled,
    queryFn: async () => (await api.GET('/openings/{id}/invites', { params: { path: { id: openingId } } })).data!.items,
  });
}

export function useCreateInvites(openingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { candidateIds: string[]; message: string }) =>
      (await api.POST('/openings/{id}/invites', { params: { path: { id: openingId } }, body })).data!.items,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['invites'] }),
  });
}

export function useInvite(id: string) {
  return useQuery({
    queryKey: ['invite', id],
    queryFn: async () => (await api.GET('/invites/{id}', { params: { path: { id } } })).data!,
  });
}

/** useInviteMutation refreshes the invite (with its event log) and every list it is on. */
function useInviteMutation<V>(id: string, fn: (v: V) => Promise<Invite>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['invite', id] });
      qc.invalidateQueries({ queryKey: ['invites'] });
    },
  });
}

export function useChangeInviteState(id: string) {
  return useInviteMutation(
    id,
    async (body: { state: 'invited' | 'withdrawn' | 'introduced' | 'not_placed'; reason?: string }) =>
      (await api.POST('/invites/{id}/state-changes', { params: { path: { id } }, body })).data!,
  );
}

/**
 * useInviteContact reads the contact details a kandidaat shared. The server
 * audits every read, so it is fetched on demand only and never refetched
 * behind the user's back.
 */
export function useInviteContact(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['invite-contact', id],
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
    queryFn: async () => (await api.GET('/invites/{id}/contact', { params: { path: { id } } })).data!,
  });
}

export function usePlanIntake(id: string) {
  return useInviteMutation(id, async (body: Intake) => (await api.PUT('/invites/{id}/intake', { params: { path: { id } }, body })).data!);
}

export function useCreatePlacement(id: string) {
  return useInviteMutation(id, async (body: PlacementInput) => (await api.POST('/invites/{id}/placement', { params: { path: { id } }, body })).data!);
}
