import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type Message = components['schemas']['MessageBody'];
export type Thread = components['schemas']['ThreadBody'];

/** GENERAL is the thread parameter of an organisation's general conversation. */
export const GENERAL = 'algemeen';

export function useThreads() {
  return useQuery({
    queryKey: ['message-threads'],
    queryFn: async () => (await api.GET('/message-threads')).data!.items,
  });
}

export function useMessages(orgId: string, thread: string) {
  return useQuery({
    queryKey: ['messages', orgId, thread],
    queryFn: async () => (await api.GET('/organisations/{id}/messages', { params: { path: { id: orgId }, query: { thread } } })).data!.items,
    enabled: !!orgId,
  });
}

/** useThreadOpenings are the organisation's vacatures one may write about. */
export function useThreadOpenings(orgId: string) {
  return useQuery({
    queryKey: ['openings', { organisationId: orgId }],
    queryFn: async () => (await api.GET('/openings', { params: { query: { organisationId: orgId, pageSize: 100 } } })).data!.items,
    enabled: !!orgId,
  });
}

export function usePostMessage(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { body: string; openingId?: string }) =>
      (await api.POST('/organisations/{id}/messages', { params: { path: { id: orgId } }, body })).data!,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['messages', orgId] });
      qc.invalidateQueries({ queryKey: ['message-threads'] });
    },
  });
}
