// "Wie heeft naar mij gevraagd": the weeks of the chart.
import type { AppearanceWeek } from './api';

/** isoWeek is the ISO 8601 week of a day, as the server writes it: "2026-W05". */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day); // the Thursday of that week decides the year
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * fillWeeks gives every week of the last 12 (13 when the server's 84 days
 * reach into a 13th week with views) from oldest to newest, 0 where the server
 * sent nothing: it only sends weeks with views.
 */
export function fillWeeks(weeks: AppearanceWeek[], today: Date): AppearanceWeek[] {
  const counts = new Map(weeks.map((w) => [w.week, w.openings]));
  const keys: string[] = [];
  for (let i = 12; i >= 0; i--) {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 7 * i);
    keys.push(isoWeek(d));
  }
  const out = keys.map((week) => ({ week, openings: counts.get(week) ?? 0 }));
  return out[0].openings === 0 ? out.slice(1) : out;
}

/** weekNumber is the number of "2026-W48": 48. */
export function weekNumber(week: string): number {
  return Number(week.split('-W')[1]);
}
