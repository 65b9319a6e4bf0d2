import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DataState, Heading, Notice, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import { useAdvise, useCandidateInvites, type CandidateInvite } from './api';
import { formatDate } from '../../lib/format';
import { decidable, InviteBadge, InviteHistory } from '../invites';

/** CandidateInvites is the klantmanager's view of a candidate's invites: state, every step, and advice while the kandidaat decides. */
export function CandidateInvites({ id }: { id: string }) {
  const { t } = useTranslation();
  const invites = useCandidateInvites(id);
  return (
    <section aria-labelledby="invites">
      <Heading level={2} id="invites">
        {t('kmInvites.title')}
      </Heading>
      <DataState isLoading={invites.isLoading} error={invites.error}>
        {invites.data?.length === 0 ? (
          <Paragraph>{t('kmInvites.none')}</Paragraph>
        ) : (
          <div className="wh-stack">
            {invites.data?.map((i) => (
              <InviteItem key={i.id} invite={i} candidateId={id} />
            ))}
          </div>
        )}
      </DataState>
    </section>
  );
}

function InviteItem({ invite, candidateId }: { invite: CandidateInvite; candidateId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const canAdvise = useSession().data?.user?.role === 'klantmanager' && decidable.includes(invite.state);
  return (
    <article className="wh-card" aria-labelledby={`inv-${invite.id}`}>
      <Heading level={3} id={`inv-${invite.id}`}>
        {t('kmInvites.itemTitle', { title: invite.openingTitle, organisation: invite.organisationName })}
      </Heading>
      <Paragraph>
        <InviteBadge state={invite.state} />{' '}
        {t('invites.sentOn', { date: formatDate(invite.sentAt ?? invite.createdAt, lang) })}
        {decidable.includes(invite.state) && invite.expiresAt && ` · ${t('invites.expiresOn', { date: formatDate(invite.expiresAt, lang) })}`}
      </Paragraph>
      {invite.state === 'declined' && (
        <Paragraph>
          {t('invites.declineReason')}: {invite.declineReason ? t(`decline.${invite.declineReason}`, { defaultValue: invite.declineReason }) : t('invites.noReason')}
          {invite.declineNote && ` “${invite.declineNote}”`}
        </Paragraph>
      )}
      {invite.disclosed && <Paragraph>{invite.sharePhone ? t('kmInvites.sharesWithPhone') : t('kmInvites.sharesNoPhone')}</Paragraph>}
      <details className="wh-details">
        <summary>{t('kmInvites.message')}</summary>
        <Paragraph className="wh-pre">{invite.message || '—'}</Paragraph>
      </details>
      {canAdvise ? (
        <AdviceForm invite={invite} candidateId={candidateId} />
      ) : (
        invite.advice && (
          <Paragraph>
            {t('kmInvites.adviceGiven')} <span className="wh-pre">“{invite.advice}”</span>
          </Paragraph>
        )
      )}
      <InviteHistory id={invite.id} events={invite.events ?? []} level={4} />
    </article>
  );
}

function AdviceForm({ invite, candidateId }: { invite: CandidateInvite; candidateId: string }) {
  const { t } = useTranslation();
  const [advice, setAdvice] = useState(invite.advice ?? '');
  const save = useAdvise(candidateId, invite.id);
  const err = save.error instanceof ApiError ? save.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(advice);
  };
  return (
    <form onSubmit={submit} noValidate className="wh-form">
      {save.isSuccess && <Notice type="ok">{t('kmInvites.adviceSaved')}</Notice>}
      {err && err.status !== 400 && <Notice type="error">{err.message}</Notice>}
      <TextArea label={t('kmInvites.advice', { code: invite.candidateCode })} name="advice" value={advice} onChange={setAdvice} maxLength={1000}
        description={t('kmInvites.adviceHelp')} error={err?.fieldErrors().advice} message={err?.fieldMessages().advice} />
      <Button type="submit" secondary disabled={save.isPending}>
        {t('kmInvites.saveAdvice')}
      </Button>
    </form>
  );
}
