// The services desk's API: one TanStack Query hook per operation.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { saveDownload } from '../../lib/download';
import type { components, paths } from '../../lib/api/schema';
import { servicesQuery, type ServicesQuery } from './provider';

export type Service = components['schemas']['ServiceBody'];
export type ServiceHours = components['schemas']['HoursBody'];
export type PriceUnit = Service['priceUnit'];
export type Eligibility = Service['eligibility'][number];
export type Slot = components['schemas']['SlotBody'];
export type Booking = components['schemas']['BookingBody'];
export type BookingState = Booking['state'];
export type BookingEvent = components['schemas']['BookingEventBody'];
export type BookingRequest = components['schemas']['CreateBookingRequest'];
export type StateChange = components['schemas']['ChangeBookingStateRequest'];
export type Placement = components['schemas']['PlacementItemBody'];
export type BookingQuery = NonNullable<paths['/bookings']['get']['parameters']['query']>;

/** Lists go comma-separated (state=a,b), as the API reads them. */
const commaLists = { array: { style: 'form', explode: false } } as const;

/** useServices is the region's catalogue (admins may include inactive entries). */
export function useServices(query: ServicesQuery = {}, enabled = true) {
  return useQuery({ ...servicesQuery(query), enabled });
}

export function useService(id: string, enabled = true) {
  return useQuery({
    queryKey: ['service', id],
    enabled: enabled && !!id,
    queryFn: async () => (await api.GET('/services/{id}', { params: { path: { id } } })).data!,
  });
}

/** useSaveService creates (no id) or replaces a catalogue entry. */
export function useSaveService(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Service) =>
      id
        ? (await api.PUT('/services/{id}', { params: { path: { id } }, body })).data!
        : (await api.POST('/services', { body })).data!,
    onSuccess: (s) => {
      if (s.id) qc.setQueryData(['service', s.id], s);
      qc.invalidateQueries({ queryKey: ['services'] });
    },
  });
}

/** useSlots are a schedulable service's times from day from (YYYY-MM-DD) for days days. */
export function useSlots(id: string, from: string, days: number, enabled = true) {
  return useQuery({
    queryKey: ['slots', id, from, days],
    enabled: enabled && !!id,
    queryFn: async () => (await api.GET('/services/{id}/slots', { params: { path: { id }, query: { from, days } } })).data!.items,
  });
}

/**
 * usePlacements are the placements a booking can be for (own, or the region's for staff), newest
 * start first; organisationId narrows them to one organisation (the organisation page).
 */
export function usePlacements(enabled = true, organisationId?: string) {
  return useQuery({
    queryKey: ['placements', organisationId ?? ''],
    enabled,
    queryFn: async () => (await api.GET('/placements', { params: { query: organisationId ? { organisation: organisationId } : {} } })).data!.items,
  });
}

/** useOrgOpenings are an organisation's openings (own for organisation users). */
export function useOrgOpenings(organisationId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['openings', { organisationId }],
    enabled,
    queryFn: async () => (await api.GET('/openings', { params: { query: { pageSize: 100, ...(organisationId ? { organisationId } : {}) } } })).data!.items,
  });
}

/** useOrganisations are the region's organisations (staff), for booking on behalf and for providers. */
export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: ['organisations'],
    enabled,
    queryFn: async () => (await api.GET('/organisations')).data!.items,
  });
}

export type BookingPage = components['schemas']['PagedBookingBody'];

async function bookingPage(query: BookingQuery): Promise<BookingPage> {
  return (await api.GET('/bookings', { params: { query }, querySerializer: commaLists })).data as BookingPage;
}

/**
 * useBookings lists bookings for a work view (the provider's dashboard and agenda, the approval queue): own, as a
 * provider, or the region's for staff; the first 100 (the largest page), newest first.
 */
export function useBookings(query: BookingQuery, enabled = true) {
  return useQuery({
    queryKey: ['bookings', query],
    enabled,
    queryFn: async () => (await bookingPage({ pageSize: 100, ...query })).items,
  });
}

/** useBookingPage is one page of a searched, sorted list of bookings; the previous page stays on screen while the next loads. */
export function useBookingPage(query: BookingQuery) {
  return useQuery({ queryKey: ['bookings', 'page', query], queryFn: () => bookingPage(query), placeholderData: keepPreviousData });
}

/** downloadBookings saves every booking the query finds (not one page) as CSV. */
export async function downloadBookings(query: BookingQuery): Promise<void> {
  const all = { ...query, page: undefined, pageSize: undefined };
  const { data, response } = await api.GET('/bookings', { params: { query: all, header: { Accept: 'text/csv' } }, parseAs: 'blob', querySerializer: commaLists });
  saveDownload(data as Blob, response, 'boekingen.csv');
}

/**
 * useBooking is one booking with its history. While waitForPayment, it polls
 * every second until the (asynchronous) payment has moved it on.
 */
export function useBooking(id: string, waitForPayment = false) {
  return useQuery({
    queryKey: ['booking', id],
    queryFn: async () => (await api.GET('/bookings/{id}', { params: { path: { id } } })).data!,
    refetchInterval: (q) => (waitForPayment && q.state.data?.state === 'awaiting_payment' ? 1000 : false),
  });
}

function useBookingMutation<V>(fn: (v: V) => Promise<Booking>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (b) => {
      // The answer is the booking with its history.
      qc.setQueryData(['booking', b.id], b);
      qc.invalidateQueries({ queryKey: ['bookings'] });
      qc.invalidateQueries({ queryKey: ['slots'] });
    },
  });
}

export function useCreateBooking() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: BookingRequest) => (await api.POST('/bookings', { body })).data!,
    onSuccess: (b) => {
      qc.setQueryData(['booking', b.id], b);
      qc.invalidateQueries({ queryKey: ['bookings'] });
      qc.invalidateQueries({ queryKey: ['slots'] });
    },
    // A time taken meanwhile: show the slots as they are now.
    onError: () => qc.invalidateQueries({ queryKey: ['slots'] }),
  });
}

/** useChangeBookingState approves, rejects, confirms, starts, completes or cancels a booking. */
export function useChangeBookingState(id: string) {
  return useBookingMutation(
    async (body: StateChange) => (await api.POST('/bookings/{id}/state-changes', { params: { path: { id } }, body })).data!,
  );
}

export type NewHours = components['schemas']['CreateBookingHoursRequest'];

/** useRecordHours adds a delivery (date, hours, note) to a started booking: the provider. */
export function useRecordHours(id: string) {
  return useBookingMutation(async (body: NewHours) => (await api.POST('/bookings/{id}/hours', { params: { path: { id } }, body })).data!);
}

/** useRequestExtension asks the booking organisation for more hours: the provider. */
export function useRequestExtension(id: string) {
  return useBookingMutation(
    async (body: { hours: number; reason?: string }) => (await api.POST('/bookings/{id}/extensions', { params: { path: { id } }, body })).data!,
  );
}

/** useDecideExtension approves or refuses more hours: the booking organisation. */
export function useDecideExtension(id: string) {
  return useBookingMutation(
    async ({ extensionId, decision }: { extensionId: string; decision: 'approved' | 'refused' }) =>
      (await api.POST('/bookings/{id}/extensions/{extensionId}/decisions', { params: { path: { id, extensionId } }, body: { decision } })).data!,
  );
}

/** useCheckout opens (or reopens) the payment of the period due; the caller sends the browser to url. */
export function useCheckout(id: string) {
  return useMutation({
    mutationFn: async () => (await api.POST('/bookings/{id}/checkouts', { params: { path: { id } } })).data!,
  });
}

export type Invoice = components['schemas']['InvoiceBody'];
export type Payouts = components['schemas']['ListPayoutsResponse'];

/** useInvoices are the invoices the signed-in user may read, or one booking's. */
export function useInvoices(bookingId?: string, enabled = true) {
  return useQuery({
    queryKey: ['invoices', bookingId ?? ''],
    enabled,
    queryFn: async () => (await api.GET('/invoices', { params: { query: bookingId ? { bookingId } : {} } })).data!.items,
  });
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: ['invoice', id],
    enabled: !!id,
    queryFn: async () => (await api.GET('/invoices/{id}', { params: { path: { id } } })).data!,
  });
}

/** usePayouts is what a provider was paid: Werkhaven's records and Stripe's payouts. */
export function usePayouts() {
  return useQuery({
    queryKey: ['payouts'],
    queryFn: async () => (await api.GET('/payouts')).data!,
  });
}
