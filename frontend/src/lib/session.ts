import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './api/client';

export type Role = 'admin' | 'accountmanager' | 'klantmanager' | 'werkgever' | 'zorgaanbieder' | 'kandidaat';

/** useSession is the signed-in user (or none) and keeps the CSRF token current. */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      const { data } = await api.GET('/sessions/current');
      setCsrfToken(data?.csrfToken);
      return data!;
    },
    staleTime: 60_000,
  });
}

/** useSignedIn stores a new session answered by a sign-in. */
export function useSignedIn() {
  const qc = useQueryClient();
  return (session: { csrfToken: string; signedIn: boolean }) => {
    setCsrfToken(session.csrfToken);
    qc.setQueryData(['session'], session);
  };
}

/** tokenFromHash reads the token a mailed link carries in its fragment. */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}
