import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type InviteSubsidies = components['schemas']['GetInviteSubsidiesResponse'];
export type PlacementScheme = components['schemas']['PlacementSchemeBody'];
export type PlacementTerm = components['schemas']['PlacementTermBody'];
export type UsedParameter = components['schemas']['UsedParameterBody'];

/**
 * useInviteSubsidies reads what applies to an invite the kandidaat accepted.
 * The server audits the read of the candidate's indications, so it is not
 * refetched behind the user's back; version (the invite's state and
 * placement) makes a new placement fetch it again.
 */
export function useInviteSubsidies(id: string, version: string, enabled: boolean) {
  return useQuery({
    queryKey: ['invite-subsidies', id, version],
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    queryFn: async () => (await api.GET('/invites/{id}/subsidies', { params: { path: { id } } })).data!,
  });
}
