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
    if (url.includes('/pool-appearances')) return { status: 200, body: { weeks: [] } };
    return { status: 200, body: { items: [] } };
  }),
);

import { firstDataRoutes, prefetchRoute } from './prefetch';
import firstRequests from './first-requests.json';
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

// The server names these requests in the page it sends for an address without a query (preload as
// fetch, backend/internal/platform/httpapi/static.go), so the browser asks them beside the first
// script; the app's own request then takes that answer. Only an identical address is taken: the
// list must be exactly what prefetchRoute asks.
describe('first-requests.json', () => {
  it.each(firstDataRoutes)('lists exactly what %s asks first', async (route) => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    prefetchRoute(qc, { pathname: route.replace(':id', 'o1'), search: '' });
    await waitFor(() => expect(qc.isFetching()).toBe(0));
    const asked = server.sent.map((s) => new URL(s.url).pathname + new URL(s.url).search);
    const listed = ((firstRequests as Record<string, string[]>)[route] ?? []).map((u) => u.replace(':id', 'o1'));
    expect(asked.sort()).toEqual(listed.sort());
  });

  it('lists the session for every page, and only routes with first data', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    prefetchRoute(qc, { pathname: '/', search: '' });
    await waitFor(() => expect(qc.isFetching()).toBe(0));
    const all = vi.mocked(fetch).mock.calls.map(([input]) => new URL((input as Request).url).pathname);
    expect(all).toContain(firstRequests[''][0]);
    expect(firstRequests['']).toEqual(['/api/v1/sessions/current']);
    expect(Object.keys(firstRequests).filter((r) => r !== '').sort()).toEqual(firstDataRoutes.filter((r) => (firstRequests as Record<string, string[]>)[r]).sort());
    for (const r of Object.keys(firstRequests)) if (r !== '') expect(firstDataRoutes).toContain(r);
  });
});
