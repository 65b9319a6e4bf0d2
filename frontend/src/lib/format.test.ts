import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import {
  addDays,
  centsToInput,
  dayKey,
  formatDate,
  formatDateTime,
  formatDay,
  formatEuro,
  formatHours,
  formatNumber,
  formatPercent,
  formatTime,
  localeOf,
  parseEuros,
} from './format';

const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');
// Intl puts a no-break space between € and the amount (and narrow ones in times); compare as plain text.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('locale', () => {
  it('is Dutch unless the interface is English', () => {
    expect(localeOf('nl')).toBe('nl-NL');
    expect(localeOf('en')).toBe('en-GB');
    expect(localeOf('en-US')).toBe('en-GB');
    expect(localeOf('fy')).toBe('nl-NL');
  });
});

describe('dates', () => {
  it('read as a date in Amsterdam, a bare day as that day', () => {
    expect(formatDate('2026-03-01', 'nl')).toBe('1 maart 2026');
    expect(formatDate('2026-03-01', 'en')).toBe('1 March 2026');
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(formatDate('2025-12-31T23:30:00Z', 'nl')).toBe('1 januari 2026');
    expect(formatDate(undefined, 'nl')).toBe('');
  });
  it('with their time, in winter and summer', () => {
    expect(formatDateTime('2026-12-10T08:30:00Z', 'nl')).toBe('10 december 2026 om 09:30');
    expect(formatDateTime('2026-07-01T08:30:00Z', 'en')).toBe('1 July 2026 at 10:30');
    expect(formatDateTime('2026-12-10T08:30:05Z', 'nl', 'short', 'medium')).toBe('10-12-2026, 09:30:05');
    expect(formatDateTime('', 'nl')).toBe('');
  });
  it('as a day heading and a clock time', () => {
    expect(formatDay('2025-12-08', 'nl')).toBe('maandag 8 december');
    expect(formatDay('2025-12-08', 'en')).toBe('Monday 8 December');
    expect(plain(formatTime('2025-12-08T23:30:00Z', 'nl'))).toBe('00:30');
  });
  it('know the Dutch calendar day of an instant, and move days across months', () => {
    expect(dayKey('2025-12-08T23:30:00Z')).toBe('2025-12-09');
    expect(dayKey('2026-06-30T21:30:00Z')).toBe('2026-06-30');
    expect(addDays('2025-12-25', 14)).toBe('2026-01-08');
    expect(addDays('2026-03-29', -14)).toBe('2026-03-15');
  });
});

describe('money', () => {
  it('reads as a Dutch werkgever expects it, and in English', () => {
    expect(plain(formatEuro(125050, 'nl'))).toBe('€ 1.250,50');
    expect(plain(formatEuro(1450, 'nl'))).toBe('€ 14,50');
    expect(formatEuro(8500, 'en')).toBe('€85.00');
  });
  it('drops the cents of a wage range, and names another currency', () => {
    expect(plain(formatEuro(250000, 'nl', { whole: true }))).toBe('€ 2.500');
    expect(plain(formatEuro(1450, 'nl', { currency: 'usd' }))).toBe('US$ 14,50');
  });
  it('is typed in euros and stored in cents', () => {
    expect(parseEuros('85')).toBe(8500);
    expect(parseEuros('85,5')).toBe(8550);
    expect(parseEuros('85,50')).toBe(8550);
    expect(parseEuros('€ 1.250,00')).toBe(125000);
    expect(parseEuros('85.50')).toBe(8550);
    expect(parseEuros('0,07')).toBe(7);
    expect(parseEuros('')).toBeUndefined();
    expect(parseEuros('85,505')).toBeUndefined();
    expect(parseEuros('tachtig')).toBeUndefined();
    expect(parseEuros('-5')).toBeUndefined();
  });
  it('is written for a field without the sign, Dutch by default', () => {
    expect(centsToInput(8550, 'nl')).toBe('85,50');
    expect(centsToInput(1450)).toBe('14,50');
    expect(centsToInput(7, 'en')).toBe('0.07');
    expect(parseEuros(centsToInput(123456))).toBe(123456);
  });
});

describe('numbers', () => {
  it('have at most two decimals unless asked', () => {
    expect(formatNumber(7.5, 'nl')).toBe('7,5');
    expect(formatNumber(7.5, 'en')).toBe('7.5');
    expect(formatNumber(1234.567, 'nl')).toBe('1.234,57');
    expect(formatNumber(5.25, 'nl', 1)).toBe('5,3');
  });
  it('write shares as percentages with one decimal', () => {
    expect(formatPercent(0.8, 'nl')).toBe('80,0%');
    expect(formatPercent(0.943, 'en')).toBe('94.3%');
  });
});

describe('hours', () => {
  it('below two days, days above, and a dash for none', () => {
    expect(formatHours(nl, 5.25, 'nl')).toBe('5,3 uur');
    expect(formatHours(nl, 72, 'nl')).toBe('3 dagen');
    expect(formatHours(en, 24, 'en')).toBe('24 hours');
    expect(formatHours(en, 1, 'en')).toBe('1 hour');
    expect(formatHours(nl, null, 'nl')).toBe('—');
  });
});
