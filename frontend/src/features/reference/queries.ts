// The reference data a page reads first, as query options shared by its hook (api.ts) and the app's
// prefetch as the address changes (app/prefetch.ts; lib/prefetch.ts says why). This file comes with
// the first script: it holds no component and imports nothing heavy.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api/client';

/** skillsQuery is the whole skills vocabulary (under 200 entries), read once. */
export const skillsQuery = queryOptions({
  queryKey: ['skills'],
  staleTime: Infinity,
  queryFn: async () => (await api.GET('/skills', { params: { query: { limit: 200 } } })).data!.items,
});
