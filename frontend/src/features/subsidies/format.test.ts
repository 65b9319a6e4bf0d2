import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { Parameter } from './api';
import { applyTerm, calcDefaults, currentPeriod, estimateRequest, formatValue, parseValue, valueOn, valueToInput } from './format';

const wml: Parameter = {
  key: 'wml_month',
  scope: 'national',
  unit: 'cents',
  min: 0,
  max: 100000000,
  periods: [
    { id: 'a', key: 'wml_month', scope: 'national', unit: 'cents', value: 219180, validFrom: '2025-01-01', source: 'WML' },
    { id: 'c', key: 'wml_month', scope: 'national', unit: 'cents', value: 229440, validFrom: '2026-01-01', source: 'WML' },
    { id: 'b', key: 'wml_month', scope: 'national', unit: 'cents', value: 224580, validFrom: '2025-07-01', source: 'WML' },
  ],
};

describe('periods', () => {
  it('picks the latest period that began on or before the day', () => {
    expect(currentPeriod(wml, '2025-06-30')?.id).toBe('a');
    expect(currentPeriod(wml, '2025-07-01')?.id).toBe('b');
    expect(currentPeriod(wml, '2027-03-01')?.id).toBe('c');
    expect(currentPeriod(wml, '2024-12-31')).toBeUndefined();
    expect(valueOn([wml], 'wml_month', '2026-02-01')).toBe(229440);
    expect(valueOn([wml], 'lks_apply_months', '2026-02-01')).toBeUndefined();
  });
});

describe('values', () => {
  const t = i18n.getFixedT('nl');
  it('writes each unit the Dutch way', () => {
    expect(formatValue(t, 'nl', 'cents', 229440)).toMatch(/€\s2\.294,40/);
    expect(formatValue(t, 'nl', 'basisPoints', 2350)).toBe('23,5%');
    expect(formatValue(t, 'nl', 'months', 1)).toBe('1 maand');
    expect(formatValue(t, 'nl', 'months', 6)).toBe('6 maanden');
    expect(formatValue(t, 'nl', 'days', 42)).toBe('42 dagen');
    expect(formatValue(i18n.getFixedT('en'), 'en', 'years', 3)).toBe('3 years');
  });
  it('reads the editor’s field as the stored integer, and refuses what is not one', () => {
    expect(parseValue('cents', '2294,40')).toBe(229440);
    expect(parseValue('cents', '€ 2.294,40')).toBe(229440);
    expect(parseValue('basisPoints', '23,5')).toBe(2350);
    expect(parseValue('basisPoints', '8.15%')).toBe(815);
    expect(parseValue('basisPoints', '23,555')).toBeUndefined();
    expect(parseValue('months', '6')).toBe(6);
    expect(parseValue('months', '6,5')).toBeUndefined();
    expect(parseValue('hours', '')).toBeUndefined();
    expect(valueToInput('cents', 229440, 'nl')).toBe('2294,40');
    expect(valueToInput('basisPoints', 2350, 'nl')).toBe('23,5');
    expect(parseValue('basisPoints', valueToInput('basisPoints', 2350, 'nl'))).toBe(2350);
  });
  it('says the LKS term in words: months after the start, or before it', () => {
    expect(applyTerm(t, 6)).toBe('binnen 6 maanden na de eerste werkdag');
    expect(applyTerm(t, 1)).toBe('binnen 1 maand na de eerste werkdag');
    expect(applyTerm(t, 0)).toBe('vóór de eerste werkdag');
    expect(applyTerm(t, undefined)).toBe('vraag de gemeente naar de termijn');
  });
});

describe('estimateRequest', () => {
  it('sends only the fields of the scheme, the loonwaarde or the flat rate', () => {
    const f = { ...calcDefaults('2026-01-15'), hoursPerWeek: 36 };
    expect(estimateRequest(f)).toEqual({ scheme: 'lks', date: '2026-01-15', hoursPerWeek: 36, fullTimeHours: 36, wageValuePercent: 60 });
    expect(estimateRequest({ ...f, flatRate: true })).toEqual({ scheme: 'lks', date: '2026-01-15', hoursPerWeek: 36, fullTimeHours: 36, flatRate: true });
    expect(estimateRequest({ ...f, scheme: 'lkv' })).toEqual({ scheme: 'lkv', date: '2026-01-15', targetGroup: 'banenafspraak', hoursPerYear: 1664 });
  });
  it('asks nothing while the date is incomplete', () => {
    expect(estimateRequest({ ...calcDefaults(''), date: '2026-01' })).toBeUndefined();
  });
});
