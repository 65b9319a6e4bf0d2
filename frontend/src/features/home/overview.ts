import type { Role } from '../../lib/session';
import type { BookingCount, Overview } from './api';

/** WorkItem is one line of the start page's work overview: a count with a link to the page where the work is done. */
export type WorkItem = { key: string; count: number; to: string };

/** bookingCountFor is which bookings wait for the role: to pay (organisations), to confirm (providers), to approve (staff). */
export function bookingCountFor(role: Role): (BookingCount & { key: string }) | undefined {
  switch (role) {
    case 'werkgever':
      return { key: 'bookingsToPay', states: ['awaiting_payment'] };
    case 'zorgaanbieder':
      return { key: 'bookingsToConfirm', states: ['requested', 'approved', 'paid'], provider: true };
    case 'accountmanager':
    case 'admin':
      return { key: 'bookingsToApprove', states: ['awaiting_approval'] };
  }
  return undefined;
}

/**
 * workItems turns the counts into the role's overview, in the order of the work: only the counts that apply to the
 * role (the server leaves the others out), with links to existing pages. reviews is the number of openings whose
 * organisation asked the accountmanager to look at them (the portfolio's review requests), for staff.
 */
export function workItems(role: Role, o: Overview | undefined, bookings: number | undefined, reviews?: number): WorkItem[] {
  const out: WorkItem[] = [];
  const add = (key: string, count: number | undefined, to: string) => {
    if (count !== undefined) out.push({ key, count, to });
  };
  switch (role) {
    case 'werkgever':
    case 'zorgaanbieder':
      add('invitesAwaitingKandidaat', o?.invitesAwaitingKandidaat, '/vacatures');
      add('followUpsDue', o?.followUpsDue, '/opvolging');
      break;
    case 'accountmanager':
    case 'admin':
      add('reviewRequests', reviews, '/portefeuille');
      add('invitesAwaitingApproval', o?.invitesAwaitingApproval, '/vacatures');
      add('followUpsDue', o?.followUpsDue, '/opvolging');
      break;
    case 'klantmanager':
      add('invitesAwaitingKandidaatKm', o?.invitesAwaitingKandidaat, '/caseload');
      add('candidatesToConfirm', o?.candidatesToConfirm, '/caseload');
      break;
    case 'kandidaat':
      add('invitesOpen', o?.invitesAwaitingKandidaat, '/mijn-uitnodigingen');
      break;
  }
  const b = bookingCountFor(role);
  if (b) add(b.key, bookings, '/boekingen');
  return out;
}

/** retention is "still of due" for one point (13 or 26 weeks), or undefined before any placement reached it. */
export function retention(r: { due: number; stillEmployed: number }): { still: number; due: number } | undefined {
  return r.due > 0 ? { still: r.stillEmployed, due: r.due } : undefined;
}
