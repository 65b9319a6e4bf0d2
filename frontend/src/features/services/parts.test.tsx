// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import i18n from '../../i18n';
import type { BookingEvent } from './api';
import { BookingHistory } from './parts';

afterEach(cleanup);

const events: BookingEvent[] = [
  { at: '2030-01-07T09:00:00Z', actor: 'system', from: 'requested', to: 'awaiting_payment' },
  { at: '2030-01-07T09:05:00Z', actor: 'stripe', from: 'awaiting_payment', to: 'awaiting_payment', code: 'paymentAmountMismatch', reason: 'EUR 0.01 ≠ EUR 300.00' },
  { at: '2030-01-07T09:06:00Z', actor: 'stripe', from: 'awaiting_payment', to: 'awaiting_payment', reason: 'betaling mislukt' },
];

describe('BookingHistory', () => {
  it('reads a payment note as its label with the amounts, and a note without a code as the state it left alone', async () => {
    await i18n.changeLanguage('nl');
    render(<BookingHistory id="b1" events={events} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items[0]).toContain('van aangevraagd naar wacht op betaling');
    expect(items[1]).toContain('Betaling: Betaling met een verkeerd bedrag: niet als betaald geboekt.');
    expect(items[1]).toContain('EUR 0.01 ≠ EUR 300.00');
    expect(items[1]).not.toContain('van wacht op betaling');
    expect(items[2]).toContain('Betaling: wacht op betaling · betaling mislukt');
  });
});
