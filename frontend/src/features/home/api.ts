import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type Overview = components['schemas']['GetMyOverviewResponse'];
export type Share = components['schemas']['GetMyShareResponse'];
type BookingState = components['schemas']['BookingBody']['state'];

/** useMyOverview counts the work waiting for the signed-in user (GET /me/overview). */
export function useMyOverview() {
  return useQuery({ queryKey: ['me', 'overview'], queryFn: async () => (await api.GET('/me/overview')).data! });
}

/** useMyShare is Jouw aandeel of the signed-in klantmanager or accountmanager: the last 12 months. */
export function useMyShare(enabled: boolean) {
  return useQuery({ queryKey: ['me', 'share'], enabled, queryFn: async () => (await api.GET('/me/share')).data! });
}

/** BookingCount is a count of bookings in some states, from the bookings list (organisation users: theirs; provider: of their services). */
export type BookingCount = { states: BookingState[]; provider?: boolean };

/** useBookingCount counts bookings in states; disabled without a query. */
export function useBookingCount(q: BookingCount | undefined) {
  return useQuery({
    queryKey: ['bookings', 'count', q],
    enabled: !!q,
    queryFn: async () => ((await api.GET('/bookings', { params: { query: { state: q!.states, pageSize: 1, ...(q!.provider ? { as: 'provider' as const } : {}) } } })).data as { total: number }).total,
  });
}

/** useFirstSteps is the new organisation's checklist: its profile, first vacature and accountmanager. */
export function useFirstSteps(organisationId: string | undefined) {
  return useQuery({
    queryKey: ['first-steps', organisationId],
    enabled: !!organisationId,
    queryFn: async () => {
      const [steps, openings] = await Promise.all([
        api.GET('/organisations/{id}/first-steps', { params: { path: { id: organisationId! } } }),
        api.GET('/openings', { params: { query: { organisationId, pageSize: 1 } } }),
      ]);
      return { ...steps.data!, openings: openings.data!.total };
    },
  });
}
