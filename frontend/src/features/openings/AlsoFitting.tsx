import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '../../components/ui';
import { OccupationsPicker, reachText, useRelatedOccupations, type OccupationValue, type PoolEstimate, type Reach } from '../reference';

type Named = { id: string; label: string };

/** maxAcceptable is how many occupations an opening accepts beside its main one. */
export const maxAcceptable = 10;

/**
 * AlsoFitting chooses an opening's "ook passend" occupations: suggestions
 * related to the main occupation, each with its reach, and a search for any
 * other occupation.
 */
export function AlsoFitting(props: {
  main: OccupationValue;
  value: Named[];
  onChange: (v: Named[]) => void;
  reach: Reach | null;
  estimates?: Map<string, PoolEstimate>;
  error?: string;
  message?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const related = useRelatedOccupations(props.main?.id ?? '');
  const chosen = props.value.map((o) => o.id);
  const suggestions = (related.data ?? []).filter((r) => r.id !== props.main?.id && !chosen.includes(r.id)).slice(0, 8);
  const full = props.value.length >= maxAcceptable;
  return (
    <fieldset className="wh-fieldset" aria-describedby={`${id}-help`}>
      <legend>{t('alsoFitting.legend')}</legend>
      <Paragraph id={`${id}-help`}>{t('alsoFitting.help', { max: maxAcceptable })}</Paragraph>
      {props.main && suggestions.length > 0 && (
        <>
          <Paragraph id={`${id}-sugg`}>{t('alsoFitting.suggestions', { label: props.main.label })}</Paragraph>
          <ul className="wh-suggestions" aria-labelledby={`${id}-sugg`}>
            {suggestions.map((r) => (
              <li key={r.id}>
                <span>
                  <strong>{r.label}</strong>
                  {' — '}
                  {[reachText(t, props.estimates?.get(r.id)), t(`alsoFitting.strength.${r.strength}`)].filter(Boolean).join(' · ')}
                </span>
                <Button secondary disabled={full} label={`${t('alsoFitting.add')}: ${r.label}`}
                  onClick={() => props.onChange([...props.value, { id: r.id, label: r.label }])}>
                  {t('alsoFitting.add')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <OccupationsPicker
        label={t('alsoFitting.search')}
        name="acceptableOccupations"
        description={t('alsoFitting.searchHelp', { max: maxAcceptable })}
        value={props.value}
        onChange={props.onChange}
        max={maxAcceptable}
        exclude={props.main ? [props.main.id] : []}
        reach={props.reach}
        estimates={props.estimates}
        error={props.error}
        message={props.message}
      />
    </fieldset>
  );
}

/**
 * acceptableError finds the server's complaint about the "ook passend" list
 * (acceptableOccupationIds or acceptableOccupationIds[2]) and names the
 * occupation at that index.
 */
export function acceptableError(params: { name: string; code: string; reason: string }[], value: Named[]): { error?: string; message?: string } {
  for (const p of params) {
    const m = /^acceptableOccupationIds(?:\[(\d+)\])?$/.exec(p.name);
    if (!m) continue;
    const named = m[1] !== undefined ? value[Number(m[1])] : undefined;
    return { error: p.code || 'invalid', message: named && p.reason ? `${named.label}: ${p.reason}` : p.reason || undefined };
  }
  return {};
}
