// Pure rules of every invite screen (the organisation's board and pool, the
// klantmanager's candidate page, the kandidaat's own list): the states in
// journey order, grouping, what each role may do next, money and time
// conversions, and where server errors land.
import type { ApiError } from '../../lib/api/error';
import type { Role } from '../../lib/session';
import { zone } from '../../lib/format';
import type { Invite, InviteState } from './api';

/** journey is every state in the order of the journey (backend/internal/invite/invite.go States). */
export const journey: InviteState[] = [
  'awaiting_approval',
  'invited',
  'viewed',
  'accepted',
  'introduced',
  'intake_planned',
  'placed',
  'not_placed',
  'declined',
  'expired',
  'withdrawn',
];

/** openStates wait for the kandidaat (or for approval): they count against the limits. */
export const openStates: InviteState[] = ['awaiting_approval', 'invited', 'viewed'];

/** decidable are the states in which the kandidaat can still say yes or no. */
export const decidable: InviteState[] = ['invited', 'viewed'];

export type Grouped<T> = { state: InviteState; items: T[] };

/** groupByState puts invites in journey order, newest change first in each group; empty groups are left out. */
export function groupByState<T extends { state: InviteState; updatedAt?: string }>(items: T[]): Grouped<T>[] {
  return journey
    .map((state) => ({
      state,
      items: items.filter((i) => i.state === state).sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '')),
    }))
    .filter((g) => g.items.length > 0);
}

/** limits are the region defaults (docs/api.md, settings.invites); a 429 names the region's own. */
export const inviteLimits = { perOpening: 25, perDay: 100, batch: 25, message: 1000 } as const;

/**
 * blockingInvites maps candidate ids to the state of an invite that stops a
 * new one for this opening: any invite that did not expire or get withdrawn
 * (a "no" is final for that opening).
 */
export function blockingInvites(items: Invite[]): Map<string, Invite> {
  const out = new Map<string, Invite>();
  for (const i of items) if (i.state !== 'expired' && i.state !== 'withdrawn') out.set(i.candidateId, i);
  return out;
}

export type InviteAction = 'approve' | 'withdraw' | 'introduced' | 'intake' | 'placement' | 'notPlaced';

/** actionsFor is what a role may do with an invite in a state (the server's rules, backend/internal/invite/invite.go). */
export function actionsFor(state: InviteState, role: Role | string | undefined): InviteAction[] {
  const staff = role === 'accountmanager' || role === 'admin';
  const org = role === 'werkgever' || role === 'zorgaanbieder';
  if (!staff && !org) return [];
  switch (state) {
    case 'awaiting_approval':
      return staff ? ['approve', 'withdraw'] : ['withdraw'];
    case 'invited':
    case 'viewed':
      return ['withdraw'];
    case 'accepted':
      return ['introduced', 'intake', 'notPlaced'];
    case 'introduced':
    case 'intake_planned':
      return ['intake', 'placement', 'notPlaced'];
    default:
      return [];
  }
}

/**
 * eurosToCents reads an amount in euro as people type it ("12,50", "12.5",
 * "€ 14") as whole cents, without floating-point rounding; undefined when it
 * is not an amount.
 */
export function eurosToCents(text: string): number | undefined {
  const s = text.replace(/€/g, '').replace(/\s/g, '');
  const m = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** amsterdam splits an instant into its wall-clock parts in Europe/Amsterdam. */
function amsterdam(ms: number) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second') };
}

/** offsetAt is how far Amsterdam's clock runs ahead of UTC at an instant, in ms (1 or 2 hours). */
function offsetAt(ms: number): number {
  const a = amsterdam(ms);
  return Date.UTC(+a.y, +a.mo - 1, +a.d, +a.h, +a.mi, +a.s) - Math.floor(ms / 1000) * 1000;
}

/**
 * localToRfc3339 reads a datetime-local value as Amsterdam time (as every
 * time on these pages is shown), whatever the browser's own zone, and gives
 * the RFC 3339 instant.
 */
export function localToRfc3339(local: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(naive)) return undefined;
  // Twice: the offset at the guess decides, also next to a DST change.
  let utc = naive - offsetAt(naive);
  utc = naive - offsetAt(utc);
  return new Date(utc).toISOString();
}

/** rfc3339ToLocal is the inverse: an instant as a datetime-local value in Amsterdam time. */
export function rfc3339ToLocal(iso: string | undefined): string {
  if (!iso) return '';
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return '';
  const a = amsterdam(ms);
  return `${a.y}-${a.mo}-${a.d}T${a.h}:${a.mi}`;
}

export type CandidateProblem = { code: string; reason: string };

/**
 * candidateProblems maps a refused invite batch onto the candidates it names:
 * invalidParams "candidateIds[1]" is the second id sent.
 */
export function candidateProblems(err: ApiError | undefined, sent: string[]): Map<string, CandidateProblem> {
  const out = new Map<string, CandidateProblem>();
  for (const p of err?.invalidParams ?? []) {
    const m = /^candidateIds\[(\d+)\]$/.exec(p.name);
    const id = m ? sent[Number(m[1])] : undefined;
    if (id && !out.has(id)) out.set(id, { code: p.code, reason: p.reason });
  }
  return out;
}
