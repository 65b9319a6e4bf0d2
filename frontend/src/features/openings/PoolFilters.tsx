import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Button, ChoiceGroup, Choice, Field } from '../../components/ui';
import type { ApiError } from '../../lib/api/error';
import type { components } from '../../lib/api/schema';
import { flagNames, type PoolFilters } from './queries';
import { formatDate } from '../../lib/format';

type Facets = NonNullable<components['schemas']['PoolBody']['facets']>;

const educationLevels = ['vmbo', 'mbo1', 'mbo2', 'mbo3', 'mbo4', 'havo', 'hbo'];
const rungs = [1, 2, 3, 4, 5, 6];

const languageName = (t: TFunction, code: string) => t(`candidate.languageNames.${code}`, { defaultValue: code });

/** ActiveFilters says what narrows the pool: in words (for the empty state) and how many filters are on. */
export type ActiveFilters = { words: string[]; any: boolean; count: number };

/** activeFilters puts the filters that narrow the pool into words; "every occupation" widens it and only counts. */
export function activeFilters(filters: PoolFilters, t: TFunction, lang: string, canPin: boolean): ActiveFilters {
  const words: string[] = [];
  if (filters.radius) words.push(t('pool.active.radius', { km: filters.radius }));
  if (filters.minEducation) words.push(t('pool.active.minEducation', { level: t(`candidate.educationLevels.${filters.minEducation}`) }));
  if (filters.hoursMin) words.push(t('pool.active.hoursMin', { hours: filters.hoursMin }));
  if (filters.availableBefore) words.push(t('pool.active.availableBefore', { date: formatDate(filters.availableBefore, lang) }));
  if (filters.rungMin && filters.rungMax) words.push(t('pool.active.rungRange', { min: filters.rungMin, max: filters.rungMax }));
  else if (filters.rungMin) words.push(t('pool.active.rungMin', { min: filters.rungMin }));
  else if (filters.rungMax) words.push(t('pool.active.rungMax', { max: filters.rungMax }));
  if (filters.languages.length) words.push(t('pool.active.languages', { names: filters.languages.map((c) => languageName(t, c)).join(', ') }));
  for (const o of ['drivingLicence', 'freshOnly', 'offeredSupport']) {
    if (filters.options.includes(o)) words.push(t(o === 'offeredSupport' && canPin ? 'pool.active.offeredSupportStaff' : `pool.active.${o}`));
  }
  for (const fl of flagNames) if (filters.flags.includes(fl)) words.push(t(`pool.active.${fl}`));
  const occupations = filters.occupations.length > 0;
  return { words, any: words.length > 0 || occupations, count: words.length + (occupations ? 1 : 0) };
}

type PanelProps = {
  filters: PoolFilters;
  onChange: (patch: Partial<PoolFilters>) => void;
  onClear: () => void;
  active: ActiveFilters;
  /** facets are the counts of the last answer; undefined while a refused combination is shown. */
  facets: Facets | undefined;
  /** invalid is the server's refusal of the combination (400), whose fields the panel marks. */
  invalid: ApiError | undefined;
  /** maxTravelKm is the opening's own distance, the radius's default. */
  maxTravelKm: number;
  canPin: boolean;
  /** formRef reaches the form, so a clear button elsewhere can put the focus in the panel. */
  formRef: Ref<HTMLFormElement>;
};

/** PoolFilterPanel is the pool's filters with their counts, folded away on a phone behind "Filters (n)". */
export function PoolFilterPanel({ filters, onChange, onClear, active, facets: answered, invalid, maxTravelKm, canPin, formRef }: PanelProps) {
  const { t } = useTranslation();
  // On a phone the filters fold away behind "Filters (n)"; on a wide screen they start open.
  const [open, setOpen] = useState(() => typeof window === 'undefined' || !window.matchMedia || window.matchMedia('(min-width: 48em)').matches);
  // While a refused combination is shown, the counts stay those of the last answer.
  const [lastFacets, setLastFacets] = useState<Facets>({});
  if (answered && answered !== lastFacets) setLastFacets(answered);
  const facets = answered ?? lastFacets;
  const count = (facet: string, value: string) => facets[facet]?.[value] ?? 0;
  const set = <K extends keyof PoolFilters>(key: K) => (v: PoolFilters[K]) => onChange({ [key]: v } as Partial<PoolFilters>);
  // A combination the server refuses (e.g. rungs out of order) lands on the filter it names.
  const fieldErrors = invalid?.fieldErrors() ?? {};
  const fieldMessages = invalid?.fieldMessages() ?? {};
  const fe = (name: string) => ({ error: fieldErrors[name], message: fieldMessages[name] });
  // The selects keep the chosen bounds in order; a refused range has one bound
  // chosen and the region's other bound on the wrong side of it.
  const rungError = (which: 'rungMin' | 'rungMax') => {
    const code = fieldErrors.rungMin ?? fieldErrors.rungMax;
    if (!code) return {};
    const alone = filters.rungMin && !filters.rungMax ? 'rungMin' : !filters.rungMin && filters.rungMax ? 'rungMax' : undefined;
    if (alone) return which === alone ? { error: code, message: t(`pool.${alone}Alone`) } : {};
    return which === 'rungMin' ? { error: code, message: fieldMessages.rungMin ?? fieldMessages.rungMax } : {};
  };

  const languageCounts = facets.languageCodes ?? {};
  const languageCodes = [...new Set([...Object.keys(languageCounts).filter((c) => languageCounts[c] > 0), ...filters.languages])].sort(
    (a, b) => (languageCounts[b] ?? 0) - (languageCounts[a] ?? 0) || languageName(t, a).localeCompare(languageName(t, b)),
  );
  const rungOptions = (keep: (r: number) => boolean) => [
    { value: '', label: t('pool.rungDefault') },
    ...rungs.filter(keep).map((r) => ({ value: String(r), label: t('pool.rungOption', { rung: r, count: count('rung', String(r)) }) })),
  ];

  return (
    <details className="wh-details wh-filters-toggle" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('pool.filtersToggle', { count: active.count })}</summary>
      <form ref={formRef} className="wh-filters wh-filters--panel" onSubmit={(e) => e.preventDefault()} aria-label={t('pool.filters')}>
        <div className="wh-filters__fields">
          <Choice label={t('pool.radius')} name="radius" value={filters.radius} onChange={set('radius')} {...fe('radiusKm')}
            options={[{ value: '', label: t('pool.radiusDefault', { km: maxTravelKm }) }, ...[5, 10, 15, 25, 50, 100].map((k) => ({ value: String(k), label: t('pool.km', { km: k }) }))]} />
          <Choice label={t('pool.minEducation')} name="minEducation" value={filters.minEducation} onChange={set('minEducation')} {...fe('minEducation')}
            options={[{ value: '', label: t('pool.anyEducation') }, ...educationLevels.map((e) => ({ value: e, label: t(`candidate.educationLevels.${e}`) }))]} />
          <Choice label={t('pool.hoursMin')} name="hoursMin" value={filters.hoursMin} onChange={set('hoursMin')} {...fe('hoursMin')}
            options={[{ value: '', label: t('pool.anyHours') }, ...[8, 16, 24, 32].map((h) => ({ value: String(h), label: t('pool.hoursOption', { hours: h }) }))]} />
          <Field label={t('pool.availableBefore')} name="availableBefore" type="date" value={filters.availableBefore} onChange={set('availableBefore')} {...fe('availableBefore')} />
        </div>
        <div className="wh-filters__groups">
          {/* A fieldset for the range, marked up like ChoiceGroup's so the groups look alike. */}
          <div className="utrecht-form-fieldset">
            <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset wh-filters__range">
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('pool.rungs')}</legend>
              <p className="wh-small wh-filters__help">{t('pool.rungsHelp')}</p>
              <Choice label={t('pool.rungMin')} name="rungMin" value={filters.rungMin} onChange={set('rungMin')} {...rungError('rungMin')}
                options={rungOptions((r) => !filters.rungMax || r <= Number(filters.rungMax))} />
              <Choice label={t('pool.rungMax')} name="rungMax" value={filters.rungMax} onChange={set('rungMax')} {...rungError('rungMax')}
                options={rungOptions((r) => !filters.rungMin || r >= Number(filters.rungMin))} />
            </fieldset>
          </div>
          <ChoiceGroup multiple legend={t('pool.narrow')} name="options" values={filters.options} onChange={set('options')}
            options={[
              { value: 'drivingLicence', label: t('pool.withLicence', { count: count('drivingLicence', 'true') }) },
              { value: 'freshOnly', label: t('pool.freshOnly') },
              { value: 'offeredSupport', label: t(canPin ? 'pool.offeredSupportStaff' : 'pool.offeredSupport') },
            ]} />
          <ChoiceGroup multiple legend={t('pool.schemes')} description={t('pool.schemesHelp')} name="flags" values={filters.flags} onChange={set('flags')} {...fe('flags')}
            options={flagNames.map((fl) => ({ value: fl, label: t(`pool.flag.${fl}`, { count: count(fl, 'true') }) }))} />
          {languageCodes.length > 0 && (
            <ChoiceGroup multiple legend={t('pool.languages')} description={t('pool.languagesHelp')} name="languages" values={filters.languages} onChange={set('languages')} {...fe('languages')}
              options={languageCodes.map((c) => ({ value: c, label: t('pool.withCount', { label: languageName(t, c), count: languageCounts[c] ?? 0 }) }))} />
          )}
          <ChoiceGroup multiple legend={t('pool.occupations')} description={t('pool.anyOccupationHelp')} name="occupations" values={filters.occupations} onChange={set('occupations')}
            options={[{ value: 'any', label: t('pool.anyOccupation') }]} />
        </div>
        {active.any && (
          <div className="wh-actions">
            <Button secondary onClick={onClear}>
              {t('pool.clear')}
            </Button>
          </div>
        )}
      </form>
    </details>
  );
}
