// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import '../../i18n';
import { ApiError } from '../../lib/api/error';
import type { Parameter } from './api';
import { canDelete, PeriodForm } from './ParametersAdmin';

const state = vi.hoisted(() => ({ added: [] as unknown[], updated: [] as unknown[], error: undefined as unknown }));

vi.mock('./api', () => ({
  useAddPeriod: () => ({ mutate: (body: unknown) => state.added.push(body), isPending: false, error: state.error }),
  useUpdatePeriod: () => ({ mutate: (body: unknown) => state.updated.push(body), isPending: false, error: state.error }),
}));

const employerCosts: Parameter = {
  key: 'employer_costs',
  scope: 'national',
  unit: 'basisPoints',
  min: 0,
  max: 10000,
  periods: [{ id: 'p1', key: 'employer_costs', scope: 'national', unit: 'basisPoints', value: 2350, validFrom: '2025-01-01', source: 'Stcrt. 2017, 68248', checkedOn: '2026-12-04' }],
};

afterEach(() => {
  cleanup();
  state.added = [];
  state.updated = [];
  state.error = undefined;
});

describe('canDelete', () => {
  it('allows only a future period that is not the last', () => {
    const two: Parameter = { ...employerCosts, periods: [...employerCosts.periods, { ...employerCosts.periods[0], id: 'p2', validFrom: '2030-01-01' }] };
    expect(canDelete(two, two.periods[1], '2026-12-04')).toBe(true);
    expect(canDelete(two, two.periods[0], '2026-12-04')).toBe(false);
    const lone = { ...employerCosts, periods: [two.periods[1]] };
    expect(canDelete(lone, lone.periods[0], '2026-12-04')).toBe(false);
  });
});

describe('PeriodForm', () => {
  it('adds a period with the value in basis points', () => {
    render(<PeriodForm p={employerCosts} onDone={() => {}} />);
    fireEvent.change(screen.getByLabelText('Geldig vanaf'), { target: { value: '2027-01-01' } });
    fireEvent.change(screen.getByLabelText('Waarde (in procent)'), { target: { value: '24,1' } });
    fireEvent.change(screen.getByLabelText(/^Bron/), { target: { value: ' Regeling 2026 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(state.added).toEqual([{ key: 'employer_costs', validFrom: '2027-01-01', value: 2410, source: 'Regeling 2026' }]);
  });

  it('changes a period, clearing checked on', () => {
    render(<PeriodForm p={employerCosts} period={employerCosts.periods[0]} onDone={() => {}} />);
    expect((screen.getByLabelText('Waarde (in procent)') as HTMLInputElement).value).toBe('23,5');
    fireEvent.change(screen.getByLabelText('Gecontroleerd op'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(state.updated).toEqual([{ id: 'p1', body: { value: 2350, source: 'Stcrt. 2017, 68248', checkedOn: null } }]);
  });

  it('refuses a value that is no percentage before asking the server', () => {
    render(<PeriodForm p={employerCosts} onDone={() => {}} />);
    fireEvent.change(screen.getByLabelText('Waarde (in procent)'), { target: { value: 'veel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(state.added).toEqual([]);
    expect(screen.getAllByText(/Vul een percentage in/).length).toBeGreaterThan(0);
  });

  it("puts the server's errors on their fields and links to them from the summary", () => {
    state.error = new ApiError(409, {
      code: 'duplicatePeriod',
      detail: 'Deze parameter heeft al een periode vanaf 2026-01-01. Wijzig die periode.',
      invalidParams: [{ name: 'validFrom', code: 'duplicatePeriod', reason: 'Deze parameter heeft al een periode vanaf 2026-01-01. Wijzig die periode.' }],
    });
    render(<PeriodForm p={employerCosts} onDone={() => {}} />);
    const link = screen.getByRole('link', { name: /Geldig vanaf: Deze parameter heeft al een periode/ });
    fireEvent.click(link);
    expect(document.activeElement?.getAttribute('name')).toBe('validFrom');
    expect(screen.getByText('Verbeter 1 veld:')).toBeTruthy();
  });
});
