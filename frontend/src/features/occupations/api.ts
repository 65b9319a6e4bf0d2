import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type OccupationRelation = components['schemas']['RegionRelationBody'];
export type RelationInput = { occupationId: string; relatedOccupationId: string; action: OccupationRelation['action'] };

/** useRelations lists the region's own changes to which occupations are related. */
export function useRelations() {
  return useQuery({
    queryKey: ['occupation-relations'],
    queryFn: async () => (await api.GET('/occupation-relations')).data!.items,
  });
}

/** A change to the relations changes the suggestions and the pools. */
function useRelationMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['occupation-relations'] });
      qc.invalidateQueries({ queryKey: ['related-occupations'] });
      qc.invalidateQueries({ queryKey: ['pool-estimates'] });
      qc.invalidateQueries({ queryKey: ['pool'] });
    },
  });
}

export function useAddRelation() {
  return useRelationMutation(async (body: RelationInput) => (await api.POST('/occupation-relations', { body })).data!);
}

export function useRemoveRelation() {
  return useRelationMutation(async (relationId: string) => {
    await api.DELETE('/occupation-relations/{id}', { params: { path: { id: relationId } } });
  });
}
