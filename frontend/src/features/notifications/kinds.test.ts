import { describe, expect, it } from 'vitest';
import nl from '../../i18n/nl.json';
import en from '../../i18n/en.json';
import { idleAfter, pollEvery, pollInterval } from './api';
import { kindsFor } from './kinds';

describe('kindsFor', () => {
  it('shows each role the kinds it receives, with a label in both languages', () => {
    expect(kindsFor('kandidaat')).toEqual(['advice_added']);
    expect(kindsFor('accountmanager')).toContain('invite_approval');
    expect(kindsFor('werkgever')).not.toContain('invite_created');
    expect(kindsFor('admin')).toHaveLength(24);
    expect(kindsFor('werkgever')).toContain('booking_payment_due');
    expect(kindsFor('zorgaanbieder')).toContain('booking_paid');
    expect(kindsFor('accountmanager')).toContain('booking_requested');
    expect(kindsFor('admin')).toContain('payment_issue');
    expect(kindsFor('werkgever')).not.toContain('payment_issue');
    for (const k of [...kindsFor('klantmanager'), ...kindsFor('accountmanager'), ...kindsFor('werkgever')]) {
      expect(nl.notifications.kinds).toHaveProperty(k);
      expect(en.notifications.kinds).toHaveProperty(k);
    }
    expect(kindsFor('klantmanager')).toContain('thank_you');
    for (const k of kindsFor('admin')) {
      expect(nl.notifications.kinds).toHaveProperty(k);
      expect(en.notifications.kinds).toHaveProperty(k);
    }
  });
});

describe('pollInterval', () => {
  it('polls every minute while the user is active and stops when idle', () => {
    const now = 10 * idleAfter;
    expect(pollInterval(now, now - 1000)).toBe(pollEvery);
    expect(pollInterval(now, now - idleAfter - 1)).toBe(false);
  });
});
