// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../../i18n';
import type { MyExport } from './api';
import { ExportView, MyDataExport } from './MyDataExport';

afterEach(cleanup);

const heading = (title: string) => ({ title, explanation: `Uitleg bij ${title.toLowerCase()}.` });
const self = { role: 'kandidaat' as const, description: 'u zelf' };
const km = { role: 'klantmanager' as const, name: 'Femke de Vries', description: 'klantmanager Femke de Vries' };
const bakery = { role: 'werkgever' as const, organisation: 'Bakkerij De Korenschoof', description: 'Bakkerij De Korenschoof (werkgever)' };
const empty = <T,>(title: string) => ({ ...heading(title), items: [] as T[] });

const doc: MyExport = {
  ...heading('Mijn gegevens bij Werkhaven'),
  generatedAt: '2026-12-03T10:00:00Z',
  language: 'nl',
  contact: { ...heading('Uw naam en contactgegevens'), name: 'Sanne de Boer', email: 'sanne@example.org', phone: '06 11223344', street: 'Oudegracht 1',
    postcode: '3511 AB', place: 'Utrecht', mailLanguage: { value: 'nl', label: 'Nederlands' } },
  account: { ...heading('Uw account'), email: 'sanne@example.org', createdAt: '2026-01-05T09:00:00Z', signIns: [], links: [] },
  profile: { ...heading('Uw profiel'), publicCode: 'K-7F3A2', status: { value: 'available', label: 'Beschikbaar' }, freshness: { value: 'fresh', label: 'Recent bevestigd' },
    confirmedAt: '2026-11-30T09:00:00Z', consent: true, klantmanager: km, occupations: [{ id: 'o-1', label: 'bakker' }], skills: [{ id: 'haccp', label: 'HACCP-hygiënecode' }],
    experience: '', languages: [{ code: 'nl', label: 'Nederlands', level: 'B1' }], drivingLicence: false, ownTransport: true, pc4: '3511', days: [], dayParts: [],
    supportNeeds: [{ value: 'jobcoach', label: 'Jobcoach welkom' }], doelgroepregister: true, praktijkroute: false, lksIndicatie: false,
    createdAt: '2026-01-05T09:00:00Z', updatedAt: '2026-11-30T09:00:00Z' },
  consents: { ...heading('Uw toestemming'), items: [{ given: true, method: { value: 'kandidaat_portaal', label: 'U zelf, in Mijn gegevens' }, recordedBy: self, recordedAt: '2026-02-01T09:00:00Z' }] },
  invites: { ...heading('Uitnodigingen'), items: [{ id: 'i-1', organisationName: 'Bakkerij De Korenschoof', openingTitle: 'Bakker (ochtend)',
    state: { value: 'accepted', label: 'Geaccepteerd' }, decision: { value: 'accepted', label: 'U zei ja' }, message: 'Kom kennismaken!',
    createdAt: '2026-11-01T09:00:00Z', sentAt: '2026-11-01T09:00:00Z', expiresAt: '2026-11-08T09:00:00Z', decidedAt: '2026-11-02T09:00:00Z',
    history: [
      { at: '2026-11-01T09:00:00Z', actor: bakery, state: { value: 'invited', label: 'Uitgenodigd' }, description: 'Uitgenodigd' },
      { at: '2026-11-02T09:00:00Z', actor: self, state: { value: 'accepted', label: 'Geaccepteerd' }, description: 'Geaccepteerd' },
    ] }] },
  disclosures: { ...heading('Met wie u uw gegevens deelt'), items: [{ inviteId: 'i-1', organisationName: 'Bakkerij De Korenschoof', openingTitle: 'Bakker (ochtend)',
    shared: [{ value: 'name', label: 'Uw naam' }, { value: 'email', label: 'Uw e-mailadres' }], grantedAt: '2026-11-02T09:00:00Z', active: true,
    until: 'Tot u stopt met delen. Dat kan bij Mijn uitnodigingen.' }] },
  placements: empty('Werk via Werkhaven'),
  recommendations: empty('Aanbevelingen'),
  poolAppearances: { ...heading('Hoe vaak werkgevers u zagen'), items: [{ week: '2026-W48', openings: 3 }] },
  services: empty('Diensten voor u'),
  lksApplications: empty('Loonkostensubsidie'),
  mails: empty('E-mails aan u'),
  confirmationLinks: empty('Links om te bevestigen'),
  notifications: empty('Berichten in Werkhaven'),
  history: { ...heading('Wat er met uw gegevens gebeurde'), items: [{ at: '2026-01-05T09:00:00Z', action: { value: 'candidate.created', label: 'U bent ingeschreven' }, actor: km }] },
  accessLog: { ...heading('Wie uw gegevens bekeek'), items: [{ at: '2026-11-02T10:00:00Z', actor: bakery, reason: 'U zei ja op de uitnodiging voor Bakker (ochtend)' }] },
};

const state = vi.hoisted(() => ({ data: undefined as unknown }));
vi.mock('./api', () => ({
  useMyExport: () => ({ data: state.data, isLoading: false, error: null }),
  exportDownloadHref: (lang: string) => `/api/v1/me/candidate/export?lang=${lang}`,
}));

describe('ExportView', () => {
  it('shows every section with its heading and explanation', () => {
    render(<ExportView doc={doc} />);
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles).toEqual(['Uw naam en contactgegevens', 'Uw account', 'Uw profiel', 'Uw toestemming', 'Uitnodigingen', 'Met wie u uw gegevens deelt',
      'Werk via Werkhaven', 'Aanbevelingen', 'Hoe vaak werkgevers u zagen', 'Diensten voor u', 'Loonkostensubsidie', 'E-mails aan u', 'Links om te bevestigen',
      'Berichten in Werkhaven', 'Wat er met uw gegevens gebeurde', 'Wie uw gegevens bekeek']);
    expect(screen.getByText('Uitleg bij uitnodigingen.')).toBeTruthy();
    // Each section is a region named by its heading.
    expect(screen.getByRole('region', { name: 'Uw profiel' })).toBeTruthy();
  });

  it('shows labels, not codes: the occupation, the invite with its answer and history', () => {
    render(<ExportView doc={doc} />);
    const profile = screen.getByRole('region', { name: 'Uw profiel' });
    expect(within(profile).getByText('bakker')).toBeTruthy();
    expect(within(profile).getByText('klantmanager Femke de Vries')).toBeTruthy();
    expect(within(profile).queryByText('o-1')).toBeNull();
    const invites = screen.getByRole('region', { name: 'Uitnodigingen' });
    expect(within(invites).getByRole('heading', { level: 3, name: 'Bakkerij De Korenschoof: Bakker (ochtend)' })).toBeTruthy();
    expect(within(invites).getByText('U zei ja')).toBeTruthy();
    const steps = within(invites).getAllByRole('row');
    expect(steps).toHaveLength(3);
    expect(within(steps[2]).getByText('u zelf')).toBeTruthy();
  });

  it('tables the disclosure and who read the data; empty sections say so', () => {
    render(<ExportView doc={doc} />);
    const shared = screen.getByRole('region', { name: 'Met wie u uw gegevens deelt' });
    // A table that may be wider than a phone scrolls in a region that takes keyboard focus.
    const scroll = within(shared).getByRole('region', { name: 'Tabel: Met wie u uw gegevens deelt' });
    expect(scroll.getAttribute('tabindex')).toBe('0');
    const row = within(scroll).getAllByRole('row')[1];
    expect(within(row).getByText('Bakkerij De Korenschoof')).toBeTruthy();
    expect(within(row).getByText('Uw naam, Uw e-mailadres')).toBeTruthy();
    expect(within(row).getByText(/Tot u stopt met delen/)).toBeTruthy();
    const reads = screen.getByRole('region', { name: 'Wie uw gegevens bekeek' });
    expect(within(reads).getByText('Bakkerij De Korenschoof (werkgever)')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Diensten voor u' })).getByText('Hier staat niets.')).toBeTruthy();
  });
});

describe('MyDataExport', () => {
  it('offers printing and the JSON download, kept out of the print', () => {
    state.data = doc;
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    render(<MemoryRouter><MyDataExport /></MemoryRouter>);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Mijn gegevens bekijken');
    const button = screen.getByRole('button', { name: 'Afdrukken' });
    fireEvent.click(button);
    expect(print).toHaveBeenCalled();
    const download = screen.getByRole('link', { name: 'Download als bestand (JSON)' });
    expect(download.getAttribute('href')).toBe('/api/v1/me/candidate/export?lang=nl');
    expect(button.closest('.wh-no-print')).toBeTruthy();
    expect(download.closest('.wh-no-print')).toBeTruthy();
  });
});
