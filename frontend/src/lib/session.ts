import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './api/client';

export type Role = 'platform' | 'admin' | 'accountmanager' | 'klantmanager' | 'werkgever' | 'zorgaanbieder' | 'kandidaat';

// A sign-in that lands while GET /sessions/current is still on its way (the
// mailed-link page asks for the session as it opens, then redeems the link)
// must not be overwritten by that older, signed-out answer: the menu would
// vanish and the page send the kandidaat back to sign-in.
let signIns = 0;
let latestSignIn: unknown;

/** sessionQuery asks who is signed in; the app asks it as it starts (app/prefetch.ts), before the first render. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async () => {
    const asked = signIns;
    const { data } = await api.GET('/sessions/current');
    if (asked !== signIns && latestSignIn) return latestSignIn as NonNullable<typeof data>;
    setCsrfToken(data?.csrfToken);
    return data!;
  },
  staleTime: 60_000,
});

/** useSession is the signed-in user (or none) and keeps the CSRF token current. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** useSignedIn stores a new session answered by a sign-in. */
export function useSignedIn() {
  const qc = useQueryClient();
  return (session: { csrfToken: string; signedIn: boolean }) => {
    signIns++;
    latestSignIn = session;
    setCsrfToken(session.csrfToken);
    qc.setQueryData(['session'], session);
  };
}

/** tokenFromHash reads the token a mailed link carries in its fragment. */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}
