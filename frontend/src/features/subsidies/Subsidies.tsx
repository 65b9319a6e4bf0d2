import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckboxField, Choice, DataState, FieldFrame, Field, Heading, Notice, PageTitle, Paragraph, ChoiceGroup } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useDebounced } from '../../lib/useDebounced';
import { useSession, type Role } from '../../lib/session';
import { useEstimate, useParameters, type Estimate, type Parameter } from './api';
import { applyTerm, calcDefaults, estimateRequest, formatValue, targetGroups, valueOn, type CalcForm, type Scheme, type TargetGroup } from './format';
import { formatDate, formatEuro, formatNumber, today } from '../../lib/format';

/** The roles that may open the services desk (the jobcoaching link leads there). */
const catalogueRoles: Role[] = ['werkgever', 'zorgaanbieder', 'accountmanager', 'admin'];

/** Subsidies is /subsidies: what each scheme is, who decides, by when to ask, and the calculator. */
export function Subsidies() {
  const { t } = useTranslation();
  const params = useParameters();
  return (
    <>
      <PageTitle>{t('subsidies.title')}</PageTitle>
      <Paragraph>{t('subsidies.intro')}</Paragraph>
      <DataState isLoading={params.isLoading} error={params.error}>
        <Overview params={params.data ?? []} />
      </DataState>
      <Calculator />
    </>
  );
}

/** Overview is every scheme in plain words, with its terms from the parameters that hold today. */
export function Overview({ params }: { params: Parameter[] }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const day = today();
  const v = (key: string) => valueOn(params, key, day);
  const lang = i18n.language;
  const amount = (key: string) => {
    const x = v(key);
    return x === undefined ? '—' : formatEuro(x, lang);
  };
  const months = (key: string) => {
    const x = v(key);
    return x === undefined ? t('subsidies.terms.askGemeente') : t('subsidies.units.months', { count: x });
  };
  const role = session.data?.user?.role as Role | undefined;
  const schemes: { id: string; decider: 'gemeente' | 'uwv'; items: string[] }[] = [
    {
      id: 'lks',
      decider: 'gemeente',
      items: [
        t('subsidies.lks.what'),
        t('subsidies.lks.who'),
        t('subsidies.lks.apply', { term: applyTerm(t, v('lks_apply_months')) }),
        t('subsidies.lks.flatRate', { months: t('subsidies.units.months', { count: v('lks_flat_rate_months') ?? 6 }) }),
        v('lks_reassess_months') === undefined ? t('subsidies.lks.reassessAsk') : t('subsidies.lks.reassess', { term: months('lks_reassess_months') }),
      ],
    },
    {
      id: 'lkv',
      decider: 'uwv',
      items: [
        t('subsidies.lkv.what'),
        t('subsidies.lkv.amounts', { banen: amount('lkv_banenafspraak_hour'), banenMax: amount('lkv_banenafspraak_year'), ag: amount('lkv_arbeidsgehandicapt_hour'), agMax: amount('lkv_arbeidsgehandicapt_year') }),
        t('subsidies.lkv.request', { months: t('subsidies.units.months', { count: v('lkv_request_months') ?? 3 }) }),
      ],
    },
    {
      id: 'noRisk',
      decider: 'uwv',
      items: [t('subsidies.noRisk.what'), t('subsidies.noRisk.who'), t('subsidies.noRisk.report', { days: t('subsidies.units.days', { count: v('no_riskpolis_report_days') ?? 42 }) })],
    },
    {
      id: 'proef',
      decider: 'gemeente',
      items: [
        t('subsidies.proef.what'),
        v('proefplaatsing_months') === undefined
          ? t('subsidies.proef.askGemeente')
          : t('subsidies.proef.length', { months: months('proefplaatsing_months'), extend: months('proefplaatsing_extend_months') }),
      ],
    },
    { id: 'jobcoaching', decider: 'gemeente', items: [t('subsidies.jobcoaching.what'), t('subsidies.jobcoaching.who')] },
  ];
  return (
    <section aria-labelledby="schemes" className="wh-section">
      <Heading level={2} id="schemes">
        {t('subsidies.schemesTitle')}
      </Heading>
      {schemes.map((s) => (
        <section key={s.id} aria-labelledby={`scheme-${s.id}`} className="wh-section">
          <Heading level={3} id={`scheme-${s.id}`}>
            {t(`subsidies.${s.id}.title`)}
          </Heading>
          <ul>
            {s.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
          <Paragraph>
            <strong>{t(`subsidies.decides.${s.decider}`)}</strong>
          </Paragraph>
          {s.id === 'jobcoaching' && role && catalogueRoles.includes(role) && (
            <Paragraph>
              <Link to="/diensten?soort=jobcoaching">{t('subsidies.jobcoaching.book')}</Link>
            </Paragraph>
          )}
        </section>
      ))}
    </section>
  );
}

type SliderProps = { label: string; name: string; value: number; min: number; max: number; step?: number; onChange: (v: number) => void; text: string; description?: string; error?: string; message?: string };

/** Slider is a labelled range input that shows (and tells screen readers) its value in words. */
function Slider({ label, name, value, min, max, step = 1, onChange, text, description, error, message }: SliderProps) {
  return (
    <FieldFrame label={label} description={description} error={error} message={message}>
      {({ id, describedBy }) => (
        <div className="wh-slider">
          <input id={id} name={name} type="range" min={min} max={max} step={step} value={value} aria-valuetext={text} aria-describedby={describedBy}
            onChange={(e) => onChange(Number(e.target.value))} />
          <output htmlFor={id}>{text}</output>
        </div>
      )}
    </FieldFrame>
  );
}

/** Calculator is the estimate with live figures: every change asks the API again, debounced. */
export function Calculator() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form, setForm] = useState<CalcForm>(() => calcDefaults(today()));
  const set = (patch: Partial<CalcForm>) => setForm((f) => ({ ...f, ...patch }));
  const body = useDebounced(useMemo(() => estimateRequest(form), [form]), 250);
  const estimate = useEstimate(body);
  const err = estimate.error instanceof ApiError ? estimate.error : undefined;
  const fields = err?.fieldErrors() ?? {};
  const messages = err?.fieldMessages() ?? {};
  const hours = (n: number) => t('subsidies.units.hours', { count: n, n: formatNumber(n, lang) });
  return (
    <section aria-labelledby="calculator" className="wh-section">
      <Heading level={2} id="calculator">
        {t('subsidies.calc.title')}
      </Heading>
      <Paragraph>{t('subsidies.calc.intro')}</Paragraph>
      <form className="wh-form wh-form--wide" onSubmit={(e) => e.preventDefault()} noValidate>
        <ChoiceGroup legend={t('subsidies.calc.scheme')} name="scheme" value={form.scheme} onChange={(scheme) => set({ scheme: scheme as Scheme })}
          options={[{ value: 'lks', label: t('subsidies.lks.title') }, { value: 'lkv', label: t('subsidies.lkv.title') }]} error={fields.scheme} message={messages.scheme} />
        <Field label={t('subsidies.calc.date')} name="date" type="date" value={form.date} onChange={(date) => set({ date })} description={t('subsidies.calc.dateHelp')}
          error={fields.date} message={messages.date} />
        {form.scheme === 'lks' ? (
          <>
            <Slider label={t('subsidies.calc.hoursPerWeek')} name="hoursPerWeek" min={1} max={60} value={form.hoursPerWeek} onChange={(hoursPerWeek) => set({ hoursPerWeek })}
              text={hours(form.hoursPerWeek)} error={fields.hoursPerWeek} message={messages.hoursPerWeek} />
            <Slider label={t('subsidies.calc.fullTimeHours')} name="fullTimeHours" min={1} max={60} value={form.fullTimeHours} onChange={(fullTimeHours) => set({ fullTimeHours })}
              text={hours(form.fullTimeHours)} description={t('subsidies.calc.fullTimeHelp')} error={fields.fullTimeHours} message={messages.fullTimeHours} />
            <CheckboxField label={t('subsidies.calc.flatRate')} name="flatRate" checked={form.flatRate} onChange={(flatRate) => set({ flatRate })}
              description={t('subsidies.calc.flatRateHelp')} />
            {!form.flatRate && (
              <Slider label={t('subsidies.calc.wageValue')} name="wageValuePercent" min={0} max={100} value={form.wageValuePercent}
                onChange={(wageValuePercent) => set({ wageValuePercent })} text={`${form.wageValuePercent}%`} description={t('subsidies.calc.wageValueHelp')}
                error={fields.wageValuePercent} message={messages.wageValuePercent} />
            )}
          </>
        ) : (
          <>
            <Choice label={t('subsidies.calc.targetGroup')} name="targetGroup" value={form.targetGroup} onChange={(g) => set({ targetGroup: g as TargetGroup })}
              options={targetGroups.map((g) => ({ value: g, label: t(`subsidies.targetGroups.${g}`) }))} error={fields.targetGroup} message={messages.targetGroup} />
            <Slider label={t('subsidies.calc.hoursPerYear')} name="hoursPerYear" min={1} max={3132} value={form.hoursPerYear} onChange={(hoursPerYear) => set({ hoursPerYear })}
              text={hours(form.hoursPerYear)} description={t('subsidies.calc.hoursPerYearHelp')} error={fields.hoursPerYear} message={messages.hoursPerYear} />
          </>
        )}
      </form>
      <Result scheme={form.scheme} estimate={estimate.data} error={estimate.error} pending={estimate.isFetching} />
    </section>
  );
}

/** Result is the amount, who decides (always shown), the notes and the parameters used. */
export function Result({ scheme, estimate, error, pending }: { scheme: Scheme; estimate?: Estimate; error?: unknown; pending?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const decider = scheme === 'lks' ? 'gemeente' : 'uwv';
  const shown = estimate && estimate.scheme === scheme ? estimate : undefined;
  const amount = shown?.monthlyCents ?? shown?.yearlyCents;
  return (
    <div className="wh-result" aria-busy={pending || undefined}>
      <Notice type="info">{t(`subsidies.calc.indicative.${decider}`)}</Notice>
      {error instanceof ApiError && error.status !== 400 && <Notice type="error">{t('common.error')}</Notice>}
      <div aria-live="polite">
        {shown && amount !== undefined && (
          <Paragraph>
            <span className="wh-price">{t(`subsidies.calc.amount.${scheme}`, { amount: formatEuro(amount, lang) })}</span>
          </Paragraph>
        )}
      </div>
      {shown && (
        <>
          {shown.extrapolated && shown.message && <Notice type="warning">{shown.message}</Notice>}
          <ul>
            {shown.capApplied && <li>{t(`subsidies.calc.cap.${scheme}`)}</li>}
            {shown.flatRate && shown.flatRateMonths !== undefined && <li>{t('subsidies.calc.flatRateMonths', { count: shown.flatRateMonths })}</li>}
            {shown.maxYears !== undefined && <li>{t('subsidies.calc.maxYears', { count: shown.maxYears })}</li>}
          </ul>
          <details className="wh-details">
            <summary>{t('subsidies.calc.parameters')}</summary>
            <dl className="wh-dl">
              {shown.parameters.map((p) => (
                <Fragment key={p.key}>
                  <dt>{t(`subsidies.keys.${p.key}`, { defaultValue: p.key })}</dt>
                  <dd>
                    {formatValue(t, lang, p.unit, p.value)} · {t('subsidies.calc.from', { date: formatDate(p.validFrom, lang) })} · {p.source}
                    {' · '}
                    {p.checkedOn ? t('subsidies.checkedOn', { date: formatDate(p.checkedOn, lang) }) : t('subsidies.notChecked')}
                  </dd>
                </Fragment>
              ))}
            </dl>
          </details>
        </>
      )}
    </div>
  );
}
