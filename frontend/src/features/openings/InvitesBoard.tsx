import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button, DataState, Heading, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import { useOpening } from './api';
import { OpeningTabs } from './OpeningTabs';
import { formatDate, formatDateTime } from '../../lib/format';
import { actionsFor, groupByState, InviteBadge, journey, useChangeInviteState, useOpeningInvites, type Invite } from '../invites';

/** OpeningInvites is the opening's Uitnodigingen tab: every invite, grouped by state in journey order. */
export function OpeningInvites() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const opening = useOpening(id);
  const invites = useOpeningInvites(id);
  const groups = groupByState(invites.data ?? []);
  return (
    <DataState isLoading={opening.isLoading} error={opening.error}>
      {opening.data && (
        <>
          <PageTitle>{t('invites.boardTitle', { title: opening.data.title })}</PageTitle>
          <OpeningTabs id={id} current="invites" />
          <Paragraph>{t('invites.boardIntro')}</Paragraph>
          <DataState isLoading={invites.isLoading} error={invites.error}>
            {groups.length === 0 ? (
              <Notice type="info">
                {t('invites.none')} <Link to={`/vacatures/${id}/kandidaten`}>{t('invites.toPool')}</Link>
              </Notice>
            ) : (
              <>
                <p className="wh-count">
                  {journey
                    .filter((s) => groups.some((g) => g.state === s))
                    .map((s) => t('invites.stateCount', { state: t(`invites.states.${s}`), count: groups.find((g) => g.state === s)!.items.length }))
                    .join(' · ')}
                </p>
                <div className="wh-board">
                  {groups.map((g) => (
                    <section key={g.state} className="wh-board__column" aria-labelledby={`state-${g.state}`}>
                      <Heading level={2} id={`state-${g.state}`}>
                        {t(`invites.states.${g.state}`)} ({g.items.length})
                      </Heading>
                      <ul className="wh-board__items">
                        {g.items.map((i) => (
                          <BoardItem key={i.id} invite={i} />
                        ))}
                      </ul>
                    </section>
                  ))}
                </div>
              </>
            )}
          </DataState>
        </>
      )}
    </DataState>
  );
}

/** InviteDates says when an invite was sent, when it expires and when it last changed. */
export function InviteDates({ invite }: { invite: Invite }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const open = invite.state === 'invited' || invite.state === 'viewed';
  return (
    <>
      {invite.sentAt ? t('invites.sentOn', { date: formatDate(invite.sentAt, lang) }) : t('invites.createdOn', { date: formatDate(invite.createdAt, lang) })}
      {open && invite.expiresAt && ` · ${t('invites.expiresOn', { date: formatDate(invite.expiresAt, lang) })}`}
      {!open && invite.updatedAt !== invite.createdAt && ` · ${t('invites.changedOn', { date: formatDateTime(invite.updatedAt, lang) })}`}
    </>
  );
}

function BoardItem({ invite }: { invite: Invite }) {
  const { t } = useTranslation();
  const role = useSession().data?.user?.role;
  const actions = actionsFor(invite.state, role);
  return (
    <li className="wh-card wh-board__item">
      <Heading level={3}>
        <Link to={`/uitnodigingen/${invite.id}`} aria-label={t('invites.openItem', { code: invite.candidateCode })}>
          {invite.candidateCode}
        </Link>
      </Heading>
      <Paragraph>
        <InviteBadge state={invite.state} />
      </Paragraph>
      <Paragraph className="wh-small">
        <InviteDates invite={invite} />
      </Paragraph>
      {invite.disclosed && <Paragraph className="wh-small">{t('invites.sharesContact')}</Paragraph>}
      {(actions.includes('approve') || actions.includes('withdraw')) && <OpenActions invite={invite} approve={actions.includes('approve')} />}
    </li>
  );
}

/** OpenActions approves (accountmanagers) or withdraws an invite that waits for an answer. */
export function OpenActions({ invite, approve }: { invite: Invite; approve: boolean }) {
  const { t } = useTranslation();
  const change = useChangeInviteState(invite.id);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const err = change.error instanceof ApiError ? change.error : undefined;
  const withdraw = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ state: 'withdrawn', reason }, { onSuccess: () => setConfirming(false) });
  };
  return (
    <div>
      {change.error && <Notice type="error">{err ? err.message : t('common.error')}</Notice>}
      {confirming ? (
        <form onSubmit={withdraw} noValidate className="wh-form">
          <TextArea label={t('invites.withdrawReason', { code: invite.candidateCode })} name="reason" value={reason} onChange={setReason} maxLength={1000}
            description={t('invites.withdrawHelp')} error={err?.fieldErrors().reason} />
          <div className="wh-actions">
            <Button type="submit" disabled={change.isPending}>
              {t('invites.withdrawConfirm')}
            </Button>
            <Button secondary onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="wh-actions">
          {approve && (
            <Button onClick={() => change.mutate({ state: 'invited' })} disabled={change.isPending}>
              {t('invites.approve')}
              <span className="wh-visually-hidden"> {invite.candidateCode}</span>
            </Button>
          )}
          <Button secondary onClick={() => setConfirming(true)}>
            {t('invites.withdraw')}
            <span className="wh-visually-hidden"> {invite.candidateCode}</span>
          </Button>
        </div>
      )}
    </div>
  );
}
