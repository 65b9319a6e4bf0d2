// The accountmanager's portfolio: its organisations, their details and contact moments.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { saveDownload } from '../../lib/download';
import type { components, paths } from '../../lib/api/schema';

export type PortfolioEntry = components['schemas']['PortfolioEntryBody'];
export type PortfolioQuery = NonNullable<paths['/portfolio']['get']['parameters']['query']>;
export type PortfolioPage = components['schemas']['PagedPortfolioEntryBody'];

async function portfolioPage(query: PortfolioQuery): Promise<PortfolioPage> {
  return (await api.GET('/portfolio', { params: { query } })).data as PortfolioPage;
}

/** usePortfolio is the first 100 organisations of a portfolio (the largest page), for pickers and the start page's counts. */
export function usePortfolio(query: PortfolioQuery, enabled = true) {
  return useQuery({
    queryKey: ['portfolio', query],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async () => (await portfolioPage({ pageSize: 100, ...query })).items,
  });
}

/** usePortfolioPage is one page of the searched, sorted portfolio; the previous page stays on screen while the next loads. */
export function usePortfolioPage(query: PortfolioQuery) {
  return useQuery({ queryKey: ['portfolio', 'page', query], placeholderData: keepPreviousData, queryFn: () => portfolioPage(query) });
}

/** downloadPortfolio saves every organisation the query finds (not one page) as CSV. */
export async function downloadPortfolio(query: PortfolioQuery): Promise<void> {
  const all = { ...query, page: undefined, pageSize: undefined };
  const { data, response } = await api.GET('/portfolio', { params: { query: all, header: { Accept: 'text/csv' } }, parseAs: 'blob' });
  saveDownload(data as Blob, response, 'portefeuille.csv');
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: ['organisation', id],
    queryFn: async () => (await api.GET('/organisations/{id}', { params: { path: { id } } })).data!,
    enabled: !!id,
  });
}

export function useContactMoments(id: string) {
  return useQuery({
    queryKey: ['contact-moments', id],
    queryFn: async () => (await api.GET('/organisations/{id}/contact-moments', { params: { path: { id } } })).data!.items,
  });
}

export function useAddContactMoment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { kind: 'telefoon' | 'bezoek' | 'e-mail' | 'overleg' | 'notitie'; occurredOn: string; note: string }) =>
      (await api.POST('/organisations/{id}/contact-moments', { params: { path: { id } }, body })).data!,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['contact-moments', id] });
      qc.invalidateQueries({ queryKey: ['portfolio'] });
    },
  });
}
