// What the openings' pages read first, as query options shared by their hooks (api.ts, Pool.tsx) and
// the app's prefetch as the address changes (app/prefetch.ts; lib/prefetch.ts says why). This file
// comes with the first script: it holds no component and imports nothing heavy.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { paths } from '../../lib/api/schema';
import { justAsked } from '../../lib/prefetch';
import { fromAddress, pageOf, type AddressNames } from '../../lib/useAddressState';

export type PoolQuery = NonNullable<paths['/openings/{id}/pool']['get']['parameters']['query']>;
type Language = NonNullable<PoolQuery['languages']>[number];
type Flag = NonNullable<PoolQuery['flags']>[number];

/** PoolFilters is the filter panel's state: strings for selects, lists for checkbox groups. */
export type PoolFilters = {
  radius: string;
  minEducation: string;
  hoursMin: string;
  availableBefore: string;
  rungMin: string;
  rungMax: string;
  /** options: drivingLicence, freshOnly, offeredSupport. */
  options: string[];
  languages: string[];
  flags: string[];
  /** occupations: ['any'] shows every occupation. */
  occupations: string[];
};

export const noFilters: PoolFilters = {
  radius: '',
  minEducation: '',
  hoursMin: '',
  availableBefore: '',
  rungMin: '',
  rungMax: '',
  options: [],
  languages: [],
  flags: [],
  occupations: [],
};

/** filterNames are the filters' names in the address (Dutch, like the pages'), so a reload or a shared link keeps them. */
export const filterNames: AddressNames<PoolFilters> = {
  radius: 'straal',
  minEducation: 'opleiding',
  hoursMin: 'uren',
  availableBefore: 'beschikbaar-voor',
  rungMin: 'trede-vanaf',
  rungMax: 'trede-tot',
  options: 'alleen',
  languages: 'talen',
  flags: 'regelingen',
  occupations: 'beroepen',
};

export const flagNames: Flag[] = ['doelgroepregister', 'praktijkroute', 'lksIndicatie'];

/** toQuery is the pool's API query for the filters and a page. */
export function toQuery(f: PoolFilters, page: number): PoolQuery {
  return {
    page,
    ...(f.radius ? { radiusKm: Number(f.radius) } : {}),
    ...(f.minEducation ? { minEducation: f.minEducation as PoolQuery['minEducation'] } : {}),
    ...(f.hoursMin ? { hoursMin: Number(f.hoursMin) } : {}),
    ...(f.availableBefore ? { availableBefore: f.availableBefore } : {}),
    ...(f.rungMin ? { rungMin: Number(f.rungMin) } : {}),
    ...(f.rungMax ? { rungMax: Number(f.rungMax) } : {}),
    ...(f.languages.length ? { languages: [...f.languages].sort() as Language[] } : {}),
    ...(f.flags.length ? { flags: flagNames.filter((n) => f.flags.includes(n)) } : {}),
    ...(f.options.includes('drivingLicence') ? { drivingLicence: true } : {}),
    ...(f.options.includes('freshOnly') ? { freshOnly: true } : {}),
    ...(f.options.includes('offeredSupport') ? { offeredSupport: true } : {}),
    ...(f.occupations.includes('any') ? { anyOccupation: true } : {}),
  };
}

export const openingQuery = (id: string) =>
  queryOptions({
    queryKey: ['opening', id],
    queryFn: async () => (await api.GET('/openings/{id}', { params: { path: { id } } })).data!,
    staleTime: justAsked,
  });

/** poolQuery is one page of an opening's pool, asked exactly as given. */
export const poolQuery = (id: string, asked: PoolQuery) =>
  queryOptions({
    queryKey: ['pool', id, asked],
    // The API takes lists comma-separated (languages=nl,ar), not repeated.
    queryFn: async () =>
      (await api.GET('/openings/{id}/pool', { params: { path: { id }, query: asked }, querySerializer: { array: { style: 'form', explode: false } } })).data!,
    staleTime: justAsked,
  });

/**
 * poolPageQuery is the pool page the page shows for a query: the counts per filter value are the same
 * on every page of the same filters, so a next page leaves them out when page 1 was read here (the
 * filter panel keeps those).
 */
export function poolPageQuery(qc: QueryClient, id: string, query: PoolQuery) {
  const first = qc.getQueryData<{ facets?: unknown }>(poolQuery(id, { ...query, page: 1 }).queryKey);
  return poolQuery(id, (query.page ?? 1) > 1 && first?.facets ? { ...query, facets: false } : query);
}

/** poolFirstQuery is the pool page as its address asks for it when it opens (filters and page). */
export const poolFirstQuery = (qc: QueryClient, id: string, address: URLSearchParams) =>
  poolPageQuery(qc, id, toQuery(fromAddress(noFilters, address, filterNames), pageOf(address)));
