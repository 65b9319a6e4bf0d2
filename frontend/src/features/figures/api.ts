import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { saveDownload } from '../../lib/download';
import type { components } from '../../lib/api/schema';
import { query, type Filters } from './figures';

export type Figures = components['schemas']['GetFiguresResponse'];

/**
 * useFigures asks for the figures of the filters; the previous answer stays on screen while the next loads.
 * staleMs keeps an answer that long before asking again (the start page's headline: the figures query is the
 * heaviest read, and a start page is opened often).
 */
export function useFigures(f: Filters, staleMs = 0) {
  return useQuery({
    staleTime: staleMs,
    queryKey: ['figures', query(f)],
    // The JSON variant: the response also declares text/csv, which only downloadCsv asks for.
    queryFn: async () => (await api.GET('/figures', { params: { query: query(f) } })).data as Figures,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/**
 * downloadCsv fetches the same figures as CSV (Accept: text/csv) through the generated client,
 * so the session cookie, language and problem handling are the same, and saves it under the
 * server's file name.
 */
export async function downloadCsv(f: Filters): Promise<void> {
  const { data, response } = await api.GET('/figures', { params: { query: query(f), header: { Accept: 'text/csv' } }, parseAs: 'blob' });
  saveDownload(data as Blob, response, 'cijfers.csv');
}
