// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import '../../i18n';
import type { Booking } from './api';
import { ConsentNotice, ProviderActions } from './actions';

const booking = {
  id: 'b1',
  serviceId: 's1',
  serviceTitle: 'Jobcoaching op de werkvloer',
  serviceKind: 'jobcoaching',
  priceUnit: 'per_hour',
  organisationId: 'o1',
  organisationName: 'Zorghotel Het Anker',
  providerId: 'p1',
  providerName: 'Jobcoach Utrecht BV',
  state: 'paid',
  quantity: 8,
  unitPriceCents: 8500,
  amountCents: 68000,
  paidCents: 68000,
  refundedCents: 0,
  deliveredHours: 0,
  createdAt: '2030-01-01T09:00:00Z',
  updatedAt: '2030-01-01T09:00:00Z',
} as Booking;

vi.mock('./api', () => ({
  useChangeBookingState: () => ({ mutate: () => {}, isPending: false, error: null }),
  useCheckout: () => ({}),
}));

afterEach(cleanup);

describe('the kandidaat agreement on a booking', () => {
  it('tells the werkgever why the booking waits, and what a no means', () => {
    render(<ConsentNotice b={{ ...booking, candidateConsent: 'asked' }} />);
    expect(screen.getByText(/Deze boeking wacht op toestemming van de kandidaat\. Jobcoach Utrecht BV ziet de naam/)).toBeTruthy();
    cleanup();
    render(<ConsentNotice b={{ ...booking, candidateConsent: 'declined' }} />);
    expect(screen.getByText(/wil de gegevens niet delen met Jobcoach Utrecht BV.+Annuleren kost niets/)).toBeTruthy();
  });

  it('gives the provider no step until the kandidaat agrees', () => {
    render(<ProviderActions b={{ ...booking, candidateConsent: 'asked' }} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText(/Wacht op toestemming van de kandidaat/)).toBeTruthy();
    cleanup();
    render(<ProviderActions b={{ ...booking, candidateConsent: 'revoked' }} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('De kandidaat deelt de gegevens niet meer met u.')).toBeTruthy();
    cleanup();
    render(<ProviderActions b={{ ...booking, candidateConsent: 'granted' }} />);
    expect(screen.getByRole('button', { name: /Bevestigen/ })).toBeTruthy();
  });

  it('says nothing on a booking that asks nothing', () => {
    const { container } = render(<ConsentNotice b={booking} />);
    expect(container.textContent).toBe('');
  });
});
