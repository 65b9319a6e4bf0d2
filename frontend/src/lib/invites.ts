// What every invite screen shares (the organisation's board, the
// klantmanager's candidate page, the kandidaat's own list): the states in
// journey order.
import type { components } from './api/schema';

export type InviteState = components['schemas']['InviteBody']['state'];
export type InviteEvent = components['schemas']['InviteEventBody'];

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
