// How the services desk reads: prices in words, the kinds the pool's gaps
// point to, slots grouped by day, and the cancellation policy in numbers.
import type { TFunction } from 'i18next';
import { dayKey, formatEuro } from '../../lib/format';
import type { Booking, BookingState, Eligibility, PriceUnit, Service, Slot } from './api';

/** knownKinds are the catalogue's kinds (backend/internal/booking Kinds); a region may add its own. */
export const knownKinds = [
  'jobcoaching',
  'loonwaardebepaling',
  'proefplaatsing',
  'werkplekaanpassing',
  'scholing',
  'intake',
  'no_riskpolis_info',
  'reiskosten',
] as const;

export const priceUnits: PriceUnit[] = ['free', 'fixed', 'per_hour', 'per_month'];
export const eligibilityRules: Eligibility[] = ['placement', 'opening', 'doelgroepregister', 'lks_indicatie'];

/** The pool's gap suggestions name what a candidate needs; these are the kinds that supply it. */
const gapKinds: Record<string, string> = {
  jobcoach: 'jobcoaching',
  jobcoaching: 'jobcoaching',
  opbouwschema: 'jobcoaching',
  scholing: 'scholing',
  werkplekaanpassing: 'werkplekaanpassing',
  reiskostenvergoeding: 'reiskosten',
};

const kindPattern = /^[a-z][a-z_]{1,39}$/;

/** kindFromParam reads ?soort= (a kind, or a gap of the pool) as a catalogue kind; '' is all kinds. */
export function kindFromParam(soort: string | null | undefined): string {
  const s = (soort ?? '').trim().toLowerCase();
  if (gapKinds[s]) return gapKinds[s];
  return kindPattern.test(s) ? s : '';
}

/** Vat is what a price says about btw: the rate it includes, or the exemption (backend/internal/booking VatRates). */
export type Vat = { vatRate?: number; vatExemption?: string };

/** vatText says whether btw is included: "incl. 21% btw", "vrijgesteld van btw". */
export function vatText(t: TFunction, vat: Vat): string {
  if (vat.vatExemption) return t('services.vat.exempt');
  return t('services.vat.included', { rate: vat.vatRate ?? 21 });
}

/** priceText is a price in words: "€ 85,00 per uur (incl. 21% btw)", "Gratis", "€ 300,00 per maand (vrijgesteld van btw)". */
export function priceText(t: TFunction, lang: string, cents: number, unit: PriceUnit, vat?: Vat): string {
  if (unit === 'free') return t('services.price.free');
  const price = t(`services.price.${unit}`, { amount: formatEuro(cents, lang) });
  return vat ? `${price} (${vatText(t, vat)})` : price;
}

/** quantityUnit is what a quantity counts: hours, months, or nothing (booked once). */
export function quantityUnit(unit: PriceUnit): 'hours' | 'months' | undefined {
  return unit === 'per_hour' ? 'hours' : unit === 'per_month' ? 'months' : undefined;
}

/** totalCents is what a booking of quantity costs in all (per month: over all months). */
export function totalCents(s: Pick<Service, 'priceCents' | 'priceUnit'>, quantity: number): number {
  return quantityUnit(s.priceUnit) ? s.priceCents * Math.max(0, quantity) : s.priceCents;
}

export type SlotDay = { day: string; slots: Slot[] };

/** groupSlotsByDay puts slots under their Dutch calendar day, days and times in order. */
export function groupSlotsByDay(slots: Slot[]): SlotDay[] {
  const days = new Map<string, Slot[]>();
  for (const s of [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const k = dayKey(s.startsAt);
    days.set(k, [...(days.get(k) ?? []), s]);
  }
  return [...days.entries()].map(([day, list]) => ({ day, slots: list }));
}

/** eligibilityText is each rule of a service in plain words. */
export function eligibilityText(t: TFunction, rules: Eligibility[]): string[] {
  return rules.map((r) => t(`services.eligibility.${r}`));
}

/** needsPlacement: the rule can only be checked against a placement's candidate. */
export function needsPlacement(rules: Eligibility[]): boolean {
  return rules.some((r) => r === 'placement' || r === 'doelgroepregister' || r === 'lks_indicatie');
}

/** period says free hours as days when they are whole days: 48 → "2 dagen", 36 → "36 uur". */
function period(t: TFunction, hours: number): string {
  return hours >= 24 && hours % 24 === 0 ? t('services.days', { count: hours / 24 }) : t('services.hours', { count: hours });
}

/** cancelPolicy is the cancellation policy in plain words (backend booking.Fee). */
export function cancelPolicy(t: TFunction, s: Pick<Service, 'priceUnit' | 'cancelFeePercent' | 'cancelFreeHours' | 'schedulable'>): string {
  if (s.priceUnit === 'free' || s.cancelFeePercent === 0) return t('services.cancel.free');
  if (!s.schedulable) return t('services.cancel.untilConfirmed', { percent: s.cancelFeePercent });
  if (s.cancelFreeHours === 0) return t('services.cancel.untilStart', { percent: s.cancelFeePercent });
  return t('services.cancel.beforeStart', { period: period(t, s.cancelFreeHours), percent: s.cancelFeePercent });
}

/** cancellable are the states a booking can be cancelled from (backend booking rules). */
export const cancellable: BookingState[] = ['requested', 'awaiting_approval', 'approved', 'awaiting_payment', 'paid', 'confirmed'];

type FeeInput = { paidCents: number; startsAt?: string; confirmed: boolean; freeHours: number; feePercent: number; now: Date };

/**
 * cancellationFee is what cancelling now keeps of what was paid, as the
 * server decides it (backend booking.Fee): free until freeHours before the
 * start, or without a start until the provider confirms; then feePercent.
 */
export function cancellationFee({ paidCents, startsAt, confirmed, freeHours, feePercent, now }: FeeInput): number {
  const late = startsAt ? now.getTime() > Date.parse(startsAt) - freeHours * 3_600_000 : confirmed;
  return late ? Math.floor((paidCents * feePercent) / 100) : 0;
}

/**
 * paidSoFar is what a booking has paid, when the booking alone tells it: all
 * of it once paid; undefined for a monthly trajectory (paid month by month).
 */
export function paidSoFar(b: Pick<Booking, 'paidAt' | 'amountCents'>, unit: PriceUnit): number | undefined {
  if (!b.paidAt) return 0;
  return unit === 'per_month' ? undefined : b.amountCents;
}
