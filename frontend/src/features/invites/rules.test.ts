import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/error';
import type { Invite } from './api';
import { centsToInput } from '../../lib/format';
import { actionsFor, blockingInvites, candidateProblems, eurosToCents, groupByState, journey, localToRfc3339, rfc3339ToLocal } from './rules';

const invite = (over: Partial<Invite>): Invite => ({
  id: 'i',
  candidateId: 'c',
  candidateCode: 'K-AAAAA',
  openingId: 'o',
  openingTitle: 'Bakker',
  organisationId: 'org',
  organisationName: 'Bakkerij',
  state: 'invited',
  message: 'Hallo',
  disclosed: false,
  sharePhone: false,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  ...over,
});

describe('groupByState', () => {
  it('puts groups in journey order, leaves out empty ones, newest change first', () => {
    const groups = groupByState([
      invite({ id: '1', state: 'declined' }),
      invite({ id: '2', state: 'invited', updatedAt: '2026-12-01T09:00:00Z' }),
      invite({ id: '3', state: 'awaiting_approval' }),
      invite({ id: '4', state: 'invited', updatedAt: '2026-12-02T09:00:00Z' }),
      invite({ id: '5', state: 'placed' }),
    ]);
    expect(groups.map((g) => g.state)).toEqual(['awaiting_approval', 'invited', 'placed', 'declined']);
    expect(groups[1].items.map((i) => i.id)).toEqual(['4', '2']);
  });
  it('knows every state the server has, each once', () => {
    expect(new Set(journey).size).toBe(11);
  });
});

describe('actionsFor', () => {
  it('lets only staff approve, and everyone who invites withdraw an open invite', () => {
    expect(actionsFor('awaiting_approval', 'accountmanager')).toEqual(['approve', 'withdraw']);
    expect(actionsFor('awaiting_approval', 'werkgever')).toEqual(['withdraw']);
    expect(actionsFor('viewed', 'zorgaanbieder')).toEqual(['withdraw']);
  });
  it('allows a placement only after the introduction, as the server does', () => {
    expect(actionsFor('accepted', 'werkgever')).toEqual(['introduced', 'intake', 'notPlaced']);
    expect(actionsFor('introduced', 'werkgever')).toContain('placement');
    expect(actionsFor('intake_planned', 'admin')).toContain('placement');
  });
  it('gives nothing to do in final states or to other roles', () => {
    for (const s of ['declined', 'expired', 'withdrawn', 'placed', 'not_placed'] as const) expect(actionsFor(s, 'werkgever')).toEqual([]);
    expect(actionsFor('invited', 'klantmanager')).toEqual([]);
    expect(actionsFor('accepted', 'kandidaat')).toEqual([]);
  });
});

describe('eurosToCents', () => {
  it('reads amounts as people type them, in whole cents', () => {
    expect(eurosToCents('14,50')).toBe(1450);
    expect(eurosToCents('14.5')).toBe(1450);
    expect(eurosToCents('€ 14')).toBe(1400);
    expect(eurosToCents(' 0,07 ')).toBe(7);
    // 0.29 * 100 is 28.999… in floating point: the string arithmetic is exact.
    expect(eurosToCents('0,29')).toBe(29);
    expect(eurosToCents('13,99')).toBe(1399);
  });
  it('refuses what is not an amount', () => {
    for (const s of ['', 'veertien', '14,505', '-3', '14,', '1.234,56', '12 euro']) expect(eurosToCents(s)).toBeUndefined();
  });
  it('reads cents written for a field again', () => {
    expect(eurosToCents(centsToInput(123456))).toBe(123456);
  });
});

describe('date-time of an intake', () => {
  it('reads a datetime-local value as Amsterdam time, winter and summer, and back', () => {
    expect(localToRfc3339('2026-12-10T09:30')).toBe('2026-12-10T08:30:00.000Z');
    expect(localToRfc3339('2027-07-01T09:30')).toBe('2027-07-01T07:30:00.000Z');
    // The night the clocks go forward (28 March 2027, 02:00 → 03:00).
    expect(localToRfc3339('2027-03-28T03:30')).toBe('2027-03-28T01:30:00.000Z');
    expect(rfc3339ToLocal('2026-12-10T08:30:00Z')).toBe('2026-12-10T09:30');
    expect(rfc3339ToLocal('2027-07-01T07:30:00.000Z')).toBe('2027-07-01T09:30');
    expect(localToRfc3339('')).toBeUndefined();
    expect(localToRfc3339('morgen')).toBeUndefined();
  });
});

describe('candidateProblems', () => {
  it('puts each invalidParams entry on the candidate it names by index', () => {
    const err = new ApiError(409, {
      code: 'notInvitable',
      invalidParams: [
        { name: 'candidateIds[1]', code: 'unreachable', reason: 'geen e-mail' },
        { name: 'candidateIds[2]', code: 'alreadyInvited', reason: 'al uitgenodigd' },
        { name: 'message', code: 'required', reason: 'leeg' },
      ],
    });
    const m = candidateProblems(err, ['a', 'b', 'c']);
    expect([...m.entries()]).toEqual([
      ['b', { code: 'unreachable', reason: 'geen e-mail' }],
      ['c', { code: 'alreadyInvited', reason: 'al uitgenodigd' }],
    ]);
    expect(candidateProblems(undefined, ['a']).size).toBe(0);
  });
});

describe('blockingInvites', () => {
  it('keeps a no (final for the opening) but not an expired or withdrawn invite', () => {
    const m = blockingInvites([
      invite({ candidateId: 'a', state: 'declined' }),
      invite({ candidateId: 'b', state: 'expired' }),
      invite({ candidateId: 'c', state: 'withdrawn' }),
      invite({ candidateId: 'd', state: 'viewed' }),
    ]);
    expect([...m.keys()].sort()).toEqual(['a', 'd']);
  });
});
