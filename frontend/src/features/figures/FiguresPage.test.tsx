// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../../i18n';
import { ApiError } from '../../lib/api/error';
import type { Figures } from './api';
import { FiguresPage } from './FiguresPage';

afterEach(cleanup);

const ret = (due: number, yes: number) => ({ due, yes, no: due - yes, unanswered: 0 });
const funnel = {
  openingsPublished: 12, openingsWithPoolViews: 10, invitesSent: 50, invitesAccepted: 40, invitesDeclined: 6, invitesExpired: 4,
  intakesPlanned: 20, placements: 9, stillEmployed4w: ret(8, 6), stillEmployed13w: ret(5, 4), stillEmployed26w: ret(0, 0),
};
const figures: Figures = {
  from: '2025-12-05', to: '2026-12-04', funnel,
  rates: [
    { from: 'invitesSent', to: 'invitesAccepted', numerator: 40, n: 50, rate: 0.8, low: 0.6696, high: 0.8876, small: false },
    { from: 'placements', to: 'stillEmployed4w', numerator: 6, n: 8, rate: 0.75, low: 0.409, high: 0.929, small: true },
    { from: 'placements', to: 'stillEmployed26w', numerator: 0, n: 0, rate: null, low: null, high: null, small: true },
  ],
  times: [{ name: 'inviteToDecision', n: 46, medianHours: 30, p90Hours: 120 }],
  perService: [
    { service: 'jobcoaching', withService: true, placements: 3, stillEmployed13w: ret(2, 2), stillEmployed26w: ret(0, 0),
      retention13w: { from: 'placements', to: 'stillEmployed13w', numerator: 2, n: 2, rate: 1, low: 0.342, high: 1, small: true },
      retention26w: { from: 'placements', to: 'stillEmployed26w', numerator: 0, n: 0, rate: null, low: null, high: null, small: true } },
  ],
  perOccupation: [{ id: 'o-1', label: 'bakker', funnel, rates: [] }],
  perOrganisation: [{ id: 'org-1', label: 'Bakkerij De Korenschoof', funnel, rates: [] }],
};

const state = vi.hoisted(() => ({ data: undefined as unknown, error: null as unknown }));
vi.mock('./api', () => ({
  useFigures: () => ({ data: state.data, isLoading: false, isFetching: false, error: state.error }),
  downloadCsv: vi.fn(),
}));

const page = (path: string, own = false) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <FiguresPage own={own} />
    </MemoryRouter>,
  );

describe('FiguresPage', () => {
  it('draws the funnel as a picture of the table beside it, with every number in the table', () => {
    state.data = figures;
    state.error = null;
    page('/cijfers');
    expect(screen.getByRole('img', { name: /Staafdiagram van vacature naar werk/ })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Aantallen per stap' });
    const row = within(table).getByRole('rowheader', { name: 'Uitnodigingen verstuurd' }).closest('tr')!;
    expect(row.textContent).toContain('50');
  });
  it('shows a rate with its interval and n, and a small n as counts marked klein aantal, never a bare percentage', () => {
    state.data = figures;
    page('/cijfers');
    const rates = screen.getByRole('table', { name: /Percentages per stap/ });
    const rows = within(rates).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toContain('Uitnodigingen verstuurd → Uitnodigingen met ja80,0% (marge 67,0%–88,8%; 40 van 50)');
    expect(rows).toContain('Aan het werk → Na 4 weken nog aan het werk6 van 8 (marge 40,9%–92,9%) klein aantal');
    expect(rows.join()).not.toContain('75,0%');
    expect(rows).toContain('Aan het werk → Na 26 weken nog aan het werkgeen (n = 0)');
  });
  it('labels the groups per service as differences between groups, not effects', () => {
    state.data = figures;
    page('/cijfers?dienst=jobcoaching');
    expect(screen.getByRole('table', { name: 'Per dienst: verschillen tussen groepen, geen effecten van de dienst' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Met Jobcoaching' })).toBeTruthy();
    expect((screen.getByLabelText('Dienst') as HTMLSelectElement).value).toBe('jobcoaching');
  });
  it('on Resultaten has no organisation filter or table', () => {
    state.data = figures;
    page('/resultaten?organisatie=org-1', true);
    expect(screen.getByRole('heading', { level: 1, name: 'Resultaten' })).toBeTruthy();
    expect(screen.queryByLabelText('Organisatie')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Per organisatie' })).toBeNull();
  });
  it("puts the server's 400 on the field it names", () => {
    state.data = undefined;
    state.error = new ApiError(400, { status: 400, code: 'invalid', invalidParams: [{ name: 'to', code: 'minimum', reason: 'De einddatum ligt voor de begindatum.' }] });
    page('/cijfers?van=2026-06-01&tot=2026-01-01');
    expect(screen.getByText('Controleer de velden hieronder.')).toBeTruthy();
    expect(screen.getByText('De einddatum ligt voor de begindatum.')).toBeTruthy();
    expect(screen.getByLabelText('Geplaatst tot en met').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Geplaatst vanaf').getAttribute('aria-invalid')).not.toBe('true');
  });
});
