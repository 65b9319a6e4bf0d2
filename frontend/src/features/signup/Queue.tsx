import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/error';
import { formatDate } from '../../lib/format';
import { Button, DataState, Heading, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { useApproveRegistration, useDeclineRegistration, useRegistrations, type QueuedRegistration } from './api';

type Outcome = { kind: 'approved'; name: string; organisationId: string; existingAccount: boolean } | { kind: 'declined'; name: string };

/** QueueItem is one confirmed sign-up: its details, possible duplicates, approve or decline with a reason. */
function QueueItem({ r, onDone }: { r: QueuedRegistration; onDone: (o: Outcome) => void }) {
  const { t, i18n } = useTranslation();
  const approve = useApproveRegistration();
  const decline = useDeclineRegistration();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const err = [approve.error, decline.error].find((e) => e instanceof ApiError) as ApiError | undefined;
  const headingId = `reg-${r.id}`;
  const submitDecline = (e: FormEvent) => {
    e.preventDefault();
    decline.mutate({ id: r.id, reason }, { onSuccess: () => onDone({ kind: 'declined', name: r.name }) });
  };
  return (
    <section aria-labelledby={headingId} className="wh-card">
      <Heading level={2} id={headingId}>
        {r.name}
      </Heading>
      <dl className="wh-dl">
        <dt>{t('queue.kind')}</dt>
        <dd>{t(`signup.kinds.${r.kind}`)}</dd>
        <dt>{t('signup.kvk')}</dt>
        <dd>
          {r.kvkNummer}
          {r.vestigingsnummer ? ` · ${r.vestigingsnummer}` : ''}
        </dd>
        <dt>{t('queue.address')}</dt>
        <dd>
          {r.postcode} {r.houseNumber}
        </dd>
        <dt>{t('signup.sector')}</dt>
        <dd>
          {r.sector} · {t('signup.sizeN', { n: r.size })}
        </dd>
        <dt>{t('signup.contact')}</dt>
        <dd>
          {r.contactName} · <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a> · {r.contactPhone}
        </dd>
        <dt>{t('queue.confirmedAt')}</dt>
        <dd>{formatDate(r.confirmedAt, i18n.language)}</dd>
      </dl>
      {r.duplicates.length > 0 && (
        <Notice type="warning">
          {t('queue.duplicates')}{' '}
          {r.duplicates.map((d) => t(`queue.duplicate.${d.reason}`, { name: d.name || t('queue.otherRegion') })).join(' ')}
        </Notice>
      )}
      {err?.code === 'kvkExists' && <Notice type="error">{t('queue.kvkExists')}</Notice>}
      {err?.code === 'registrationDecided' && <Notice type="error">{t('queue.decided')}</Notice>}
      {err && err.code !== 'kvkExists' && err.code !== 'registrationDecided' && err.status !== 400 && <Notice type="error">{t('common.error')}</Notice>}
      {!declining ? (
        <div className="wh-actions">
          <Button
            onClick={() =>
              approve.mutate(r.id, {
                onSuccess: (a) => onDone({ kind: 'approved', name: r.name, organisationId: a.organisation.id, existingAccount: a.existingAccount }),
              })
            }
            disabled={approve.isPending}
            label={`${t('queue.approve')}: ${r.name}`}
          >
            {t('queue.approve')}
          </Button>
          <Button secondary onClick={() => setDeclining(true)} label={`${t('queue.decline')}: ${r.name}`}>
            {t('queue.decline')}
          </Button>
        </div>
      ) : (
        <form onSubmit={submitDecline} noValidate className="wh-form">
          <TextArea
            label={t('queue.reason')}
            name="reason"
            description={t('queue.reasonHelp')}
            maxLength={2000}
            value={reason}
            onChange={setReason}
            error={err?.fieldErrors().reason}
          />
          <div className="wh-actions">
            <Button type="submit" disabled={decline.isPending}>
              {t('queue.sendDecline')}
            </Button>
            <Button secondary onClick={() => setDeclining(false)}>
              {t('queue.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Queue is the accountmanagers' list of confirmed sign-ups waiting for a decision. */
export function Queue() {
  const { t } = useTranslation();
  const list = useRegistrations();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  return (
    <>
      <PageTitle>{t('queue.title')}</PageTitle>
      <Paragraph>{t('queue.intro')}</Paragraph>
      {outcome?.kind === 'approved' && (
        <Notice type="ok">
          {outcome.existingAccount ? t('queue.approvedExisting', { name: outcome.name }) : t('queue.approved', { name: outcome.name })}{' '}
          <Link to={`/organisaties/${outcome.organisationId}`}>{t('queue.toOrganisation', { name: outcome.name })}</Link>
        </Notice>
      )}
      {outcome?.kind === 'declined' && <Notice type="ok">{t('queue.declined', { name: outcome.name })}</Notice>}
      <DataState isLoading={list.isLoading} error={list.error}>
        {list.data?.length === 0 && <Paragraph>{t('queue.empty')}</Paragraph>}
        {list.data?.map((r) => <QueueItem key={r.id} r={r} onDone={setOutcome} />)}
      </DataState>
    </>
  );
}
