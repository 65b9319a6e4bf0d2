import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from '../../components/ui/Combobox';
import { useDebounced } from '../../lib/useDebounced';
import { useOccupationSearch, useSkills, type Skill } from './api';

export type OccupationValue = { id: string; label: string } | null;

/** OccupationPicker finds an ESCO occupation by (part of) its Dutch name or a synonym. */
export function OccupationPicker(props: { value: OccupationValue; onChange: (v: OccupationValue) => void; error?: string; message?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.value?.label ?? '');
  const q = useDebounced(text, 150);
  const found = useOccupationSearch(props.value && text === props.value.label ? '' : q);
  const options = (found.data ?? []).map((o) => ({
    id: o.id,
    label: o.label,
    hint: o.match === 'near' ? t('opening.nearOccupation', { group: o.iscoLabel }) : undefined,
  }));
  return (
    <Combobox
      label={t('opening.occupation')}
      name="occupation"
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
      description={t('opening.occupationHelp')}
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
}) {
  const { t, i18n } = useTranslation();
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
        options={matches.map((s) => ({ id: s.id, label: i18n.language.startsWith('en') ? s.labelEn : s.labelNl, hint: t(`skillCategory.${s.category}`) }))}
        onSelect={(o) => {
          props.onChange([...props.ids, o.id]);
          setText('');
        }}
        description={t('opening.skillHelp')}
        status={text ? t('combobox.results', { count: matches.length }) : ''}
        error={props.error}
        message={props.message}
      />
      {props.ids.length > 0 && (
        <ul className="wh-chips" aria-label={t('opening.chosen', { label: props.label })}>
          {props.ids.map((id) => (
            <li key={id} className="wh-chip">
              {labelOf(id)}
              <button type="button" aria-label={t('opening.removeSkill', { label: labelOf(id) })} onClick={() => props.onChange(props.ids.filter((x) => x !== id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** OccupationsPicker chooses up to max occupations (a candidate's desired occupations). */
export function OccupationsPicker(props: {
  value: { id: string; label: string }[];
  onChange: (v: { id: string; label: string }[]) => void;
  max: number;
  error?: string;
  message?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text, 150);
  const found = useOccupationSearch(q);
  const chosen = props.value.map((o) => o.id);
  const options = (found.data ?? []).filter((o) => !chosen.includes(o.id)).map((o) => ({ id: o.id, label: o.label }));
  const label = t('candidate.occupations');
  return (
    <div>
      <Combobox
        label={label}
        name="occupations"
        text={text}
        onText={setText}
        options={props.value.length >= props.max ? [] : options}
        onSelect={(o) => {
          props.onChange([...props.value, { id: o.id, label: o.label }]);
          setText('');
        }}
        description={t('candidate.occupationsHelp', { max: props.max })}
        status={found.data ? t('combobox.results', { count: options.length }) : ''}
        error={props.error}
        message={props.message}
      />
      {props.value.length > 0 && (
        <ul className="wh-chips" aria-label={t('opening.chosen', { label })}>
          {props.value.map((o) => (
            <li key={o.id} className="wh-chip">
              {o.label}
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
