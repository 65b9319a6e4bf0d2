import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { emptyFilters, filtersFromParams, filtersToParams, formatRate, funnelBars, preset, query, type FunnelCounts } from './figures';

const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');
const r = (o: number) => ({ due: o, yes: o, no: 0, unanswered: 0 });

const funnel: FunnelCounts = {
  openingsPublished: 40,
  openingsWithPoolViews: 30,
  invitesSent: 20,
  invitesAccepted: 10,
  intakesPlanned: 8,
  placements: 5,
  stillEmployed4w: r(4),
  stillEmployed13w: { due: 4, yes: 2, no: 1, unanswered: 1 },
  stillEmployed26w: r(0),
};

describe('funnelBars', () => {
  it('gives every stage a bar in order, widths relative to the largest, retention counted by its yes', () => {
    const bars = funnelBars(funnel);
    expect(bars.map((b) => b.stage)).toEqual([
      'openingsPublished', 'openingsWithPoolViews', 'invitesSent', 'invitesAccepted', 'intakesPlanned', 'placements',
      'stillEmployed4w', 'stillEmployed13w', 'stillEmployed26w',
    ]);
    expect(bars.map((b) => b.count)).toEqual([40, 30, 20, 10, 8, 5, 4, 2, 0]);
    expect(bars[0].share).toBe(1);
    expect(bars[2].share).toBe(0.5);
    expect(bars[8].share).toBe(0);
  });
  it('draws no bar at all for an empty cohort (no division by zero)', () => {
    const empty = funnelBars({ ...funnel, openingsPublished: 0, openingsWithPoolViews: 0, invitesSent: 0, invitesAccepted: 0, intakesPlanned: 0, placements: 0, stillEmployed4w: r(0), stillEmployed13w: r(0) });
    expect(empty.every((b) => b.share === 0 && b.count === 0)).toBe(true);
  });
});

describe('formatRate', () => {
  it('writes a rate with its 95% interval and n', () => {
    expect(formatRate(nl, { numerator: 40, n: 50, rate: 0.8, low: 0.6696, high: 0.8876, small: false }, 'nl')).toEqual({
      text: '80,0% (marge 67,0%–88,8%; 40 van 50)',
      small: false,
    });
    expect(formatRate(en, { numerator: 40, n: 50, rate: 0.8, low: 0.6696, high: 0.8876, small: false }, 'en').text).toBe('80.0% (margin 67.0%–88.8%; 40 of 50)');
  });
  it('never shows a bare percentage for a small n: the counts and the interval, flagged small', () => {
    const out = formatRate(nl, { numerator: 8, n: 9, rate: 0.889, low: 0.565, high: 0.98, small: true }, 'nl');
    expect(out.small).toBe(true);
    expect(out.text).toBe('8 van 9 (marge 56,5%–98,0%)');
    expect(out.text).not.toMatch(/^88/);
    expect(out.text).not.toContain('88,9');
  });
  it('says there is no rate when n is 0', () => {
    expect(formatRate(nl, { numerator: 0, n: 0, rate: null, low: null, high: null, small: true }, 'nl')).toEqual({ text: 'geen (n = 0)', small: false });
  });
});

describe('filters and the URL', () => {
  it('round-trips every filter through the query string, in Dutch names', () => {
    const f = { from: '2026-01-01', to: '2026-06-30', occupation: 'http://data.europa.eu/esco/occupation/x', organisation: '0b6f3c1e-1111-4c1e-9d1e-123456789abc', service: 'jobcoaching' };
    const p = filtersToParams(f);
    expect(p.toString()).toBe(
      'van=2026-01-01&tot=2026-06-30&beroep=http%3A%2F%2Fdata.europa.eu%2Fesco%2Foccupation%2Fx&organisatie=0b6f3c1e-1111-4c1e-9d1e-123456789abc&dienst=jobcoaching',
    );
    expect(filtersFromParams(new URLSearchParams(p.toString()))).toEqual(f);
  });
  it('leaves out what is not set, both in the URL and in the API query', () => {
    const f = { ...emptyFilters, service: 'jobcoaching' };
    expect(filtersToParams(f).toString()).toBe('dienst=jobcoaching');
    expect(query(f)).toEqual({ service: 'jobcoaching' });
    expect(filtersFromParams(new URLSearchParams(''))).toEqual(emptyFilters);
  });
  it('ignores an organisation in the URL on Resultaten (organisations see only their own)', () => {
    expect(filtersFromParams(new URLSearchParams('organisatie=abc&dienst=scholing'), false)).toEqual({ ...emptyFilters, service: 'scholing' });
  });
});

describe('preset', () => {
  it('counts back whole months to today', () => {
    expect(preset(3, new Date(2026, 11, 4))).toEqual({ from: '2026-09-04', to: '2026-12-04' });
    expect(preset(12, new Date(2026, 11, 4))).toEqual({ from: '2025-12-04', to: '2026-12-04' });
  });
  it('takes the last day of a shorter month instead of rolling over', () => {
    expect(preset(3, new Date(2026, 4, 31))).toEqual({ from: '2026-02-28', to: '2026-05-31' });
    expect(preset(6, new Date(2026, 7, 31))).toEqual({ from: '2026-02-28', to: '2026-08-31' });
  });
});
