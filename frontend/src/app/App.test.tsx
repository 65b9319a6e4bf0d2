// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';

// The API client keeps the fetch it was created with: replace it first.
await vi.hoisted(async () => (await import('../test/fakeApi')).installFakeApi(() => ({ status: 200, body: { items: [], unread: 0 } })));

import { App } from './App';

const replace = vi.fn();
let loadedAt = 'http://localhost/vacatures';

beforeEach(() => {
  replace.mockReset();
  vi.stubGlobal('location', { ...window.location, replace, assign: vi.fn() });
  vi.spyOn(performance, 'getEntriesByType').mockImplementation(() => [{ name: loadedAt } as PerformanceEntry]);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function open(path: string) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[path]}>
        <App />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

// The sign-in page is a page of its own (inloggen.html): the app leaves for it with a page load.
describe('the way to the sign-in page', () => {
  it('loads the sign-in page when the app comes to /inloggen', async () => {
    loadedAt = 'http://localhost/vacatures';
    open('/inloggen?verlopen=1');
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/inloggen?verlopen=1'));
  });

  it('does not load itself again when the server sent the app for /inloggen', async () => {
    loadedAt = 'http://localhost/inloggen';
    open('/inloggen');
    expect(await screen.findByRole('heading', { name: 'Deze pagina bestaat niet' })).toBeTruthy();
    expect(replace).not.toHaveBeenCalled();
  });
});
