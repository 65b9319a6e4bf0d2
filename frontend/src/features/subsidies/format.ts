// How the subsidies read: parameter values in their units, the periods that hold on a day,
// the calculator's request and the deadlines as terms.
import type { TFunction } from 'i18next';
import { centsToInput, formatEuro, formatNumber, parseEuros } from '../../lib/format';
import type { EstimateRequest, Parameter, Period, Unit } from './api';

export type Scheme = 'lks' | 'lkv';
export type TargetGroup = NonNullable<EstimateRequest['targetGroup']>;
export const targetGroups: TargetGroup[] = ['banenafspraak', 'arbeidsgehandicapt', 'herplaatsen'];

/** currentPeriod is the period of p that holds on day: the latest that began on or before it. */
export function currentPeriod(p: Parameter | undefined, day: string): Period | undefined {
  let out: Period | undefined;
  for (const pe of p?.periods ?? []) {
    if (pe.validFrom <= day && (!out || pe.validFrom > out.validFrom)) out = pe;
  }
  return out;
}

/** valueOn is key's value on day, undefined when it has none (a region without its policy). */
export function valueOn(params: Parameter[] | undefined, key: string, day: string): number | undefined {
  return currentPeriod(params?.find((p) => p.key === key), day)?.value;
}

/** formatValue writes a value in its unit: € 2.294,40, 23,5%, 6 maanden. */
export function formatValue(t: TFunction, lang: string, unit: Unit, value: number): string {
  switch (unit) {
    case 'cents':
      return formatEuro(value, lang);
    case 'basisPoints':
      return `${formatNumber(value / 100, lang)}%`;
    default:
      return t(`subsidies.units.${unit}`, { count: value });
  }
}

/** valueToInput writes a value for the editor's field: euros for cents, percent for basis points. */
export function valueToInput(unit: Unit, value: number, lang: string): string {
  if (unit === 'cents') return centsToInput(value, lang);
  if (unit === 'basisPoints') return formatNumber(value / 100, lang);
  return String(value);
}

/**
 * parseValue reads the editor's field as the integer the API stores: euros to cents, percent
 * (at most two decimals, comma or point) to basis points, whole numbers otherwise; undefined
 * when it is not a number of that kind.
 */
export function parseValue(unit: Unit, text: string): number | undefined {
  const s = text.trim().replace(/%$/, '').trim();
  if (unit === 'cents') return parseEuros(s);
  if (unit === 'basisPoints') {
    const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(s);
    if (!m) return undefined;
    return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  }
  return /^\d{1,9}$/.test(s) ? Number(s) : undefined;
}

/** CalcForm is the calculator's state, as its controls hold it. */
export type CalcForm = {
  scheme: Scheme;
  date: string;
  hoursPerWeek: number;
  fullTimeHours: number;
  wageValuePercent: number;
  flatRate: boolean;
  targetGroup: TargetGroup;
  hoursPerYear: number;
};

export const calcDefaults = (date: string): CalcForm => ({
  scheme: 'lks',
  date,
  hoursPerWeek: 32,
  fullTimeHours: 36,
  wageValuePercent: 60,
  flatRate: false,
  targetGroup: 'banenafspraak',
  hoursPerYear: 1664,
});

/**
 * estimateRequest is what the calculator asks the API: only the fields of its scheme, the
 * loonwaarde or the flat rate. Nothing (undefined) while the date is not a whole date yet.
 */
export function estimateRequest(f: CalcForm): EstimateRequest | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) return undefined;
  if (f.scheme === 'lkv') return { scheme: 'lkv', date: f.date, targetGroup: f.targetGroup, hoursPerYear: f.hoursPerYear };
  const body: EstimateRequest = { scheme: 'lks', date: f.date, hoursPerWeek: f.hoursPerWeek, fullTimeHours: f.fullTimeHours };
  if (f.flatRate) body.flatRate = true;
  else body.wageValuePercent = f.wageValuePercent;
  return body;
}

/** applyTerm is the LKS application term in words: 0 months is before the first working day. */
export function applyTerm(t: TFunction, months: number | undefined): string {
  if (months === undefined) return t('subsidies.terms.askGemeente');
  if (months === 0) return t('subsidies.terms.beforeStart');
  return t('subsidies.terms.withinMonths', { count: months });
}
