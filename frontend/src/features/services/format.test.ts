import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { ApiError } from '../../lib/api/error';
import { nextProviderStep } from './actions';
import {
  cancellationFee,
  cancelPolicy,
  groupSlotsByDay,
  kindFromParam,
  vatText,
  paidSoFar,
  priceText,
  totalCents,
} from './format';
import { hoursErrors } from './ServiceEditor';

const nl = i18n.getFixedT('nl');
const en = i18n.getFixedT('en');
// Intl puts a no-break space between € and the amount; compare as plain text.
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('prices', () => {
  it('read as a Dutch werkgever expects them', () => {
    expect(plain(priceText(nl, 'nl', 8500, 'per_hour'))).toBe('€ 85,00 per uur');
    expect(priceText(nl, 'nl', 0, 'free')).toBe('Gratis');
    expect(plain(priceText(nl, 'nl', 30000, 'per_month'))).toBe('€ 300,00 per maand');
    expect(plain(priceText(nl, 'nl', 25000, 'fixed'))).toBe('€ 250,00');
  });
  it('and in English', () => {
    expect(priceText(en, 'en', 8500, 'per_hour')).toBe('€85.00 per hour');
    expect(priceText(en, 'en', 0, 'free')).toBe('Free');
  });
  it('add up per hour and per month, once otherwise', () => {
    expect(totalCents({ priceCents: 8500, priceUnit: 'per_hour' }, 8)).toBe(68000);
    expect(totalCents({ priceCents: 30000, priceUnit: 'per_month' }, 3)).toBe(90000);
    expect(totalCents({ priceCents: 25000, priceUnit: 'fixed' }, 5)).toBe(25000);
    expect(totalCents({ priceCents: 8500, priceUnit: 'per_hour' }, -2)).toBe(0);
  });
});

describe('kindFromParam', () => {
  it("maps the pool's gaps to the kinds that supply them", () => {
    expect(kindFromParam('jobcoach')).toBe('jobcoaching');
    expect(kindFromParam('jobcoaching')).toBe('jobcoaching');
    expect(kindFromParam('opbouwschema')).toBe('jobcoaching');
    expect(kindFromParam('scholing')).toBe('scholing');
    expect(kindFromParam('werkplekaanpassing')).toBe('werkplekaanpassing');
    expect(kindFromParam('reiskostenvergoeding')).toBe('reiskosten');
  });
  it('passes kinds through and drops what is not one', () => {
    expect(kindFromParam('loonwaardebepaling')).toBe('loonwaardebepaling');
    expect(kindFromParam('Intake')).toBe('intake');
    expect(kindFromParam(null)).toBe('');
    expect(kindFromParam('')).toBe('');
    expect(kindFromParam('<script>')).toBe('');
  });
});

describe('groupSlotsByDay', () => {
  const slot = (startsAt: string, endsAt: string, free = 1) => ({ startsAt, endsAt, free });
  it('groups by the Dutch calendar day, in order', () => {
    const days = groupSlotsByDay([
      slot('2025-12-09T08:00:00Z', '2025-12-09T09:00:00Z'),
      slot('2025-12-08T09:00:00Z', '2025-12-08T10:00:00Z', 2),
      slot('2025-12-08T08:00:00Z', '2025-12-08T09:00:00Z'),
      // 00:30 on 9 December in Amsterdam, though still the 8th in UTC.
      slot('2025-12-08T23:30:00Z', '2025-12-09T00:30:00Z'),
    ]);
    expect(days.map((d) => d.day)).toEqual(['2025-12-08', '2025-12-09']);
    expect(days[0].slots.map((s) => s.startsAt)).toEqual(['2025-12-08T08:00:00Z', '2025-12-08T09:00:00Z']);
    expect(days[1].slots.map((s) => s.startsAt)).toEqual(['2025-12-08T23:30:00Z', '2025-12-09T08:00:00Z']);
  });
  it('knows summer time', () => {
    expect(groupSlotsByDay([slot('2026-06-30T22:30:00Z', '2026-06-30T23:30:00Z')])[0].day).toBe('2026-07-01');
  });
  it('is empty without slots', () => {
    expect(groupSlotsByDay([])).toEqual([]);
  });
});

describe('cancellation', () => {
  const now = new Date('2025-12-01T12:00:00Z');
  const policy = { freeHours: 48, feePercent: 50, now };
  it('is free until the free hours before the start, then keeps the percentage', () => {
    expect(cancellationFee({ ...policy, paidCents: 10000, startsAt: '2025-12-03T13:00:00Z', confirmed: true })).toBe(0);
    expect(cancellationFee({ ...policy, paidCents: 10000, startsAt: '2025-12-03T11:00:00Z', confirmed: false })).toBe(5000);
  });
  it('without a start: free until the provider confirms', () => {
    expect(cancellationFee({ ...policy, paidCents: 68000, confirmed: false })).toBe(0);
    expect(cancellationFee({ ...policy, paidCents: 68000, confirmed: true })).toBe(34000);
    expect(cancellationFee({ ...policy, paidCents: 0, confirmed: true })).toBe(0);
  });
  it('knows what was paid, except for a monthly trajectory', () => {
    expect(paidSoFar({ amountCents: 68000 }, 'per_hour')).toBe(0);
    expect(paidSoFar({ amountCents: 68000, paidAt: '2025-12-01T10:00:00Z' }, 'per_hour')).toBe(68000);
    expect(paidSoFar({ amountCents: 90000, paidAt: '2025-12-01T10:00:00Z' }, 'per_month')).toBeUndefined();
  });
  it('reads in plain words', () => {
    const s = { priceUnit: 'per_hour', cancelFeePercent: 50, cancelFreeHours: 48, schedulable: false } as const;
    expect(cancelPolicy(nl, s)).toBe('Gratis annuleren tot de aanbieder de boeking bevestigt. Daarna betaalt u 50% van de prijs.');
    expect(cancelPolicy(nl, { ...s, schedulable: true })).toBe('Gratis annuleren tot 2 dagen voor het begin. Daarna betaalt u 50% van de prijs.');
    expect(cancelPolicy(nl, { ...s, schedulable: true, cancelFreeHours: 36 })).toBe('Gratis annuleren tot 36 uur voor het begin. Daarna betaalt u 50% van de prijs.');
    expect(cancelPolicy(nl, { ...s, schedulable: true, cancelFreeHours: 24 })).toBe('Gratis annuleren tot 1 dag voor het begin. Daarna betaalt u 50% van de prijs.');
    expect(cancelPolicy(nl, { ...s, priceUnit: 'free' })).toBe('Annuleren is gratis.');
    expect(cancelPolicy(nl, { ...s, cancelFeePercent: 0 })).toBe('Annuleren is gratis.');
    expect(cancelPolicy(en, { ...s, schedulable: true, cancelFreeHours: 1 })).toBe('Free cancellation until 1 hour before the start. After that you pay 50% of the price.');
  });
});

describe('steps', () => {
  it('are the provider’s next one', () => {
    expect(nextProviderStep('requested')).toBe('confirmed');
    expect(nextProviderStep('paid')).toBe('confirmed');
    expect(nextProviderStep('confirmed')).toBe('in_progress');
    expect(nextProviderStep('in_progress')).toBe('completed');
    expect(nextProviderStep('awaiting_payment')).toBeUndefined();
    expect(nextProviderStep('completed')).toBeUndefined();
  });
});

describe('hoursErrors', () => {
  it('puts the server’s hours[i] errors on their rows', () => {
    const err = new ApiError(400, {
      invalidParams: [
        { name: 'titleNl', code: 'length', reason: '3 tot 120 tekens.' },
        { name: 'hours[1]', code: 'invalid', reason: 'Begin voor eind.' },
        { name: 'hours[2].opens', code: 'pattern', reason: 'Vorm 09:00.' },
      ],
    });
    expect(hoursErrors(err)).toEqual({ 1: 'Begin voor eind.', 2: 'Vorm 09:00.' });
    expect(hoursErrors(undefined)).toEqual({});
  });
});

describe('vatText and priceText say whether btw is included', () => {
  const t = i18n.getFixedT('nl');
  it('names the rate, the exemption, and nothing for free services', () => {
    expect(vatText(t, { vatRate: 9 })).toBe('incl. 9% btw');
    expect(vatText(t, { vatExemption: 'art. 11' })).toBe('vrijgesteld van btw');
    expect(priceText(t, 'nl', 8500, 'per_hour', { vatRate: 21 })).toMatch(/85,00 per uur \(incl\. 21% btw\)$/);
    expect(priceText(t, 'nl', 0, 'free', { vatRate: 21 })).toBe(t('services.price.free'));
  });
});
