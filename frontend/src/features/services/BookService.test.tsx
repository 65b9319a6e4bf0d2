// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import '../../i18n';
import { ApiError } from '../../lib/api/error';
import type { Service, Slot } from './api';
import { BookService } from './BookService';

const jobcoaching: Service = {
  id: 's1',
  kind: 'jobcoaching',
  titleNl: 'Jobcoaching op de werkvloer',
  titleEn: 'Job coaching at work',
  providerName: 'Jobcoach Utrecht BV',
  priceCents: 8500,
  priceUnit: 'per_hour',
  requiresApproval: true,
  eligibility: ['placement'],
  cancelFreeHours: 48,
  cancelFeePercent: 50,
  schedulable: false,
  active: true,
  hours: [],
};

const slots: Slot[] = [
  { startsAt: '2030-01-08T08:00:00Z', endsAt: '2030-01-08T09:00:00Z', free: 2 },
  { startsAt: '2030-01-08T09:00:00Z', endsAt: '2030-01-08T10:00:00Z', free: 0 },
  { startsAt: '2030-01-07T08:00:00Z', endsAt: '2030-01-07T09:00:00Z', free: 1 },
];

const state = vi.hoisted(() => ({ service: undefined as unknown, error: undefined as unknown, sent: [] as unknown[] }));

vi.mock('../../lib/session', () => ({ useSession: () => ({ data: { user: { role: 'werkgever', organisationId: 'o1' } } }) }));
vi.mock('./api', () => ({
  useService: () => ({ data: state.service, isLoading: false, error: null }),
  usePlacements: () => ({
    data: [{ id: 'p1', candidateCode: 'K-7F3A2', openingTitle: 'Keukenhulp', startDate: '2030-01-01', organisationName: 'Zorghotel Het Anker' }],
    isLoading: false,
    error: null,
  }),
  useOrgOpenings: () => ({ data: [], isLoading: false, error: null }),
  useOrganisations: () => ({ data: [], isLoading: false, error: null }),
  useSlots: () => ({ data: slots, isLoading: false, error: null }),
  useCreateBooking: () => ({ mutate: (body: unknown) => state.sent.push(body), isPending: false, error: state.error }),
}));


function renderForm(service: Service, error?: ApiError) {
  state.service = service;
  state.error = error;
  state.sent = [];
  return render(
    <MemoryRouter initialEntries={[`/diensten/${service.id}/boeken`]}>
      <Routes>
        <Route path="/diensten/:id/boeken" element={<BookService />} />
      </Routes>
    </MemoryRouter>,
  );
}

afterEach(cleanup);

describe('BookService', () => {
  it('asks for the placement, hours and note, and sends them', () => {
    renderForm(jobcoaching);
    expect(screen.getByText(/Totaal: €\s680,00/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Voor welke plaatsing?'), { target: { value: 'p1' } });
    fireEvent.change(screen.getByLabelText('Aantal uur'), { target: { value: '10' } });
    expect(screen.getByText(/Totaal: €\s850,00/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Opmerking voor de aanbieder/), { target: { value: ' Graag op dinsdag. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aanvraag versturen' }));
    expect(state.sent).toEqual([{ serviceId: 's1', placementId: 'p1', quantity: 10, note: 'Graag op dinsdag.' }]);
  });

  it('puts the rule the server names on its field', () => {
    renderForm(
      jobcoaching,
      new ApiError(400, {
        invalidParams: [{ name: 'placementId', code: 'eligibility.placement', reason: 'Deze dienst is alleen voor een plaatsing: kies de plaatsing.' }],
      }),
    );
    const select = screen.getByLabelText('Voor welke plaatsing?');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    const described = (select.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Deze dienst is alleen voor een plaatsing: kies de plaatsing.');
  });

  it('lists free times by day as one radio group and sends the chosen one', () => {
    renderForm({ ...jobcoaching, id: 's2', kind: 'intake', titleNl: 'Kennismaking', priceUnit: 'free', priceCents: 0, requiresApproval: false, eligibility: [], schedulable: true, slotMinutes: 60 });
    const days = screen.getAllByRole('group').filter((g) => /januari/.test(g.textContent ?? ''));
    expect(days.map((d) => within(d).getAllByRole('radio').length)).toEqual([1, 1]);
    expect(days[0].textContent).toMatch(/^maandag 7 januari/);
    // The full 10:00 slot is left out; every time shares one name, so arrow keys move between days.
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.name)).toEqual(['startsAt', 'startsAt']);
    expect(screen.getByLabelText('09:00–10:00 (nog 2 plaatsen)')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('09:00–10:00 (nog 1 plaats)'));
    fireEvent.click(screen.getByRole('button', { name: 'Nu boeken' }));
    expect(state.sent).toEqual([{ serviceId: 's2', startsAt: '2030-01-07T08:00:00Z' }]);
  });

  it('shows why a time did not work', () => {
    renderForm(
      { ...jobcoaching, id: 's2', priceUnit: 'free', priceCents: 0, requiresApproval: false, eligibility: [], schedulable: true },
      new ApiError(409, { code: 'slotTaken', detail: 'Dit tijdstip is net geboekt. Kies een ander tijdstip.' }),
    );
    expect(screen.getByText('Dit tijdstip is net geboekt. Kies een ander tijdstip.')).toBeTruthy();
  });
});
