// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';

// The API client keeps the fetch it was created with: replace it first.
const server = await vi.hoisted(async () =>
  (await import('../test/fakeApi')).installFakeApi((url) => {
    if (url.includes('/candidates?')) return { status: 200, body: { items: [], total: 0, page: 2, pageSize: 25 } };
    if (url.includes('/pool?')) return { status: 200, body: { items: [], total: 0, facets: {} } };
    return { status: 200, body: { items: [] } };
  }),
);

import { prefetchRoute } from './prefetch';
import { Caseload } from '../features/candidates/Caseload';

afterEach(() => {
  cleanup();
  server.sent.length = 0;
});

const paths = () => server.sent.map((s) => decodeURIComponent(new URL(s.url).pathname + new URL(s.url).search));

describe('prefetchRoute', () => {
  it("asks a page's first data as its address asks for it, and the page does not ask again", async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const address = { pathname: '/caseload', search: '?zoek=jan&status=available&pagina=2' };
    prefetchRoute(qc, address);
    // The answer is in before the page's code is (the usual case on a slow line).
    await waitFor(() => expect(qc.isFetching()).toBe(0));
    render(
      <QueryClientProvider client={qc}>
        <MemoryRouter initialEntries={[address.pathname + address.search]}>
          <Routes>
            <Route path="/caseload" element={<Caseload />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(qc.isFetching()).toBe(0));
    expect(paths()).toEqual(['/api/v1/candidates?sort=-updatedAt&page=2&pageSize=25&q=jan&status=available']);
  });

  it('asks the pool without its counts on a next page when page 1 brought them', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    prefetchRoute(qc, { pathname: '/vacatures/o1/kandidaten', search: '?straal=10' });
    await waitFor(() => expect(qc.isFetching()).toBe(0));
    prefetchRoute(qc, { pathname: '/vacatures/o1/kandidaten', search: '?straal=10&pagina=2' });
    await waitFor(() => expect(qc.isFetching()).toBe(0));
    expect(paths().filter((p) => p.includes('/pool'))).toEqual([
      '/api/v1/openings/o1/pool?page=1&radiusKm=10',
      '/api/v1/openings/o1/pool?page=2&radiusKm=10&facets=false',
    ]);
    // The opening and its invites come with it, once: the second address is the same page.
    expect(paths().filter((p) => !p.includes('/pool')).sort()).toEqual(['/api/v1/openings/o1', '/api/v1/openings/o1/invites']);
  });

  it.each(['/beheer/audit', '/vacatures/nieuw'])('asks nothing but the session for %s', async (pathname) => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    prefetchRoute(qc, { pathname, search: '' });
    await waitFor(() => expect(qc.isFetching()).toBe(0));
    expect(paths()).toEqual([]);
    expect(qc.getQueryData(['session'])).toMatchObject({ signedIn: true });
  });
});
