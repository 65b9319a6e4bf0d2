// What the caseload page reads first, as query options shared by its hook (api.ts) and the app's
// prefetch as the address changes (app/prefetch.ts; lib/prefetch.ts says why). This file comes with
// the first script: it holds no component and imports nothing heavy.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';
import { justAsked } from '../../lib/prefetch';
import { fromAddress, pageOf } from '../../lib/useAddressState';

export type CaseloadQuery = NonNullable<paths['/candidates']['get']['parameters']['query']>;
export type CaseloadPage = components['schemas']['PagedCaseloadEntry'];
type Freshness = NonNullable<CaseloadQuery['freshness']>;
type Sort = NonNullable<CaseloadQuery['sort']>;
type Status = NonNullable<CaseloadQuery['status']>;

/** The caseload's state in the address (Dutch keys, like the pool's), and its defaults. */
export const caseloadDefaults = { zoek: '', status: '', actueel: '', onvolledig: '', sorteer: '-updatedAt' };
export type CaseloadAddress = typeof caseloadDefaults;
const pageSize = 25;

/** toCaseloadQuery is the API query for the caseload's address state and a page. */
export function toCaseloadQuery(state: CaseloadAddress, page: number): CaseloadQuery {
  return {
    sort: state.sorteer as Sort,
    page,
    pageSize,
    ...(state.zoek ? { q: state.zoek } : {}),
    ...(state.onvolledig ? { incomplete: true } : {}),
    ...(state.status ? { status: state.status as Status } : {}),
    ...(state.actueel ? { freshness: state.actueel as Freshness } : {}),
  };
}

export const caseloadQuery = (query: CaseloadQuery) =>
  queryOptions({
    queryKey: ['caseload', query],
    // The JSON variant: the response also declares text/csv, which only downloadCaseload asks for.
    queryFn: async () => (await api.GET('/candidates', { params: { query } })).data as CaseloadPage,
    staleTime: justAsked,
  });

/** caseloadFirstQuery is the caseload as its address asks for it when the page opens. */
export const caseloadFirstQuery = (address: URLSearchParams) => caseloadQuery(toCaseloadQuery(fromAddress(caseloadDefaults, address), pageOf(address)));
