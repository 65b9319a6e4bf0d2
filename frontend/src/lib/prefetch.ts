import type { QueryClient, FetchQueryOptions } from '@tanstack/react-query';

/**
 * A page's first data, asked by the app as the address changes (app/prefetch.ts), in parallel with
 * the page's code and the session rather than after them: on a phone the page shows one or two
 * round trips sooner. What a page reads first is its feature's to say (each feature's queries.ts),
 * with the same query options its hooks use, so the page finds the answer (or the request on its way)
 * in the cache and does not ask again.
 */
export type FirstData = FetchQueryOptions<any, any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each page's data has its own type

/**
 * justAsked is how long a page's first data counts as fresh: the page mounts a moment after the
 * prefetch asked for it and must not ask again (which would also hold the page back: PageGate waits
 * for every request). A change the user makes still refreshes it at once (invalidation ignores it).
 */
export const justAsked = 5_000;

/** prefetch asks for each query not already fresh or on its way; errors are left to the page, which asks again. */
export function prefetch(qc: QueryClient, queries: FirstData[]) {
  for (const q of queries) void qc.prefetchQuery(q);
}
