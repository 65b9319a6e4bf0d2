// Matching v2 (temporary): the operations the backend is adding, written by
// hand from the agreed contract until `make generate` brings them into
// schema.d.ts. Delete this file then and use the generated types.
import type { components } from './schema';

type Problem = { content: { 'application/problem+json': components['schemas']['Problem'] } };
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Opt<K extends string, T> = [T] extends [never] ? { [k in K]?: never } : { [k in K]: T };
type Op<Q, P, B, R, S extends number = 200> = {
  parameters: Opt<'query', Q> & Opt<'path', P> & { header?: never; cookie?: never };
  responses: { [K in S]: [R] extends [never] ? { headers: { [name: string]: unknown }; content?: never } : Json<R> } & { default: Problem };
} & ([B] extends [never] ? { requestBody?: never } : { requestBody: { content: { 'application/json': B } } });
type Path<M> = { parameters: { query?: never; header?: never; path?: never; cookie?: never } } & M;

export type PoolEstimate = { occupationId: string; count: number | null; fewerThanFive: boolean };
export type RelatedOccupation = {
  id: string;
  label: string;
  iscoGroup: string;
  strength: 'close' | 'related';
  source: 'family' | 'iscoGroup' | 'region';
  family?: string;
};
export type OccupationRelation = {
  id: string;
  occupationId: string;
  occupationLabel: string;
  relatedOccupationId: string;
  relatedOccupationLabel: string;
  action: 'add' | 'remove';
  createdAt: string;
};
export type OpeningKind = components['schemas']['OpeningBody']['kind'];

/** OpeningV2 is what an opening answer adds (acceptable occupations, mandatory skills). */
export type OpeningV2 = { mandatorySkills?: string[]; acceptableOccupationIds?: string[]; acceptableOccupations?: { id: string; label: string }[] };
/** OpeningInputV2 is what an opening's create and update bodies add. */
export type OpeningInputV2 = { mandatorySkills?: string[]; acceptableOccupationIds?: string[] };
/** CardV2 is what a pool card adds. */
export type CardV2 = { occupationMatch?: 'exact' | 'close' | 'related' | 'other' };

export type PendingPaths = {
  '/pool-estimates': Path<{
    get: Op<{ occupationIds: string[]; postcode: string; maxTravelKm: number; kind: OpeningKind }, never, never, { items: PoolEstimate[] }>;
  }>;
  '/occupations/{id}/related-occupations': Path<{
    get: Op<never, { id: string }, never, { items: RelatedOccupation[] }>;
  }>;
  '/occupation-relations': Path<{
    get: Op<never, never, never, { items: OccupationRelation[] }>;
    post: Op<never, never, { occupationId: string; relatedOccupationId: string; action: 'add' | 'remove' }, OccupationRelation, 201>;
  }>;
  '/occupation-relations/{id}': Path<{
    delete: Op<never, { id: string }, never, never, 204>;
  }>;
};
