import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { saveDownload } from '../../lib/download';
import type { components, paths } from '../../lib/api/schema';

export type Opening = components['schemas']['OpeningBody'];
export type OpeningFields = components['schemas']['FieldsBody'];
export type OpeningChange = components['schemas']['ChangeBody'];
export type PoolEstimate = components['schemas']['EstimateBody'];
export type RelatedOccupation = components['schemas']['RelatedBody'];
export type FairnessHit = components['schemas']['FairnessHitBody'];
export type Occupation = components['schemas']['OccupationBody'];
export type Skill = components['schemas']['SkillBody'];
export type PortfolioEntry = components['schemas']['PortfolioEntryBody'];
export type OpeningState = Opening['state'];
export type PortfolioQuery = NonNullable<paths['/portfolio']['get']['parameters']['query']>;

export const supportOptions = [
  'jobcoach',
  'aangepaste-werkplek',
  'rustige-werkplek',
  'vaste-structuur',
  'flexibele-uren',
  'vaste-begeleider',
  'opbouw-uren',
  'eenvoudige-instructies',
] as const;
export const dayOptions = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export const dayPartOptions = ['ochtend', 'middag', 'avond', 'nacht'] as const;
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

export function useOccupationSearch(q: string) {
  return useQuery({
    queryKey: ['occupations', q],
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    queryFn: async () => (await api.GET('/occupations', { params: { query: { q, limit: 8 } } })).data!.items,
  });
}

/** useSkills loads the whole vocabulary once (under 200 entries). */
export function useSkills() {
  return useQuery({
    queryKey: ['skills'],
    staleTime: Infinity,
    queryFn: async () => (await api.GET('/skills', { params: { query: { limit: 200 } } })).data!.items,
  });
}

const postcodePattern = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

/** isPostcode says whether s is a complete Dutch postcode (1234 AB). */
export const isPostcode = (s: string) => postcodePattern.test(s.trim());

/** Reach is where an opening looks for candidates: what a pool estimate needs. */
export type Reach = { postcode: string; maxTravelKm: number; kind: Opening['kind'] };

/**
 * usePoolEstimates counts, per occupation, the available candidates an
 * opening at reach would find (signed-in organisation users and staff).
 * The caller debounces reach; without a valid postcode nothing is asked.
 */
export function usePoolEstimates(occupationIds: string[], reach: Reach | null) {
  const ids = [...new Set(occupationIds.filter(Boolean))].sort().slice(0, 20);
  const postcode = reach?.postcode.trim().replace(' ', '').toUpperCase() ?? '';
  const km = reach?.maxTravelKm ?? 0;
  return useQuery({
    queryKey: ['pool-estimates', ids, postcode, km, reach?.kind],
    enabled: ids.length > 0 && !!reach && isPostcode(postcode) && km >= 1 && km <= 150,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
    queryFn: async () => {
      const query = { occupationIds: ids, postcode, maxTravelKm: km, kind: reach!.kind };
      // The API takes the ids comma-separated, not repeated.
      const items = (await api.GET('/pool-estimates', { params: { query }, querySerializer: { array: { style: 'form', explode: false } } })).data!.items;
      return new Map(items.map((e) => [e.occupationId, e]));
    },
  });
}

/** useRelatedOccupations suggests occupations that fit beside occupationId. */
export function useRelatedOccupations(occupationId: string) {
  return useQuery({
    queryKey: ['related-occupations', occupationId],
    enabled: occupationId !== '',
    staleTime: 5 * 60_000,
    queryFn: async () => (await api.GET('/occupations/{id}/related-occupations', { params: { path: { id: occupationId } } })).data!.items,
  });
}

/** usePostcode shows the place of a complete postcode. */
export function usePostcode(postcode: string) {
  const pc = postcode.trim();
  return useQuery({
    queryKey: ['postcode', pc.replace(' ', '').toUpperCase()],
    enabled: postcodePattern.test(pc),
    staleTime: Infinity,
    retry: false,
    queryFn: async () => (await api.GET('/postcodes/{postcode}', { params: { path: { postcode: pc.replace(' ', '') } } })).data!,
  });
}

export type PortfolioPage = components['schemas']['PagedPortfolioEntryBody'];

async function portfolioPage(query: PortfolioQuery): Promise<PortfolioPage> {
  return (await api.GET('/portfolio', { params: { query } })).data as PortfolioPage;
}

/** usePortfolio is the first 100 organisations of a portfolio (the largest page), for pickers and the start page's counts. */
export function usePortfolio(query: PortfolioQuery, enabled = true) {
  return useQuery({
    queryKey: ['portfolio', query],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async () => (await portfolioPage({ pageSize: 100, ...query })).items,
  });
}

/** usePortfolioPage is one page of the searched, sorted portfolio; the previous page stays on screen while the next loads. */
export function usePortfolioPage(query: PortfolioQuery) {
  return useQuery({ queryKey: ['portfolio', 'page', query], placeholderData: keepPreviousData, queryFn: () => portfolioPage(query) });
}

/** downloadPortfolio saves every organisation the query finds (not one page) as CSV. */
export async function downloadPortfolio(query: PortfolioQuery): Promise<void> {
  const all = { ...query, page: undefined, pageSize: undefined };
  const { data, response } = await api.GET('/portfolio', { params: { query: all, header: { Accept: 'text/csv' } }, parseAs: 'blob' });
  saveDownload(data as Blob, response, 'portefeuille.csv');
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: ['organisation', id],
    queryFn: async () => (await api.GET('/organisations/{id}', { params: { path: { id } } })).data!,
    enabled: !!id,
  });
}

export function useContactMoments(id: string) {
  return useQuery({
    queryKey: ['contact-moments', id],
    queryFn: async () => (await api.GET('/organisations/{id}/contact-moments', { params: { path: { id } } })).data!.items,
  });
}

export function useAddContactMoment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { kind: 'telefoon' | 'bezoek' | 'e-mail' | 'overleg' | 'notitie'; occurredOn: string; note: string }) =>
      (await api.POST('/organisations/{id}/contact-moments', { params: { path: { id } }, body })).data!,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['contact-moments', id] });
      qc.invalidateQueries({ queryKey: ['portfolio'] });
    },
  });
}

export { useDebounced } from '../../lib/useDebounced';

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
