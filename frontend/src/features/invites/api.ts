import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { myInvitesQuery, openingInvitesQuery, poolAppearancesQuery } from './queries';

/** Offer is an invite as the kandidaat reads it. */
export type Offer = components['schemas']['OfferBody'];
export type Decision = components['schemas']['DecisionBody'];
export type DeclineReason = NonNullable<Decision['reason']>;
export type AppearanceWeek = components['schemas']['AppearanceWeekBody'];

export const declineReasons: Exclude<DeclineReason, ''>[] = ['geen_interesse', 'reistijd', 'uren', 'ander_werk', 'gezondheid', 'anders'];

export function useMyInvites() {
  return useQuery(myInvitesQuery);
}

/** useMyInvite reads one invite; the server marks it viewed the first time. */
export function useMyInvite(id: string) {
  return useQuery({
    queryKey: ['me', 'invite', id],
    queryFn: async () => (await api.GET('/me/invites/{id}', { params: { path: { id } } })).data!,
  });
}

function useMineMutation<V>(id: string, fn: (v: V) => Promise<Offer>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (o) => {
      qc.setQueryData(['me', 'invite', id], o);
      qc.invalidateQueries({ queryKey: ['me', 'invites'] });
    },
  });
}

export function useDecideMine(id: string) {
  return useMineMutation(id, async (body: Decision) => (await api.POST('/me/invites/{id}/decision', { params: { path: { id } }, body })).data!);
}

export function useStopSharing(id: string) {
  return useMineMutation(id, async () => (await api.DELETE('/me/invites/{id}/disclosure', { params: { path: { id } } })).data!);
}

/**
 * useInviteLink opens an invite from the mailed link. The token travels in
 * the body only; it is read once and not refetched (after the answer the link
 * is used up and a new read would say so). ready waits for the session
 * answer, whose CSRF token the POST needs: asking for a second one at the
 * same time could bind the token to another anonymous cookie.
 */
export function useInviteLink(token: string, ready: boolean) {
  return useQuery({
    queryKey: ['invite-link', token],
    enabled: token !== '' && ready,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    queryFn: async () => (await api.POST('/invite-links/views', { body: { token } })).data!,
  });
}

export function useDecideByLink(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (d: Decision) => (await api.POST('/invite-links/decisions', { body: { token, ...d } })).data!,
    onSuccess: (o) => qc.setQueryData(['invite-link', token], o),
  });
}

export function usePoolAppearances() {
  return useQuery(poolAppearancesQuery);
}

// The organisation's side (issue 8): the pool's invite dialog, the Uitnodigingen
// board and the introduction page.

export type Invite = components['schemas']['InviteBody'];
export type InviteState = Invite['state'];
export type InviteEvent = components['schemas']['InviteEventBody'];
export type InviteContact = components['schemas']['GetInviteContactResponse'];
export type Intake = { at: string; mode: 'op_locatie' | 'online' | 'telefonisch'; place: string };
export type PlacementInput = components['schemas']['CreatePlacementRequest'];

export function useOpeningInvites(openingId: string, enabled = true) {
  return useQuery({ ...openingInvitesQuery(openingId), enabled });
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
