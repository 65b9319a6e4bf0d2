import { describe, expect, it } from 'vitest';
import { fillWeeks, isoWeek, weekNumber } from './weeks';

describe('isoWeek', () => {
  it('numbers weeks as ISO 8601 (and Postgres IYYY-"W"IW) do', () => {
    expect(isoWeek(new Date(2026, 11, 1))).toBe('2026-W49');
    expect(isoWeek(new Date(2026, 0, 1))).toBe('2026-W01');
    // 1 January 2027 is a Friday: it belongs to the last week of 2026.
    expect(isoWeek(new Date(2027, 0, 1))).toBe('2026-W53');
    // 30 December 2024 is a Monday: the first week of 2025.
    expect(isoWeek(new Date(2024, 11, 30))).toBe('2025-W01');
    expect(weekNumber('2026-W05')).toBe(5);
  });
});

describe('fillWeeks', () => {
  it('gives the last 12 weeks oldest first, with 0 where the server sent nothing', () => {
    const out = fillWeeks([{ week: '2026-W49', openings: 3 }, { week: '2026-W45', openings: 1 }], new Date(2026, 11, 2));
    expect(out).toHaveLength(12);
    expect(out[0].week).toBe('2026-W38');
    expect(out[11]).toEqual({ week: '2026-W49', openings: 3 });
    expect(out.find((w) => w.week === '2026-W45')?.openings).toBe(1);
    expect(out.reduce((n, w) => n + w.openings, 0)).toBe(4);
  });
  it('shows a 13th week when the 84 days reach into it with views', () => {
    const out = fillWeeks([{ week: '2026-W37', openings: 2 }], new Date(2026, 11, 2));
    expect(out).toHaveLength(13);
    expect(out[0]).toEqual({ week: '2026-W37', openings: 2 });
  });
  it('runs across the turn of the year', () => {
    const out = fillWeeks([], new Date(2027, 0, 6));
    expect(out.map((w) => w.week).slice(-3)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
  });
});
