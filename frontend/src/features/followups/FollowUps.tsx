import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, Choice, DataState, Field, Heading, Notice, PageTitle, Paragraph } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { ThankForm } from '../../components/ThankForm';
import { useSession } from '../../lib/session';
import { endReasons, useAnswerFollowUp, useFollowUps, type EndReason, type FollowUp } from './api';
import { formatDate } from '../../lib/format';

/** FollowUps is "nog in dienst?" after a placement: the tasks due now, then the planned and answered ones. */
export function FollowUps() {
  const { t, i18n } = useTranslation();
  const due = useFollowUps(true);
  const all = useFollowUps(false);
  const dueIds = new Set((due.data ?? []).map((f) => f.id));
  const rest = (all.data ?? []).filter((f) => !dueIds.has(f.id));
  const answered = rest.filter((f) => f.answeredAt).sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''));
  const planned = rest.filter((f) => !f.answeredAt && !f.cancelled);
  const role = useSession().data?.user?.role;
  // Organisation users thank the klantmanager or accountmanager from a "still employed" answer.
  const org = role === 'werkgever' || role === 'zorgaanbieder';
  return (
    <>
      <PageTitle>{t('followUps.title')}</PageTitle>
      <Paragraph>{t('followUps.intro')}</Paragraph>
      <section aria-labelledby="due">
        <Heading level={2} id="due">
          {t('followUps.due', { count: due.data?.length ?? 0 })}
        </Heading>
        <DataState isLoading={due.isLoading} error={due.error}>
          {due.data?.length === 0 ? (
            <Paragraph>{t('followUps.noneDue')}</Paragraph>
          ) : (
            <div className="wh-cards">
              {due.data?.map((f) => (
                <Task key={f.id} f={f} />
              ))}
            </div>
          )}
        </DataState>
      </section>
      <DataState isLoading={all.isLoading} error={all.error}>
        {planned.length > 0 && (
          <section aria-labelledby="planned">
            <Heading level={2} id="planned">
              {t('followUps.planned')}
            </Heading>
            <ul className="wh-log">
              {planned.map((f) => (
                <li key={f.id}>
                  <Summary f={f} /> · {t('followUps.dueOn', { date: formatDate(f.dueOn, i18n.language) })}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="answered">
          <Heading level={2} id="answered">
            {t('followUps.answered')}
          </Heading>
          {answered.length === 0 ? (
            <Paragraph>{t('followUps.noneAnswered')}</Paragraph>
          ) : (
            <ul className="wh-log">
              {answered.map((f) => (
                <li key={f.id}>
                  <Summary f={f} /> · <strong>{f.stillEmployed ? t('followUps.stillYes') : t('followUps.stillNo')}</strong>
                  {f.answeredAt && ` · ${t('followUps.answeredOn', { date: formatDate(f.answeredAt, i18n.language) })}`}
                  {f.stillEmployed && org && <ThankForm what={{ placementId: f.placementId }} label={`${f.candidateCode}, ${t('followUps.weeks', { count: f.week })}`} />}
                </li>
              ))}
            </ul>
          )}
        </section>
      </DataState>
    </>
  );
}

function Summary({ f }: { f: FollowUp }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/uitnodigingen/${f.inviteId}`}>{f.candidateCode}</Link> · {f.organisationName} · {f.openingTitle} · {t('followUps.weeks', { count: f.week })}
    </>
  );
}

/** Task asks "nog in dienst?"; no asks since when and why. */
function Task({ f }: { f: FollowUp }) {
  const { t, i18n } = useTranslation();
  const answer = useAnswerFollowUp(f.id);
  const [no, setNo] = useState(false);
  const [endedOn, setEndedOn] = useState('');
  const [endReason, setEndReason] = useState<EndReason | ''>('');
  const err = answer.error instanceof ApiError ? answer.error : undefined;
  const codes = err?.status === 400 ? err.fieldErrors() : {};
  const messages = err?.status === 400 ? err.fieldMessages() : {};
  const submitNo = (e: FormEvent) => {
    e.preventDefault();
    // Empty fields stay out: the server then names each one that is missing.
    answer.mutate({ stillEmployed: false, ...(endedOn ? { endedOn } : {}), ...(endReason ? { endReason } : {}) });
  };
  return (
    <article className="wh-card" aria-labelledby={`fu-${f.id}`}>
      <Heading level={3} id={`fu-${f.id}`}>
        {t('followUps.question', { code: f.candidateCode })}
      </Heading>
      <Paragraph>
        <Summary f={f} /> · {t('followUps.dueOn', { date: formatDate(f.dueOn, i18n.language) })}
      </Paragraph>
      {answer.error && !(err?.status === 400 && err.invalidParams.length > 0) && (
        <Notice type="error">{err ? err.message : t('common.error')}</Notice>
      )}
      {!no ? (
        <div className="wh-actions">
          <Button onClick={() => answer.mutate({ stillEmployed: true })} disabled={answer.isPending}>
            {t('followUps.yes')}
            <span className="wh-visually-hidden"> ({f.candidateCode})</span>
          </Button>
          <Button secondary onClick={() => setNo(true)}>
            {t('followUps.no')}
            <span className="wh-visually-hidden"> ({f.candidateCode})</span>
          </Button>
        </div>
      ) : (
        <form onSubmit={submitNo} noValidate className="wh-form">
          <Field label={t('followUps.endedOn')} name="endedOn" type="date" value={endedOn} onChange={setEndedOn} required error={codes.endedOn} message={messages.endedOn} />
          <Choice label={t('followUps.endReason')} name="endReason" value={endReason} onChange={(v) => setEndReason(v as EndReason)} error={codes.endReason} message={messages.endReason}
            options={[{ value: '', label: t('followUps.chooseReason') }, ...endReasons.map((r) => ({ value: r, label: t(`followUps.reasons.${r}`) }))]} />
          <div className="wh-actions">
            <Button type="submit" disabled={answer.isPending}>
              {t('followUps.saveNo')}
            </Button>
            <Button secondary onClick={() => setNo(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </article>
  );
}
