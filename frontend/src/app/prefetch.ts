import { matchRoutes, type Params } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { prefetch, type FirstData } from '../lib/prefetch';
import { sessionQuery } from '../lib/session';
import { caseloadFirstQuery } from '../features/candidates/queries';
import { myInvitesQuery, openingInvitesQuery, poolAppearancesQuery } from '../features/invites/queries';
import { openingQuery, poolFirstQuery } from '../features/openings/queries';
import { skillsQuery } from '../features/reference/queries';

/**
 * firstData is what the most used pages read as they open, by route (the routes of App.tsx): asked
 * as soon as the address is known, beside the page's code and the session, instead of after them
 * (lib/prefetch.ts). A page not listed simply asks for its data when it renders. A request the
 * user's role may not make is refused and changes nothing; the page that opens asks again.
 */
const firstData: [pattern: string, data: (params: Params, address: URLSearchParams, qc: QueryClient) => FirstData[]][] = [
  // Listed so that it is not taken for a vacature with the id "nieuw" (routes match as in App.tsx).
  ['/vacatures/nieuw', () => []],
  ['/vacatures/:id', ({ id = '' }) => [openingQuery(id), skillsQuery]],
  ['/vacatures/:id/kandidaten', ({ id = '' }, address, qc) => [openingQuery(id), poolFirstQuery(qc, id, address), openingInvitesQuery(id)]],
  ['/vacatures/:id/uitnodigingen', ({ id = '' }) => [openingInvitesQuery(id)]],
  ['/caseload', (_, address) => [caseloadFirstQuery(address)]],
  ['/mijn-uitnodigingen', () => [myInvitesQuery, poolAppearancesQuery]],
];

/** prefetchRoute asks for the session and the first data of the page at an address. */
export function prefetchRoute(qc: QueryClient, { pathname, search }: { pathname: string; search: string }) {
  prefetch(qc, [sessionQuery]);
  // matchRoutes ranks routes as the router does: a fixed segment before a parameter.
  const [match] = matchRoutes(routes, pathname) ?? [];
  if (match) prefetch(qc, match.route.data(match.params, new URLSearchParams(search), qc));
}

const routes = firstData.map(([path, data]) => ({ path, data }));

/** firstDataRoutes are the routes whose pages have first data here (first-requests.json lists their requests). */
export const firstDataRoutes = firstData.map(([path]) => path);
