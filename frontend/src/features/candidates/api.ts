import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { saveDownload } from '../../lib/download';
import type { components } from '../../lib/api/schema';
import { caseloadQuery, type CaseloadQuery } from './queries';

export type { CaseloadPage, CaseloadQuery } from './queries';

export type Candidate = components['schemas']['CandidateBody'];
export type CaseloadEntry = components['schemas']['CaseloadEntry'];
export type Profile = components['schemas']['ProfileBody'];
export type Identity = components['schemas']['IdentityBody'];
export type Consent = components['schemas']['ConsentBody'];
export type CandidateStatus = Candidate['status'];

export const educationLevels = ['geen', 'vmbo', 'mbo1', 'mbo2', 'mbo3', 'mbo4', 'havo', 'vwo', 'hbo', 'wo'] as const;
export const languageCodes = ['nl', 'en', 'ar', 'tr', 'pl', 'ro', 'bg', 'es', 'fr', 'de', 'pt', 'uk', 'ru', 'ti', 'so', 'fa', 'prs', 'ps', 'zh', 'other'] as const;
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const statuses: CandidateStatus[] = ['available', 'in_process', 'placed', 'paused'];


/** useCaseload reads one page of the caseload; the previous page stays on screen while the next loads. */
export function useCaseload(query: CaseloadQuery) {
  return useQuery({ ...caseloadQuery(query), placeholderData: keepPreviousData });
}

/** downloadCaseload saves every candidate the query finds (not one page) as CSV; the server audits it. */
export async function downloadCaseload(query: CaseloadQuery): Promise<void> {
  const all = { ...query, page: undefined, pageSize: undefined };
  const { data, response } = await api.GET('/candidates', { params: { query: all, header: { Accept: 'text/csv' } }, parseAs: 'blob' });
  saveDownload(data as Blob, response, 'caseload.csv');
}

export function useCandidate(id: string) {
  return useQuery({
    queryKey: ['candidate', id],
    queryFn: async () => (await api.GET('/candidates/{id}', { params: { path: { id } } })).data!,
  });
}

/** useIdentity reads personal data: the server audits every read, so it is fetched on demand only. */
export function useIdentity(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['identity', id],
    enabled,
    staleTime: Infinity,
    queryFn: async () => (await api.GET('/candidates/{id}/identity', { params: { path: { id } } })).data!,
  });
}

export function useConsents(id: string) {
  return useQuery({
    queryKey: ['consents', id],
    queryFn: async () => (await api.GET('/candidates/{id}/consents', { params: { path: { id } } })).data!.items,
  });
}

function useCandidateMutation<V>(fn: (v: V) => Promise<Candidate>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => {
      qc.setQueryData(['candidate', c.id], c);
      qc.invalidateQueries({ queryKey: ['caseload'] });
      qc.invalidateQueries({ queryKey: ['consents', c.id] });
    },
  });
}

export function useCreateCandidate() {
  return useCandidateMutation(async (body: { profile: Profile; identity: Identity }) => (await api.POST('/candidates', { body })).data!);
}

export function useUpdateProfile(id: string) {
  return useCandidateMutation(
    async (body: Profile & { status: CandidateStatus }) => (await api.PUT('/candidates/{id}/profile', { params: { path: { id } }, body })).data!,
  );
}

export function useUpdateIdentity(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Identity) => (await api.PUT('/candidates/{id}/identity', { params: { path: { id } }, body })).data!,
    onSuccess: (i) => {
      qc.setQueryData(['identity', id], i);
      qc.invalidateQueries({ queryKey: ['caseload'] });
      qc.invalidateQueries({ queryKey: ['candidate', id] });
    },
  });
}

export function useRecordConsent(id: string) {
  return useCandidateMutation(
    async (body: { given: boolean; method: 'klantmanager_papier' | 'klantmanager_gesprek'; note?: string }) =>
      (await api.POST('/candidates/{id}/consents', { params: { path: { id } }, body })).data!,
  );
}

export function useRequestConfirmation(id: string) {
  return useMutation({
    mutationFn: async () => {
      await api.POST('/candidates/{id}/confirmation-requests', { params: { path: { id } } });
    },
  });
}

export function useConfirmAfterContact(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (how: 'gesprek' | 'telefoon' | 'mail') =>
      (await api.POST('/candidates/{id}/availability-confirmations', { params: { path: { id } }, body: { how } })).data!,
    onSuccess: (c) => {
      qc.setQueryData(['candidate', id], c);
      qc.invalidateQueries({ queryKey: ['caseload'] });
    },
  });
}

export function useErase(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await api.DELETE('/candidates/{id}', { params: { path: { id } } });
    },
    onSuccess: () => {
      qc.removeQueries({ queryKey: ['candidate', id] });
      qc.removeQueries({ queryKey: ['identity', id] });
      qc.invalidateQueries({ queryKey: ['caseload'] });
    },
  });
}

export function useMine(enabled = true) {
  return useQuery({ queryKey: ['me', 'candidate'], queryFn: async () => (await api.GET('/me/candidate')).data!, enabled });
}

/** MyExport is everything Werkhaven holds about the kandidaat (AVG art. 15), labelled in lang. */
export type MyExport = components['schemas']['ExportMyDataResponse'];

export function useMyExport(lang: string) {
  const l = lang === 'en' ? 'en' : 'nl';
  return useQuery({
    queryKey: ['me', 'export', l],
    queryFn: async () => (await api.GET('/me/candidate/export', { params: { query: { lang: l } } })).data!,
  });
}

/** exportDownloadHref is the JSON download of the same document. */
export function exportDownloadHref(lang: string) {
  return `/api/v1/me/candidate/export?lang=${lang === 'en' ? 'en' : 'nl'}`;
}

export function useConfirmMine() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.POST('/me/candidate/availability-confirmations')).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'candidate'] }),
  });
}

export function useConsentMine() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (given: boolean) => (await api.POST('/me/candidate/consents', { body: { given } })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'candidate'] }),
  });
}

export function useConfirmWithToken() {
  return useMutation({
    mutationFn: async (body: { token: string; consent: boolean }) => {
      await api.POST('/availability-confirmations', { body });
    },
  });
}

export type CandidateInvite = components['schemas']['InviteBody'];

/** useCandidateInvites is every invite of one candidate with each step, for the klantmanager. */
export function useCandidateInvites(id: string) {
  return useQuery({
    queryKey: ['candidate-invites', id],
    queryFn: async () => (await api.GET('/candidates/{id}/invites', { params: { path: { id } } })).data!.items,
  });
}

/** useAdvise stores the klantmanager's advice the kandidaat reads on the invite page. */
export function useAdvise(candidateId: string, inviteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (advice: string) => (await api.PUT('/invites/{id}/advice', { params: { path: { id: inviteId } }, body: { advice } })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['candidate-invites', candidateId] }),
  });
}

/** SharingRequest is a request to share the kandidaat's details with the provider of a booking (a person-bound service). */
export type SharingRequest = components['schemas']['ConsentRequestBody'];
export type SharingAnswer = components['schemas']['DecideMyBookingConsentRequest']['decision'];

/** useMySharing are the kandidaat's requests to share their details with a provider, newest first. */
export function useMySharing(enabled = true) {
  return useQuery({ queryKey: ['me', 'booking-consents'], enabled, queryFn: async () => (await api.GET('/me/booking-consents')).data!.items });
}

export function useAnswerSharing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ bookingId, decision }: { bookingId: string; decision: SharingAnswer }) =>
      (await api.POST('/me/booking-consents/{id}/decisions', { params: { path: { id: bookingId } }, body: { decision } })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'booking-consents'] }),
  });
}

/** useSharingLink opens a request from the mailed link: read once, like an invite's (the token travels in the body only). */
export function useSharingLink(token: string, ready: boolean) {
  return useQuery({
    queryKey: ['booking-consent-link', token],
    enabled: token !== '' && ready,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    queryFn: async () => (await api.POST('/booking-consent-links/views', { body: { token } })).data!,
  });
}

export function useAnswerSharingByLink(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (decision: 'agree' | 'decline') => (await api.POST('/booking-consent-links/decisions', { body: { token, decision } })).data!,
    onSuccess: (r) => qc.setQueryData(['booking-consent-link', token], r),
  });
}
