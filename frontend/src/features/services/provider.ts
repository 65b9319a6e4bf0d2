// Whether the signed-in organisation provides services (the header's menu depends on it): with the
// first script, so it holds only this and the catalogue's query options, not the whole services api.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';

export type ServicesQuery = { providerId?: string; inactive?: boolean };

/** servicesQuery is the region's catalogue (admins may include inactive entries). */
export const servicesQuery = (query: ServicesQuery) =>
  queryOptions({
    queryKey: ['services', query],
    queryFn: async () => (await api.GET('/services', { params: { query } })).data!.items,
  });

/** useIsProvider is whether the signed-in organisation provides services in the catalogue (the services desk's provider). */
export function useIsProvider(organisationId: string | undefined) {
  const provided = useQuery({ ...servicesQuery({ providerId: organisationId }), enabled: !!organisationId });
  return (provided.data?.length ?? 0) > 0;
}
