import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type FollowUp = components['schemas']['FollowUpBody'];
export type FollowUpAnswer = components['schemas']['AnswerFollowUpRequest'];
export type EndReason = Exclude<NonNullable<FollowUpAnswer['endReason']>, ''>;

export const endReasons: EndReason[] = ['proeftijd', 'contract_afgelopen', 'ontslag_werkgever', 'ontslag_werknemer', 'ziekte', 'anders'];

/** useFollowUps lists "nog in dienst?" tasks: due only those to answer now. */
export function useFollowUps(due: boolean) {
  return useQuery({
    queryKey: ['follow-ups', due],
    queryFn: async () => (await api.GET('/follow-ups', { params: { query: due ? { due: true } : {} } })).data!.items,
  });
}

export function useAnswerFollowUp(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: FollowUpAnswer) => (await api.POST('/follow-ups/{id}/answer', { params: { path: { id } }, body })).data!,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['follow-ups'] }),
  });
}
