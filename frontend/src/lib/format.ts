// How Werkhaven writes dates, times, money, hours and numbers: one set of
// formatters for every page. The locale follows the interface language
// (i18n.language: Dutch unless English is chosen); every time is Amsterdam
// time, whatever the browser's own zone.
import type { TFunction } from 'i18next';

/** zone is where every instant is shown: the users are in the Netherlands. */
export const zone = 'Europe/Amsterdam';

// Making an Intl formatter costs far more than using one (on a slow phone, a pool page's dates took
// ~60 ms of main thread): each is made once per locale and options and kept.
/** kept makes a formatter of a kind once per locale and options and hands out that one after. */
function kept<O, F>(make: (locale: string, options: O) => F) {
  const made = new Map<string, F>();
  return (locale: string, options: O): F => {
    const key = locale + JSON.stringify(options);
    let f = made.get(key);
    if (!f) made.set(key, (f = make(locale, options)));
    return f;
  };
}

const dateFormat = kept((locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options));
const numberFormat = kept((locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options));

/** localeOf is the Intl locale of an interface language: en-GB for English, nl-NL otherwise. */
export const localeOf = (lang: string) => (lang.startsWith('en') ? 'en-GB' : 'nl-NL');

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** formatDate is a date without time: "5 december 2026", "5 December 2026"; '' for none. A bare day (YYYY-MM-DD) stays that day. */
export function formatDate(iso: string | undefined, lang: string): string {
  if (!iso) return '';
  const d = isDay(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return dateFormat(localeOf(lang), { dateStyle: 'long', timeZone: isDay(iso) ? 'UTC' : zone }).format(d);
}

/**
 * formatDateTime is a date with its time: "5 december 2026 om 10:00"; '' for none.
 * The audit log asks for seconds in short style ('short', 'medium'), the export a medium date.
 */
export function formatDateTime(
  iso: string | undefined,
  lang: string,
  dateStyle: 'long' | 'medium' | 'short' = 'long',
  timeStyle: 'short' | 'medium' = 'short',
): string {
  if (!iso) return '';
  return dateFormat(localeOf(lang), { dateStyle, timeStyle, timeZone: zone }).format(new Date(iso));
}

/** formatDay is a calendar day (YYYY-MM-DD) as a heading: "maandag 8 december". */
export function formatDay(day: string, lang: string): string {
  return dateFormat(localeOf(lang), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/** formatTime is the clock time of an instant: "09:30". */
export function formatTime(iso: string, lang: string): string {
  return dateFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
}

/** dayKey is the calendar day (YYYY-MM-DD) of an instant in the Netherlands. */
export function dayKey(iso: string): string {
  return dateFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** today is the current day in the Netherlands, YYYY-MM-DD. */
export function today(): string {
  return dayKey(new Date().toISOString());
}

/** addDays moves a YYYY-MM-DD day by n days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * formatEuro writes cents as an amount: 1450 → "€ 14,50" (nl) or "€14.50" (en).
 * whole drops the cents (a wage range: "€ 2.500"); currency names another ISO code
 * where an amount is not in euro (a payout names its own).
 */
export function formatEuro(cents: number, lang: string, { whole = false, currency = 'EUR' }: { whole?: boolean; currency?: string } = {}): string {
  const digits = whole ? { maximumFractionDigits: 0 } : {};
  return numberFormat(localeOf(lang), { style: 'currency', currency: currency.toUpperCase(), ...digits }).format(cents / 100);
}

/** centsToInput writes cents for an amount field, without the euro sign: 8500 → "85,00" (nl) or "85.00" (en). */
export function centsToInput(cents: number, lang = 'nl'): string {
  const sep = lang.startsWith('en') ? '.' : ',';
  return `${Math.floor(cents / 100)}${sep}${String(cents % 100).padStart(2, '0')}`;
}

/** parseEuros reads an amount typed as "85", "85,50", "1.250,00" or "85.50" as cents; undefined when it is not one. */
export function parseEuros(text: string): number | undefined {
  let s = text.trim().replace(/^€\s*/, '').replace(/\s/g, '');
  if (s === '') return undefined;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return undefined;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** formatNumber writes a number the local way, with at most two decimals: 7,5 (nl) or 7.5 (en). */
export function formatNumber(n: number, lang: string, maximumFractionDigits = 2): string {
  return numberFormat(localeOf(lang), { maximumFractionDigits }).format(n);
}

/** formatPercent writes a share (0–1) as a percentage with one decimal: 0.8 → "80,0%". */
export function formatPercent(share: number, lang: string): string {
  return numberFormat(localeOf(lang), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** formatHours writes a duration in hours as hours below two days, else as days, with one decimal: "5,3 uur", "3 dagen"; "—" for none. */
export function formatHours(t: TFunction, h: number | null | undefined, lang: string): string {
  if (h == null) return '—';
  return h < 48
    ? t('format.hours', { count: Math.round(h * 10) / 10, n: formatNumber(h, lang, 1) })
    : t('format.days', { count: Math.round(h / 2.4) / 10, n: formatNumber(h / 24, lang, 1) });
}
