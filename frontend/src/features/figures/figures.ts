// The Cijfers page's logic, apart from React: filters to and from the URL,
// the period presets, the funnel as bars and how a rate is written.
import type { TFunction } from 'i18next';
import { formatPercent } from '../../lib/format';

/** Filters are what the figures are asked for; '' is "not set" (the server's default). */
export type Filters = { from: string; to: string; occupation: string; organisation: string; service: string };

export const emptyFilters: Filters = { from: '', to: '', occupation: '', organisation: '', service: '' };

const keys = ['from', 'to', 'occupation', 'organisation', 'service'] as const;

/** The URL's names of the filters: Dutch, as the page's path. */
const param: Record<keyof Filters, string> = { from: 'van', to: 'tot', occupation: 'beroep', organisation: 'organisatie', service: 'dienst' };

/** filtersFromParams reads the filters from the URL's query string; unknown names are ignored. */
export function filtersFromParams(p: URLSearchParams, withOrganisation = true): Filters {
  const f = { ...emptyFilters };
  for (const k of keys) f[k] = (p.get(param[k]) ?? '').trim();
  if (!withOrganisation) f.organisation = '';
  return f;
}

/** filtersToParams writes the filters that are set into a query string, in a fixed order. */
export function filtersToParams(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of keys) if (f[k]) p.set(param[k], f[k]);
  return p;
}

/** query is the filters as the API's query parameters (only those set). */
export function query(f: Filters): Partial<Filters> {
  const q: Partial<Filters> = {};
  for (const k of keys) if (f[k]) q[k] = f[k];
  return q;
}

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** preset is the period of the last months up to today: from the same day months back, to today. */
export function preset(months: number, today = new Date()): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth() - months, today.getDate());
  // 31 May minus 3 months is 31 February: JavaScript rolls over into March; take the month's last day instead.
  if (from.getMonth() !== (((today.getMonth() - months) % 12) + 12) % 12) from.setDate(0);
  return { from: iso(from), to: iso(today) };
}

export const presets = [3, 6, 12] as const;

/** The funnel's stages in order, each a count of the response's funnel. */
export const stages = ['openingsPublished', 'openingsWithPoolViews', 'invitesSent', 'invitesAccepted', 'intakesPlanned', 'placements'] as const;
export const retentionStages = ['stillEmployed4w', 'stillEmployed13w', 'stillEmployed26w'] as const;

export type Retention = { due: number; yes: number; no: number; unanswered: number };
export type FunnelCounts = Record<(typeof stages)[number], number> & Record<(typeof retentionStages)[number], Retention>;

/** Bar is one stage of the funnel chart: its count and its width as a share of the widest (0–1). */
export type Bar = { stage: string; count: number; share: number };

/** funnelBars turns the funnel into bars, the retention stages counted by their yes; widths relative to the first stage. */
export function funnelBars(f: FunnelCounts): Bar[] {
  const counts = [...stages.map((s) => ({ stage: s as string, count: f[s] })), ...retentionStages.map((s) => ({ stage: s as string, count: f[s].yes }))];
  const max = Math.max(0, ...counts.map((c) => c.count));
  return counts.map((c) => ({ ...c, share: max > 0 ? c.count / max : 0 }));
}

export type Rate = { numerator: number; n: number; rate?: number | null; low?: number | null; high?: number | null; small: boolean };

/**
 * formatRate writes a rate with its 95% interval and n: "80,0% (49,0–94,3%; 8 van 10)".
 * A small n (under 10) never shows a bare percentage: the counts first, then the interval, marked small.
 * n = 0 has no rate at all.
 */
export function formatRate(t: TFunction, r: Rate, lang: string): { text: string; small: boolean } {
  if (r.n === 0 || r.rate == null) return { text: t('figures.noRate'), small: false };
  const interval = r.low != null && r.high != null ? `${formatPercent(r.low, lang)}–${formatPercent(r.high, lang)}` : '';
  if (r.small) return { text: t('figures.rateSmall', { numerator: r.numerator, n: r.n, interval }), small: true };
  return { text: t('figures.rate', { rate: formatPercent(r.rate, lang), interval, numerator: r.numerator, n: r.n }), small: false };
}
