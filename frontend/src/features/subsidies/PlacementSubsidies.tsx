// What applies once a kandidaat said yes: every scheme with whether it
// applies (and why not), who decides, an indicative amount for the
// placement's hours, the conditions in B1 Dutch and the deadlines. Shown on
// the introduction page only — never on anonymous pool cards, where amounts
// would invite choosing people by their subsidy.
import { useTranslation } from 'react-i18next';
import { DataState, Heading, Paragraph } from '../../components/ui';
import { useInviteSubsidies, type InviteSubsidies, type PlacementScheme, type PlacementTerm, type UsedParameter } from './api';
import { formatDate, formatEuro, formatNumber } from '../../lib/format';
import { type InviteState } from '../invites';

/** afterYes are the invite states in which the kandidaat said yes (and the placement, once there is one). */
export const afterYes: InviteState[] = ['accepted', 'introduced', 'intake_planned', 'placed'];

/** PlacementSubsidies loads and shows the schemes of an accepted invite; nothing before a yes. */
export function PlacementSubsidies({ inviteId, state, placementId }: { inviteId: string; state: InviteState; placementId?: string }) {
  const enabled = afterYes.includes(state);
  const q = useInviteSubsidies(inviteId, `${state}:${placementId ?? ''}`, enabled);
  if (!enabled) return null;
  return (
    <DataState isLoading={q.isLoading} error={q.error}>
      {q.data && <SubsidiesView data={q.data} />}
    </DataState>
  );
}

/** SubsidiesView renders one answer of GET /invites/{id}/subsidies. */
export function SubsidiesView({ data }: { data: InviteSubsidies }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const hours = data.hoursMin === data.hoursMax ? String(data.hoursMin) : `${data.hoursMin}–${data.hoursMax}`;
  return (
    <section aria-labelledby="subsidies" className="wh-subsidies">
      <Heading level={2} id="subsidies">
        {t('placementSubsidies.title')}
      </Heading>
      <Paragraph>
        {data.basis === 'placement' && data.startDate
          ? t('placementSubsidies.basisPlacement', { hours, date: formatDate(data.startDate, lang) })
          : t('placementSubsidies.basisOpening', { hours })}{' '}
        {t('placementSubsidies.indicativeIntro')}
      </Paragraph>
      {data.extrapolated && lastWage(data.parameters) && (
        <Paragraph className="wh-small">{t('placementSubsidies.extrapolated', { date: formatDate(lastWage(data.parameters), lang) })}</Paragraph>
      )}
      {data.schemes.map((s) => (
        <SchemeView key={s.scheme} s={s} placed={data.basis === 'placement'} />
      ))}
      <details className="wh-details">
        <summary>{t('placementSubsidies.sources')}</summary>
        <Paragraph className="wh-small">{t('placementSubsidies.sourcesOn', { date: formatDate(data.parametersOn, lang) })}</Paragraph>
        <ul className="wh-small">
          {data.parameters.map((p) => (
            <li key={p.key}>
              {parameterValue(p, t, lang)} — {p.source} ({t('placementSubsidies.validFrom', { date: formatDate(p.validFrom, lang) })})
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function SchemeView({ s, placed }: { s: PlacementScheme; placed: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = `scheme-${s.scheme}`;
  return (
    <section aria-labelledby={id}>
      <Heading level={3} id={id}>
        {t(`placementSubsidies.schemes.${s.scheme}`)}
      </Heading>
      <Paragraph>
        <strong>{t(`placementSubsidies.indicative.${s.decidedBy}`)}</strong>
      </Paragraph>
      <dl className="wh-dl">
        <dt>{t('placementSubsidies.applies')}</dt>
        <dd>{s.applies ? t('placementSubsidies.yes') : `${t('placementSubsidies.no')} ${s.reason ? t(`placementSubsidies.reasons.${s.reason}`) : ''}`}</dd>
        <dt>{t('placementSubsidies.decidedByLabel')}</dt>
        <dd>{t(`placementSubsidies.deciders.${s.scheme}`)}</dd>
        {s.applies && amountLines(s, t, lang).map(([label, text]) => (
          <FragmentPair key={label} label={label} text={text} />
        ))}
      </dl>
      {s.conditions.length > 0 && (
        <>
          <Heading level={4}>{t('placementSubsidies.conditions')}</Heading>
          <ul>
            {s.conditions.map((c) => (
              <li key={c.code}>{t(`placementSubsidies.condition.${c.code}`, { count: c.value ?? 0 })}</li>
            ))}
          </ul>
        </>
      )}
      {s.applies && s.deadlines.length > 0 && (
        <>
          <Heading level={4}>{t('placementSubsidies.deadlines')}</Heading>
          <ul>
            {s.deadlines.map((d) => (
              <li key={d.code}>{termText(d, placed, t, lang)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function FragmentPair({ label, text }: { label: string; text: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{text}</dd>
    </>
  );
}

/** money is one amount, or a range when it varies. */
function money(from: number, to: number, lang: string) {
  return from === to ? formatEuro(from, lang) : `${formatEuro(from, lang)} – ${formatEuro(to, lang)}`;
}

/** amountLines are a scheme's indicative amounts as label and text. */
export function amountLines(s: PlacementScheme, t: T, lang: string): [string, string][] {
  const out: [string, string][] = [];
  if (s.amount) {
    const key = s.scheme === 'lks' ? 'amountLks' : s.amount.period === 'year' ? 'amountYear' : 'amountMonth';
    out.push([t('placementSubsidies.amount'), t(`placementSubsidies.${key}`, { amount: money(s.amount.fromCents, s.amount.toCents, lang), count: s.years ?? 0 })]);
  }
  if (s.flatRate) {
    out.push([t('placementSubsidies.flatRate'), t('placementSubsidies.flatRateText', { amount: money(s.flatRate.fromCents, s.flatRate.toCents, lang), count: s.flatRateMonths ?? 0 })]);
  }
  if (s.lengthMonths !== undefined) {
    const length = t('placementSubsidies.lengthText', { count: s.lengthMonths });
    const extend = s.extendMonths ? ` ${t('placementSubsidies.extendText', { count: s.extendMonths })}` : '';
    out.push([t('placementSubsidies.length'), length + extend]);
  } else if (s.scheme === 'proefplaatsing' && s.applies) {
    out.push([t('placementSubsidies.length'), t('placementSubsidies.lengthUnset')]);
  }
  return out;
}

/** termText is a deadline: a date once the placement started, else the months after the start. */
export function termText(d: PlacementTerm, placed: boolean, t: T, lang: string) {
  const what = t(`placementSubsidies.terms.${d.code}`);
  if (placed && d.due) {
    const note = d.extrapolated ? ` ${t('placementSubsidies.termExtrapolated')}` : '';
    return `${t('placementSubsidies.dueBy', { date: formatDate(d.due, lang) })}: ${what}${note}`;
  }
  return `${d.months === 0 ? t('placementSubsidies.beforeStart') : t('placementSubsidies.monthsAfterStart', { count: d.months })}: ${what}`;
}

/** parameterValue is a parameter's value in its unit. */
function parameterValue(p: UsedParameter, t: T, lang: string) {
  switch (p.unit) {
    case 'cents':
      return formatEuro(p.value, lang);
    case 'basisPoints':
      return `${formatNumber(p.value / 100, lang)}%`;
    default:
      return t(`placementSubsidies.units.${p.unit}`, { count: p.value });
  }
}

/** lastWage is the start of the minimum-wage period the amounts use. */
function lastWage(ps: UsedParameter[]) {
  return ps.find((p) => p.key === 'wml_month')?.validFrom;
}
