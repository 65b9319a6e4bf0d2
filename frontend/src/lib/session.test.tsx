// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

let answer: (v: unknown) => void = () => {};
vi.mock('./api/client', () => ({
  setCsrfToken: vi.fn(),
  api: { GET: vi.fn(() => new Promise((resolve) => (answer = resolve))) },
}));

import { useSession, useSignedIn } from './session';
import { setCsrfToken } from './api/client';

describe('useSession', () => {
  it('keeps a sign-in that lands while an older session request is on its way', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => ({ session: useSession(), signedIn: useSignedIn() }), { wrapper });
    const signedIn = { signedIn: true, csrfToken: 'new', user: { userId: 'u1', displayName: 'Kandidaat K-1', role: 'kandidaat', regionId: 'r1' } };
    act(() => result.current.signedIn(signedIn));
    // The request sent before the sign-in answers now: not signed in.
    await act(async () => answer({ data: { signedIn: false, csrfToken: 'old' } }));
    await waitFor(() => expect(result.current.session.isFetching).toBe(false));
    expect(result.current.session.data).toEqual(signedIn);
    expect(setCsrfToken).not.toHaveBeenCalledWith('old');
  });
});
