// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import '../../i18n';
import { OfferView } from './Offer';
import type { Offer } from './api';

afterEach(cleanup);

const offer: Offer = {
  id: 'i1',
  organisationName: 'Bakkerij De Korenschoof',
  openingTitle: 'Medewerker bakkerij (ochtend)',
  kind: 'vacature',
  place: 'Utrecht',
  hoursMin: 20,
  hoursMax: 32,
  startDate: '2027-01-01',
  support: ['jobcoach'],
  days: ['ma', 'di', 'vr'],
  dayParts: ['ochtend'],
  description: 'Brood bakken.',
  message: 'Kom je kennismaken?',
  advice: 'Goede plek, ga gerust.',
  state: 'viewed',
  disclosed: false,
  sharePhone: false,
  shares: ['name', 'email', 'phone'],
};

describe('OfferView', () => {
  it('says who, what, where and what a yes shares; the phone can be unticked', () => {
    const decide = vi.fn();
    render(<OfferView offer={offer} decide={decide} deciding={false} decideError={null} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Bakkerij De Korenschoof wil met u kennismaken');
    expect(screen.getByText('20 tot 32 uur per week')).toBeTruthy();
    expect(screen.getByText('maandag, dinsdag en vrijdag, in de ochtend')).toBeTruthy();
    expect(screen.getByText('een jobcoach')).toBeTruthy();
    expect(screen.getByText('Goede plek, ga gerust.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Wat deelt u als u ja zegt?' })).toBeTruthy();
    const phone = screen.getByLabelText('uw telefoonnummer') as HTMLInputElement;
    expect(phone.checked).toBe(true);
    fireEvent.click(phone);
    fireEvent.click(screen.getByRole('button', { name: 'Ja, ik wil kennismaken' }));
    expect(decide).toHaveBeenCalledWith({ decision: 'accept', sharePhone: false });
  });

  it('moves the focus to the message after a yes', () => {
    const view = render(<OfferView offer={offer} decide={() => {}} deciding={false} decideError={null} />);
    view.rerender(<OfferView offer={{ ...offer, state: 'accepted', disclosed: true }} decide={() => {}} deciding={false} decideError={null} />);
    const focused = document.activeElement as HTMLElement;
    expect(focused.textContent).toContain('Bakkerij De Korenschoof');
    expect(focused.querySelector('[role="status"]')).toBeTruthy();
  });

  it('asks an optional reason on no', () => {
    const decide = vi.fn();
    render(<OfferView offer={offer} decide={decide} deciding={false} decideError={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Nee, liever niet' }));
    fireEvent.click(screen.getByLabelText('De uren passen niet'));
    fireEvent.change(screen.getByLabelText(/Wilt u nog iets zeggen/), { target: { value: 'Liever middag.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nee zeggen' }));
    expect(decide).toHaveBeenCalledWith({ decision: 'decline', reason: 'uren', note: 'Liever middag.' });
  });

  it('offers to stop sharing after a yes', () => {
    const run = vi.fn();
    render(<OfferView offer={{ ...offer, state: 'accepted', disclosed: true, sharePhone: true }} decide={() => {}} deciding={false} decideError={null}
      stopSharing={{ run, pending: false, error: null, done: false }} />);
    expect(screen.getByText(/ziet nu uw naam, e-mailadres en telefoonnummer/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ja, ik wil kennismaken' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stop met delen' }));
    expect(run).toHaveBeenCalled();
  });
});
