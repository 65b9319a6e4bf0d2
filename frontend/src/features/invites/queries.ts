// What the invite pages read first, as query options shared by their hooks (api.ts) and the app's
// prefetch as the address changes (app/prefetch.ts; lib/prefetch.ts says why). This file comes with
// the first script: it holds no component and imports nothing heavy.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { justAsked } from '../../lib/prefetch';

/** myInvitesQuery is the kandidaat's own invites. */
export const myInvitesQuery = queryOptions({
  queryKey: ['me', 'invites'],
  queryFn: async () => (await api.GET('/me/invites')).data!.items,
  staleTime: justAsked,
});

/** poolAppearancesQuery is how often the kandidaat appeared in pools, per week. */
export const poolAppearancesQuery = queryOptions({
  queryKey: ['me', 'pool-appearances'],
  queryFn: async () => (await api.GET('/me/pool-appearances')).data!.weeks,
  staleTime: justAsked,
});

/** openingInvitesQuery is an opening's invites (the pool marks who is invited; the board lists them). */
export const openingInvitesQuery = (openingId: string) =>
  queryOptions({
    queryKey: ['invites', 'opening', openingId],
    queryFn: async () => (await api.GET('/openings/{id}/invites', { params: { path: { id: openingId } } })).data!.items,
    staleTime: justAsked,
  });
