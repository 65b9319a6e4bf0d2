// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import '../../i18n';
import type { Booking } from './api';
import { ApprovalActions, Outcome, useApprovalOutcome } from './actions';

const booking = {
  id: 'b1',
  serviceId: 's1',
  serviceTitle: 'Jobcoaching op de werkvloer',
  serviceKind: 'jobcoaching',
  priceUnit: 'per_hour',
  organisationId: 'o1',
  organisationName: 'Zorghotel Het Anker',
  state: 'awaiting_approval',
  quantity: 8,
  unitPriceCents: 8500,
  amountCents: 68000,
  paidCents: 0,
  refundedCents: 0,
  deliveredHours: 0,
  createdAt: '2030-01-01T09:00:00Z',
  updatedAt: '2030-01-01T09:00:00Z',
} as Booking;

const state = vi.hoisted(() => ({ sent: [] as unknown[] }));

vi.mock('./api', () => ({
  useChangeBookingState: () => ({
    mutate: (body: { state: string }, opts?: { onSuccess?: (b: unknown) => void }) => {
      state.sent.push(body);
      opts?.onSuccess?.({ ...booking, state: 'awaiting_payment', payBy: '2030-01-15T16:00:00Z' });
    },
    isPending: false,
    error: null,
  }),
  useCheckout: () => ({}),
}));

/** Queue is the approval queue in small: the card goes once decided, the outcome stays. */
function Queue() {
  const [done, setDone] = useState('');
  const outcome = useApprovalOutcome();
  return (
    <>
      <Outcome message={done} />
      {!done && <ApprovalActions b={booking} onDone={(b) => setDone(outcome(b))} />}
    </>
  );
}

afterEach(cleanup);

describe('ApprovalActions', () => {
  it('asks first, says what happened and keeps the focus', async () => {
    state.sent = [];
    render(<Queue />);
    fireEvent.click(screen.getByRole('button', { name: /^Goedkeuren/ }));
    expect(state.sent).toEqual([]);
    const question = screen.getByText(/Jobcoaching op de werkvloer voor Zorghotel Het Anker goedkeuren\?/);
    expect(document.activeElement).toBe(question);
    // No: back to where the user was.
    fireEvent.click(screen.getByRole('button', { name: 'Nee, terug' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Goedkeuren/ }));
    fireEvent.click(screen.getByRole('button', { name: /^Goedkeuren/ }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Ja, goedkeuren' })));
    expect(state.sent).toEqual([{ state: 'approved' }]);
    const status = screen.getByRole('status');
    expect(status.textContent).toMatch(/U heeft Jobcoaching op de werkvloer voor Zorghotel Het Anker goedgekeurd\. De organisatie krijgt een mail om te betalen vóór 15 januari 2030/);
    expect(document.activeElement?.contains(status)).toBe(true);
  });
});
