// Reference data every feature reads: the skills vocabulary, ESCO occupations
// (search, related ones, how many candidates each reaches) and postcodes.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { skillsQuery } from './queries';

export type Occupation = components['schemas']['OccupationBody'];
export type Skill = components['schemas']['SkillBody'];
export type PoolEstimate = components['schemas']['EstimateBody'];
export type RelatedOccupation = components['schemas']['RelatedBody'];

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
  return useQuery(skillsQuery);
}

const postcodePattern = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

/** isPostcode says whether s is a complete Dutch postcode (1234 AB). */
export const isPostcode = (s: string) => postcodePattern.test(s.trim());

/** Reach is where an opening looks for candidates: what a pool estimate needs. */
export type Reach = { postcode: string; maxTravelKm: number; kind: components['schemas']['OpeningBody']['kind'] };

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
