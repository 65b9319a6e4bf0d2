// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../../i18n';
import type { Estimate, EstimateRequest, Parameter } from './api';
import { Calculator, Overview } from './Subsidies';

const state = vi.hoisted(() => ({ asked: [] as unknown[], estimate: undefined as unknown }));

vi.mock('../../lib/session', () => ({ useSession: () => ({ data: { user: { role: 'werkgever' } } }) }));
vi.mock('./api', () => ({
  useEstimate: (body: EstimateRequest | undefined) => {
    if (body) state.asked.push(body);
    return { data: state.estimate, error: null, isFetching: false };
  },
}));

const lks: Estimate = {
  scheme: 'lks',
  date: '2027-03-01',
  monthlyCents: 122411,
  flatRate: false,
  flatRateMonths: 6,
  capApplied: false,
  decidedBy: 'gemeente',
  extrapolated: true,
  message: 'Voor deze datum is het minimumloon nog niet bekend: het bedrag rekent met het minimumloon vanaf 2026-01-01.',
  fullTimeHours: 36,
  parameters: [
    { key: 'employer_costs', scope: 'national', unit: 'basisPoints', value: 2350, validFrom: '2025-01-01', source: 'Stcrt. 2017, 68248', checkedOn: '2026-12-04' },
    { key: 'wml_month', scope: 'national', unit: 'cents', value: 229440, validFrom: '2026-01-01', source: 'Wet minimumloon' },
  ],
};

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  state.asked = [];
});

const last = () => state.asked[state.asked.length - 1];

describe('Calculator', () => {
  it('asks again as the sliders move, once they rest, and shows the amount, who decides, the notes and the sources', () => {
    vi.useFakeTimers();
    state.estimate = lks;
    render(<Calculator />);
    fireEvent.change(screen.getByLabelText('Datum'), { target: { value: '2027-03-01' } });
    fireEvent.change(screen.getByLabelText('Uren per week'), { target: { value: '36' } });
    fireEvent.change(screen.getByLabelText('Loonwaarde'), { target: { value: '55' } });
    fireEvent.change(screen.getByLabelText('Loonwaarde'), { target: { value: '60' } });
    act(() => vi.advanceTimersByTime(300));
    expect(last()).toEqual({ scheme: 'lks', date: '2027-03-01', hoursPerWeek: 36, fullTimeHours: 36, wageValuePercent: 60 });
    expect(state.asked.some((b) => (b as EstimateRequest).wageValuePercent === 55)).toBe(false);
    expect(screen.getByText('Indicatief — de gemeente beslist')).toBeTruthy();
    expect(screen.getByText(/Ongeveer €\s1\.224,11 per maand/)).toBeTruthy();
    expect(screen.getByText(/minimumloon nog niet bekend/)).toBeTruthy();
    expect(screen.getByText('Gebruikte bedragen en bronnen')).toBeTruthy();
    expect(screen.getByText(/23,5% · vanaf 1 januari 2025 · Stcrt. 2017, 68248 · gecontroleerd op 4 december 2026/)).toBeTruthy();
    expect(screen.getByText(/Wet minimumloon · niet gecontroleerd/)).toBeTruthy();
    expect((screen.getByLabelText('Uren per week') as HTMLInputElement).getAttribute('aria-valuetext')).toBe('36 uur');
  });

  it('sends the flat rate instead of the loonwaarde, and the LKV fields for LKV with UWV as the decider', () => {
    vi.useFakeTimers();
    state.estimate = undefined;
    render(<Calculator />);
    fireEvent.change(screen.getByLabelText('Datum'), { target: { value: '2026-01-15' } });
    fireEvent.click(screen.getByLabelText('Forfaitair (eerste maanden)'));
    act(() => vi.advanceTimersByTime(300));
    expect(screen.queryByLabelText('Loonwaarde')).toBeNull();
    expect(last()).toEqual({ scheme: 'lks', date: '2026-01-15', hoursPerWeek: 32, fullTimeHours: 36, flatRate: true });
    fireEvent.click(screen.getByLabelText('Loonkostenvoordeel (LKV)'));
    fireEvent.change(screen.getByLabelText('Doelgroep'), { target: { value: 'arbeidsgehandicapt' } });
    act(() => vi.advanceTimersByTime(300));
    expect(last()).toEqual({ scheme: 'lkv', date: '2026-01-15', targetGroup: 'arbeidsgehandicapt', hoursPerYear: 1664 });
    expect(screen.getByText('Indicatief — UWV beslist')).toBeTruthy();
  });
});

const param = (key: string, scope: 'national' | 'regional', unit: Parameter['unit'], value?: number): Parameter => ({
  key,
  scope,
  unit,
  min: 0,
  max: 60,
  periods: value === undefined ? [] : [{ id: key, key, scope, unit, value, validFrom: '2025-01-01', source: 'bron' }],
});

describe('Overview', () => {
  it("states the region's terms from its parameters, in plain words", () => {
    render(
      <MemoryRouter>
        <Overview params={[param('lks_apply_months', 'regional', 'months', 6), param('lkv_request_months', 'national', 'months', 3),
          param('proefplaatsing_months', 'regional', 'months', 2), param('proefplaatsing_extend_months', 'regional', 'months', 1),
          param('no_riskpolis_report_days', 'national', 'days', 42), param('lks_reassess_months', 'regional', 'months')]} />
      </MemoryRouter>,
    );
    expect(screen.getByText('Aanvragen: binnen 6 maanden na de eerste werkdag.')).toBeTruthy();
    expect(screen.getByText(/doelgroepverklaring aan binnen 3 maanden na de eerste werkdag/)).toBeTruthy();
    expect(screen.getByText('Duur: 2 maanden. Verlengen kan met 1 maand.')).toBeTruthy();
    expect(screen.getByText('Meld de ziekte bij UWV binnen 42 dagen.')).toBeTruthy();
    expect(screen.getByText('Vraag de gemeente wanneer zij de loonwaarde opnieuw meet.')).toBeTruthy();
    expect(screen.getAllByText('UWV beslist.').length).toBe(2);
    expect(screen.getByRole('link', { name: 'Jobcoaching aanvragen bij de diensten' }).getAttribute('href')).toBe('/diensten?soort=jobcoaching');
  });
});
