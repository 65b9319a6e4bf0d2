import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Checkbox, FormLabel } from '@utrecht/component-library-react';
import { Combobox } from '../../components/ui/Combobox';
import { useDebounced } from '../../lib/useDebounced';
import { useOccupationSearch, usePoolEstimates, useSkills, type PoolEstimate, type Reach, type Skill } from './api';

export type OccupationValue = { id: string; label: string } | null;

/** reachText says how many candidates an occupation reaches: "14 kandidaten", "minder dan 5 kandidaten". */
export function reachText(t: TFunction, e: PoolEstimate | undefined): string | undefined {
  if (!e) return undefined;
  if (e.fewerThanFive) return t('reach.fewerThanFive');
  return t('reach.count', { count: e.count ?? 0 });
}

/** fewReach: the estimate found no candidates or fewer than five. */
export const fewReach = (e: PoolEstimate | undefined) => !!e && (e.fewerThanFive || e.count === 0);

type OccupationPickerProps = {
  value: OccupationValue;
  onChange: (v: OccupationValue) => void;
  error?: string;
  message?: string;
  label?: string;
  name?: string;
  description?: string;
  /** reach, when set, shows each option's reach count (signed-in users only). */
  reach?: Reach | null;
};

/** OccupationPicker finds an ESCO occupation by (part of) its Dutch name or a synonym. */
export function OccupationPicker(props: OccupationPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.value?.label ?? '');
  const q = useDebounced(text, 150);
  const found = useOccupationSearch(props.value && text === props.value.label ? '' : q);
  const estimates = usePoolEstimates((found.data ?? []).map((o) => o.id), props.reach ?? null);
  const options = (found.data ?? []).map((o) => ({
    id: o.id,
    label: o.label,
    hint:
      [reachText(t, estimates.data?.get(o.id)), o.match === 'near' ? t('opening.nearOccupation', { group: o.iscoLabel }) : undefined]
        .filter(Boolean)
        .join(' · ') || undefined,
  }));
  return (
    <Combobox
      label={props.label ?? t('opening.occupation')}
      name={props.name ?? 'occupation'}
      text={text}
      onText={(v) => {
        setText(v);
        if (props.value) props.onChange(null);
      }}
      options={options}
      onSelect={(o) => {
        setText(o.label);
        props.onChange({ id: o.id, label: o.label });
      }}
      description={props.description ?? (props.reach !== undefined ? t('reach.occupationHelp') : t('opening.occupationHelp'))}
      status={found.data ? t('combobox.results', { count: options.length }) : ''}
      error={props.error}
      message={props.message}
    />
  );
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** matchSkills finds skills whose label or synonym contains every word typed. */
export function matchSkills(skills: Skill[], q: string, exclude: string[], lang: string): Skill[] {
  const words = fold(q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return skills
    .filter((s) => !exclude.includes(s.id))
    .filter((s) => {
      const keys = [s.labelNl, s.labelEn, ...s.synonyms].map(fold);
      return words.every((w) => keys.some((k) => k.includes(w)));
    })
    .sort((a, b) => {
      const la = fold(lang.startsWith('en') ? a.labelEn : a.labelNl);
      const lb = fold(lang.startsWith('en') ? b.labelEn : b.labelNl);
      return Number(!la.startsWith(words[0])) - Number(!lb.startsWith(words[0])) || la.localeCompare(lb);
    })
    .slice(0, 8);
}

/** SkillPicker chooses skills from the vocabulary; chosen ones show as removable chips. */
export function SkillPicker(props: {
  label: string;
  name: string;
  ids: string[];
  onChange: (ids: string[]) => void;
  exclude: string[];
  error?: string;
  message?: string;
  description?: string;
  /** mandatory, with onMandatory, gives each chosen skill a "verplicht" checkbox. */
  mandatory?: string[];
  onMandatory?: (ids: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const skills = useSkills();
  const [text, setText] = useState('');
  const all = skills.data ?? [];
  const labelOf = (id: string) => {
    const s = all.find((x) => x.id === id);
    return s ? (i18n.language.startsWith('en') ? s.labelEn : s.labelNl) : id;
  };
  const matches = matchSkills(all, text, [...props.ids, ...props.exclude], i18n.language);
  return (
    <div>
      <Combobox
        label={props.label}
        name={props.name}
        text={text}
        onText={setText}
        clearOnBlur
        options={matches.map((s) => ({ id: s.id, label: i18n.language.startsWith('en') ? s.labelEn : s.labelNl, hint: t(`skillCategory.${s.category}`) }))}
        onSelect={(o) => {
          props.onChange([...props.ids, o.id]);
          setText('');
        }}
        description={props.description ?? t('opening.skillHelp')}
        status={text ? t('combobox.results', { count: matches.length }) : ''}
        error={props.error}
        message={props.message}
      />
      {props.ids.length > 0 && (
        <ul className="wh-chips" aria-label={t('opening.chosen', { label: props.label })}>
          {props.ids.map((sid) => (
            <li key={sid} className="wh-chip">
              {labelOf(sid)}
              {props.onMandatory && (
                <span className="wh-chip__check">
                  <Checkbox
                    id={`${id}-${sid}`}
                    checked={props.mandatory?.includes(sid) ?? false}
                    onChange={(e) => props.onMandatory!(e.target.checked ? [...(props.mandatory ?? []), sid] : (props.mandatory ?? []).filter((x) => x !== sid))}
                  />
                  <FormLabel htmlFor={`${id}-${sid}`} type="checkbox">
                    <span className="wh-visually-hidden">{labelOf(sid)}: </span>
                    {t('opening.mandatory')}
                  </FormLabel>
                </span>
              )}
              <button
                type="button"
                aria-label={t('opening.removeSkill', { label: labelOf(sid) })}
                onClick={() => {
                  props.onChange(props.ids.filter((x) => x !== sid));
                  if (props.mandatory?.includes(sid)) props.onMandatory?.(props.mandatory.filter((x) => x !== sid));
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** OccupationsPicker chooses up to max occupations (a candidate's desired occupations, an opening's "ook passend"). */
export function OccupationsPicker(props: {
  value: { id: string; label: string }[];
  onChange: (v: { id: string; label: string }[]) => void;
  max: number;
  error?: string;
  message?: string;
  label?: string;
  name?: string;
  description?: string;
  /** exclude are ids not to offer (e.g. the opening's main occupation). */
  exclude?: string[];
  /** reach, when set, shows each option's reach count. */
  reach?: Reach | null;
  /** estimates are the chosen occupations' reach counts, shown on their chips. */
  estimates?: Map<string, PoolEstimate>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text, 150);
  const found = useOccupationSearch(q);
  const chosen = [...props.value.map((o) => o.id), ...(props.exclude ?? [])];
  const shown = (found.data ?? []).filter((o) => !chosen.includes(o.id));
  const estimates = usePoolEstimates(shown.map((o) => o.id), props.reach ?? null);
  const options = shown.map((o) => ({ id: o.id, label: o.label, hint: reachText(t, estimates.data?.get(o.id)) }));
  const label = props.label ?? t('candidate.occupations');
  return (
    <div>
      <Combobox
        label={label}
        name={props.name ?? 'occupations'}
        text={text}
        onText={setText}
        clearOnBlur
        options={props.value.length >= props.max ? [] : options}
        onSelect={(o) => {
          props.onChange([...props.value, { id: o.id, label: o.label }]);
          setText('');
        }}
        description={props.description ?? t('candidate.occupationsHelp', { max: props.max })}
        status={found.data ? t('combobox.results', { count: options.length }) : ''}
        error={props.error}
        message={props.message}
      />
      {props.value.length > 0 && (
        <ul className="wh-chips" aria-label={t('opening.chosen', { label })}>
          {props.value.map((o) => (
            <li key={o.id} className="wh-chip">
              {o.label}
              {props.estimates?.get(o.id) && <span className="wh-small"> — {reachText(t, props.estimates.get(o.id))}</span>}
              <button type="button" aria-label={t('opening.removeSkill', { label: o.label })} onClick={() => props.onChange(props.value.filter((x) => x.id !== o.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
