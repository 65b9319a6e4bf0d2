import { describe, expect, it } from 'vitest';
import nl from '../../i18n/nl.json';
import en from '../../i18n/en.json';
import { bookingCountFor, retention, workItems } from './overview';

describe('workItems', () => {
  it("gives each role its own work, with links, and only the counts the server sends", () => {
    expect(workItems('werkgever', { invitesAwaitingKandidaat: 2, followUpsDue: 1 }, 3)).toEqual([
      { key: 'invitesAwaitingKandidaat', count: 2, to: '/vacatures' },
      { key: 'followUpsDue', count: 1, to: '/opvolging' },
      { key: 'bookingsToPay', count: 3, to: '/boekingen' },
    ]);
    expect(workItems('accountmanager', { invitesAwaitingApproval: 4, followUpsDue: 0 }, 1).map((i) => i.key)).toEqual([
      'invitesAwaitingApproval', 'followUpsDue', 'bookingsToApprove']);
    // The portfolio's review requests come first for staff, with a link to the portfolio.
    expect(workItems('accountmanager', { invitesAwaitingApproval: 0 }, 0, 2)[0]).toEqual({ key: 'reviewRequests', count: 2, to: '/portefeuille' });
    expect(workItems('klantmanager', { invitesAwaitingKandidaat: 1, candidatesToConfirm: 5 }, undefined).map((i) => [i.key, i.to])).toEqual([
      ['invitesAwaitingKandidaatKm', '/caseload'], ['candidatesToConfirm', '/caseload']]);
    expect(workItems('kandidaat', { invitesAwaitingKandidaat: 1 }, undefined)).toEqual([{ key: 'invitesOpen', count: 1, to: '/mijn-uitnodigingen' }]);
    // Before the counts arrive: nothing.
    expect(workItems('werkgever', undefined, undefined)).toEqual([]);
  });

  it('has a Dutch and an English text for every item', () => {
    const keys = ['werkgever', 'zorgaanbieder', 'accountmanager', 'klantmanager', 'kandidaat', 'admin'].flatMap((r) =>
      workItems(r as never, { invitesAwaitingKandidaat: 1, invitesAwaitingApproval: 1, followUpsDue: 1, candidatesToConfirm: 1 }, 1, 1).map((i) => i.key));
    for (const k of keys) {
      expect(nl.home.items).toHaveProperty(k);
      expect(en.home.items).toHaveProperty(k);
    }
  });
});

describe('bookingCountFor', () => {
  it('counts the bookings waiting for the role', () => {
    expect(bookingCountFor('werkgever')).toMatchObject({ states: ['awaiting_payment'] });
    expect(bookingCountFor('zorgaanbieder')).toMatchObject({ provider: true });
    expect(bookingCountFor('admin')).toMatchObject({ states: ['awaiting_approval'] });
    expect(bookingCountFor('klantmanager')).toBeUndefined();
    expect(bookingCountFor('kandidaat')).toBeUndefined();
  });
});

describe('retention', () => {
  it('is still of due once a placement reached the point', () => {
    expect(retention({ due: 0, stillEmployed: 0 })).toBeUndefined();
    expect(retention({ due: 3, stillEmployed: 2 })).toEqual({ still: 2, due: 3 });
  });
});
