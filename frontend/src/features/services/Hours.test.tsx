// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import '../../i18n';
import type { Booking } from './api';
import { HoursSection } from './Hours';

const booking = {
  id: 'b1',
  serviceId: 's1',
  serviceTitle: 'Jobcoaching op de werkvloer',
  serviceKind: 'jobcoaching',
  priceUnit: 'per_hour',
  organisationId: 'o1',
  organisationName: 'Zorghotel Het Anker',
  state: 'in_progress',
  quantity: 10,
  unitPriceCents: 8500,
  amountCents: 85000,
  paidCents: 85000,
  refundedCents: 0,
  deliveredHours: 8.5,
  createdAt: '2030-01-01T09:00:00Z',
  updatedAt: '2030-01-01T09:00:00Z',
  hoursEntries: [
    { id: 'h1', date: '2030-01-06', hours: 2.5, note: 'Kennismaking', recordedAt: '2030-01-06T12:00:00Z' },
    { id: 'h2', date: '2030-01-07', hours: 6, recordedAt: '2030-01-07T12:00:00Z' },
  ],
  extensions: [{ id: 'e1', hours: 4, amountCents: 34000, state: 'requested', reason: 'Twee middagen', requestedAt: '2030-01-07T13:00:00Z' }],
} as Booking;

const state = vi.hoisted(() => ({ hours: [] as unknown[], decisions: [] as unknown[] }));

vi.mock('./api', () => ({
  useRecordHours: () => ({ mutate: (body: unknown) => state.hours.push(body), isPending: false, error: null }),
  useRequestExtension: () => ({ mutate: () => undefined, isPending: false, error: null }),
  useDecideExtension: () => ({ mutate: (body: unknown) => state.decisions.push(body), isPending: false, error: null }),
  useChangeBookingState: () => ({}),
  useCheckout: () => ({}),
}));

afterEach(cleanup);

describe('HoursSection', () => {
  it('lists the entries against the booked hours; the provider records one with a date and note', () => {
    state.hours = [];
    render(<HoursSection b={booking} provider booker={false} />);
    expect(screen.getByText('8,5 van 10 geboekte uren geleverd.')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('Kennismaking')).toBeTruthy();
    // An open request: the provider cannot ask another, nor decide it.
    expect(screen.queryByRole('button', { name: 'Extra uren vragen' })).toBeNull();
    expect(screen.queryByRole('button', { name: '4 uur extra goedkeuren' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Datum'), { target: { value: '2030-01-08' } });
    fireEvent.change(screen.getByLabelText('Uren'), { target: { value: '1,5' } });
    fireEvent.change(screen.getByLabelText('Notitie (niet verplicht)'), { target: { value: ' Evaluatie ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Uren vastleggen' }));
    expect(state.hours).toEqual([{ date: '2030-01-08', hours: 1.5, note: 'Evaluatie' }]);
  });

  it('lets the werkgever approve the extra hours', () => {
    state.decisions = [];
    render(<HoursSection b={booking} provider={false} booker />);
    expect(screen.getByText(/De aanbieder vraagt 4 uur extra \(€\s340,00\)\. Reden: Twee middagen/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Uren vastleggen' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '4 uur extra goedkeuren' }));
    expect(state.decisions).toEqual([{ extensionId: 'e1', decision: 'approved' }]);
  });
});
