import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button, DataState, Field, Heading, Notice, PageTitle, Paragraph, ChoiceGroup, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import { undecided, useAssessLks, useDecideLks, useLksApplication, useWithdrawLks, type LksApplication } from './applications';
import { ErrorSummary, LksBadge, LksHistory } from './LksParts';
import { formatDate, formatEuro, formatNumber } from '../../lib/format';
import { useServices } from '../services';

/** ApplicationPage is /loonkostensubsidie/:id: the state, the loonwaarde, the decision, the log, and the steps the viewer may take. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const app = useLksApplication(id);
  return (
    <DataState isLoading={app.isLoading} error={app.error}>
      {app.data && <ApplicationView a={app.data} />}
    </DataState>
  );
}

function ApplicationView({ a }: { a: LksApplication }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params] = useSearchParams();
  const role = useSession().data?.user?.role;
  const staff = role === 'accountmanager' || role === 'admin';
  const org = role === 'werkgever' || role === 'zorgaanbieder';
  const open = undecided.includes(a.state);
  return (
    <>
      <PageTitle>{t('lks.pageTitle', { code: a.candidateCode })}</PageTitle>
      <Paragraph>
        <Link to="/loonkostensubsidie">{t('lks.back')}</Link>
      </Paragraph>
      {params.get('nieuw') === '1' && <Notice type="ok">{t('lks.created')}</Notice>}
      <Paragraph className="wh-state-line">
        {t('lks.stateLabel')} <LksBadge state={a.state} />
      </Paragraph>
      <Paragraph>{t(`lks.explain.${a.state}`)}</Paragraph>
      {a.state === 'granted' && a.monthlyCents !== undefined && (
        <Notice type="ok">{t('lks.grantedAmount', { amount: formatEuro(a.monthlyCents, lang) })}</Notice>
      )}

      <section aria-labelledby="lks-details" className="wh-section">
        <Heading level={2} id="lks-details">
          {t('lks.details')}
        </Heading>
        <dl className="wh-dl">
          <dt>{t('lks.organisation')}</dt>
          <dd>{a.organisationName}</dd>
          <dt>{t('lks.placement')}</dt>
          <dd>
            <Link to={`/uitnodigingen/${a.inviteId}`}>
              {t('lks.placementText', { code: a.candidateCode, opening: a.openingTitle, date: formatDate(a.placementStart, lang) })}
            </Link>
          </dd>
          <dt>{t('lks.contract')}</dt>
          <dd>{t(`invites.contracts.${a.contractType}`, { defaultValue: a.contractType })}</dd>
          <dt>{t('lks.hours')}</dt>
          <dd>{t('lks.hoursOfFullTime', { hours: a.hours, fullTime: formatNumber(a.fullTimeHours, lang) })}</dd>
          <dt>{t('lks.loonwaardebepaling')}</dt>
          <dd>{a.bookingId ? <Link to={`/boekingen/${a.bookingId}`}>{t('lks.viewBooking')}</Link> : open ? <BookLoonwaarde a={a} /> : '—'}</dd>
          {a.wageValuePercent !== undefined && (
            <>
              <dt>{t('lks.wageValue')}</dt>
              <dd>
                {t('lks.wageValueText', { percent: formatNumber(a.wageValuePercent, lang), date: formatDate(a.assessedOn, lang) })}
              </dd>
            </>
          )}
          {a.monthlyCents !== undefined && (
            <>
              <dt>{t('lks.amount')}</dt>
              <dd>
                {t('lks.grantedAmount', { amount: formatEuro(a.monthlyCents, lang) })}{' '}
                {a.wmlValidFrom && t('lks.wmlPeriod', { date: formatDate(a.wmlValidFrom, lang) })}
              </dd>
            </>
          )}
          {a.motivation && (
            <>
              <dt>{t('lks.motivation')}</dt>
              <dd className="wh-pre">{a.motivation}</dd>
            </>
          )}
          {a.reassessOn && (
            <>
              <dt>{t('lks.reassessOn')}</dt>
              <dd>{formatDate(a.reassessOn, lang)}</dd>
            </>
          )}
          {a.note && (
            <>
              <dt>{t('lks.note')}</dt>
              <dd className="wh-pre">{a.note}</dd>
            </>
          )}
          <dt>{t('lks.decidedBy')}</dt>
          <dd>{t('lks.gemeente')}</dd>
        </dl>
      </section>

      {staff && open && <DecisionPanel a={a} />}
      {org && open && <WithdrawPanel a={a} />}
      <LksHistory id={a.id} events={a.events ?? []} />
    </>
  );
}

/** BookLoonwaarde links to the region's loonwaardebepaling with the placement chosen. */
function BookLoonwaarde({ a }: { a: LksApplication }) {
  const { t } = useTranslation();
  const services = useServices();
  const svc = (services.data ?? []).find((s) => s.kind === 'loonwaardebepaling' && s.active);
  const to = svc ? `/diensten/${svc.id}/boeken?plaatsing=${a.placementId}` : '/diensten?soort=loonwaardebepaling';
  return (
    <>
      {t('lks.noBooking')} <Link to={to}>{t('lks.bookLoonwaarde')}</Link>
    </>
  );
}

/** DecisionPanel is the accountmanager's: record the loonwaarde, then grant or refuse with a motivation. */
function DecisionPanel({ a }: { a: LksApplication }) {
  const { t } = useTranslation();
  const assess = useAssessLks(a.id);
  const decide = useDecideLks(a.id);
  const today = new Date().toISOString().slice(0, 10);
  const [wageValue, setWageValue] = useState(a.wageValuePercent?.toString() ?? '');
  const [assessedOn, setAssessedOn] = useState(a.assessedOn ?? today);
  const [decision, setDecision] = useState('granted');
  const [motivation, setMotivation] = useState('');
  const [reassessOn, setReassessOn] = useState('');
  const assessErr = assess.error instanceof ApiError ? assess.error : undefined;
  const decideErr = decide.error instanceof ApiError ? decide.error : undefined;
  const af = assessErr?.fieldErrors() ?? {};
  const am = assessErr?.fieldMessages() ?? {};
  const df = decideErr?.fieldErrors() ?? {};
  const dm = decideErr?.fieldMessages() ?? {};
  const submitAssessment = (e: FormEvent) => {
    e.preventDefault();
    const n = Number.parseFloat(wageValue.replace(',', '.'));
    assess.mutate({ wageValuePercent: Number.isFinite(n) ? n : -1, assessedOn });
  };
  const submitDecision = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate({ decision: decision as 'granted' | 'refused', motivation, reassessOn: decision === 'granted' && reassessOn ? reassessOn : undefined });
  };
  return (
    <section aria-labelledby="lks-decide" className="wh-section wh-card">
      <Heading level={2} id="lks-decide">
        {t('lks.decideTitle')}
      </Heading>
      <form onSubmit={submitAssessment} noValidate className="wh-form" aria-labelledby="lks-assess-title">
        <Heading level={3} id="lks-assess-title">
          {t('lks.assessTitle')}
        </Heading>
        <ErrorSummary error={assessErr} labels={{ wageValuePercent: t('lks.wageValue'), assessedOn: t('lks.assessedOn') }} fallback={t('common.error')} />
        <Field label={t('lks.wageValuePercent')} name="wageValuePercent" inputMode="decimal" value={wageValue} onChange={setWageValue}
          description={t('lks.wageValueHelp')} error={af.wageValuePercent} message={am.wageValuePercent} />
        <Field label={t('lks.assessedOn')} name="assessedOn" type="date" value={assessedOn} onChange={setAssessedOn} error={af.assessedOn} message={am.assessedOn} />
        <div className="wh-actions">
          <Button type="submit" disabled={assess.isPending}>
            {t('lks.saveAssessment')}
          </Button>
        </div>
      </form>
      <form onSubmit={submitDecision} noValidate className="wh-form" aria-labelledby="lks-decision-title">
        <Heading level={3} id="lks-decision-title">
          {t('lks.decisionTitle')}
        </Heading>
        <ErrorSummary error={decideErr} labels={{ decision: t('lks.decision'), motivation: t('lks.motivation'), reassessOn: t('lks.reassessOn') }}
          fallback={t('common.error')} />
        <ChoiceGroup legend={t('lks.decision')} name="decision" value={decision} onChange={setDecision} error={df.decision} message={dm.decision}
          options={[
            { value: 'granted', label: t('lks.grant') },
            { value: 'refused', label: t('lks.refuse') },
          ]} />
        <TextArea label={t('lks.motivation')} name="motivation" value={motivation} onChange={setMotivation} maxLength={2000}
          description={t('lks.motivationHelp')} error={df.motivation} message={dm.motivation} />
        {decision === 'granted' && (
          <Field label={t('lks.reassessOn')} name="reassessOn" type="date" value={reassessOn} onChange={setReassessOn}
            description={t('lks.reassessHelp')} error={df.reassessOn} message={dm.reassessOn} />
        )}
        <div className="wh-actions">
          <Button type="submit" disabled={decide.isPending}>
            {t('lks.saveDecision')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** WithdrawPanel lets the applying organisation withdraw before the decision. */
function WithdrawPanel({ a }: { a: LksApplication }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawLks(a.id);
  const [asking, setAsking] = useState(false);
  return (
    <div className="wh-section wh-stack">
      {withdraw.error instanceof ApiError && <Notice type="error">{withdraw.error.message}</Notice>}
      {!asking ? (
        <div className="wh-actions">
          <Button secondary onClick={() => setAsking(true)}>
            {t('lks.withdraw')}
          </Button>
        </div>
      ) : (
        <>
          <Paragraph>{t('lks.withdrawConfirmText')}</Paragraph>
          <div className="wh-actions">
            <Button disabled={withdraw.isPending} onClick={() => withdraw.mutate(undefined)}>
              {t('lks.withdrawConfirm')}
            </Button>
            <Button secondary onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
