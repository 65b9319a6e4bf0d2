import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, CheckboxField, DataState, Heading, Notice, Paragraph } from '../../components/ui';
import type { components } from '../../lib/api/schema';
import { formatDate } from '../../lib/format';
import type { ActiveFilters } from './PoolFilters';
import type { PoolSelection } from './usePoolSelection';
import { inviteLimits, type Invite } from '../invites';

type Card = components['schemas']['CardBody'];
type Pool = components['schemas']['PoolBody'];

const mark: Record<string, string> = { match: '✓', near: '≈', missing: '✗' };

/** sameHelp names the gaps that are one help item (and one service kind) by the same gap. */
const sameHelp: Record<string, string> = { jobcoach: 'jobcoaching' };

type CardProps = {
  c: Card;
  canPin: boolean;
  onPin: (pin: boolean) => void;
  /** selectable: the opening is open, so cards can be picked for an invite. */
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  /** invite is this candidate's invite for the opening that stops a new one. */
  invite?: Invite;
};

function CandidateCard({ c, canPin, onPin, selectable, selected, onSelect, invite }: CardProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  // One help item, one link: "jobcoach" and "jobcoaching" are the same help.
  const gaps = [...new Set(c.reasons.map((r) => (r.gap ? (sameHelp[r.gap] ?? r.gap) : '')).filter(Boolean))];
  return (
    <article className={`wh-card${c.pinned ? ' wh-card--pinned' : ''}${selected ? ' wh-card--selected' : ''}`} aria-labelledby={`card-${c.id}`}>
      <Heading level={3} id={`card-${c.id}`}>
        {c.code}
        {c.pinned && <span className="wh-tag"> · {t(canPin ? 'pool.recommendedStaff' : 'pool.recommended')}</span>}
      </Heading>
      {invite ? (
        <Paragraph>
          <Link to={`/uitnodigingen/${invite.id}`}>{t('invites.onCard', { state: t(`invites.states.${invite.state}`) })}</Link>
        </Paragraph>
      ) : (
        selectable && <CheckboxField label={t('invites.select', { code: c.code })} name="picked" checked={selected} onChange={onSelect} />
      )}
      {c.pinNote && <Paragraph>“{c.pinNote}”</Paragraph>}
      <Paragraph>
        <span className={`wh-tag wh-match wh-match--${c.occupationMatch}`}>{t(`pool.match.${c.occupationMatch}`)}</span>
        {': '}
        {c.occupations.join(', ')} · {t('pool.km', { km: c.distanceKm })} · {c.hoursMax ? t('opening.hoursRange', { min: c.hoursMin, max: c.hoursMax }) : ''}
        {' · '}
        {c.availableFrom ? t('pool.availableFrom', { date: formatDate(c.availableFrom, i18n.language) }) : t('pool.availableNow')} · {t('pool.rung', { rung: c.rung })}
        {c.freshness === 'stale' && ` · ${t('candidate.fresh.stale')}`}
      </Paragraph>
      <Heading level={4}>{t('pool.why')}</Heading>
      <ul className="wh-reasons">
        {c.reasons.map((r, i) => (
          <li key={i} className={`wh-reason wh-reason--${r.outcome}`}>
            <span aria-hidden="true">{mark[r.outcome]} </span>
            <span className="wh-visually-hidden">{t(`pool.outcomes.${r.outcome}`)}: </span>
            {en ? r.reasonEn : r.reasonNl}
          </li>
        ))}
      </ul>
      {gaps.length > 0 && (
        <Paragraph>
          {t('pool.gaps')}{' '}
          {gaps.map((g, i) => (
            <span key={g}>
              {i > 0 && ', '}
              <Link to={`/diensten?soort=${g}`}>{t(`pool.gap.${g}`)}</Link>
            </span>
          ))}
        </Paragraph>
      )}
      {canPin && (
        <Button secondary onClick={() => onPin(!c.pinned)}>
          {c.pinned ? t('pool.unpin', { code: c.code }) : t('pool.pin', { code: c.code })}
        </Button>
      )}
    </article>
  );
}

type ResultsProps = {
  openingId: string;
  pool: { data?: Pool; isLoading: boolean; error: unknown };
  /** invalid: the server refused the filters' combination; the panel shows where. */
  invalid: boolean;
  page: number;
  onPage: (page: number) => void;
  active: ActiveFilters;
  onClearAll: () => void;
  canPin: boolean;
  onPin: (candidateId: string, pin: boolean) => void;
  /** canInvite: the opening is open, so cards can be picked for an invite. */
  canInvite: boolean;
  selection: PoolSelection;
};

/** PoolResults is the pool's answer: how many, the cards (or why there are none), the pages and the invite bar. */
export function PoolResults({ openingId, pool, invalid, page, onPage, active, onClearAll, canPin, onPin, canInvite, selection: sel }: ResultsProps) {
  const { t } = useTranslation();
  // After the invites are sent, the focus goes to the message that says so.
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sel.invited) doneRef.current?.focus();
  }, [sel.invited]);
  if (invalid) return <Notice type="warning">{t('pool.invalid')}</Notice>;
  const totalPages = pool.data?.totalPages ?? 0;
  return (
    <DataState isLoading={pool.isLoading} error={pool.error}>
      <p role="status" className="wh-count">
        {t('pool.count', { count: pool.data?.total ?? 0 })}
      </p>
      <div ref={doneRef} tabIndex={-1} className="wh-focus-target">
        {sel.invited && (
          <Notice type="ok">
            {t(sel.invited.awaiting ? 'invites.doneAwaiting' : 'invites.done', { count: sel.invited.count })}{' '}
            <Link to={`/vacatures/${openingId}/uitnodigingen`}>{t('invites.toBoard')}</Link>
          </Notice>
        )}
      </div>
      {canInvite && sel.picked.length === 0 && !sel.invited && <Paragraph>{t('invites.hint')}</Paragraph>}
      {pool.data?.items.length === 0 ? (
        <>
          <Notice type="info">
            {t('pool.empty')} {active.words.length > 0 ? t('pool.emptyActive', { filters: active.words.join(', ') }) : t('pool.emptyNone')}
          </Notice>
          {active.any && (
            <div className="wh-actions">
              <Button onClick={onClearAll}>{t('pool.clearAll')}</Button>
            </div>
          )}
        </>
      ) : (
        <div className="wh-cards">
          {pool.data?.items.map((c) => (
            <CandidateCard
              key={c.id}
              c={c}
              canPin={canPin}
              onPin={(p) => onPin(c.id, p)}
              selectable={canInvite}
              selected={sel.isPicked(c.id)}
              onSelect={(on) => sel.pick(c, on)}
              invite={sel.blocking.get(c.id)}
            />
          ))}
        </div>
      )}
      {totalPages > 1 && (
        <div className="wh-actions">
          <Button secondary disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('pool.previous')}
          </Button>
          <span>{t('pool.page', { page, pages: pool.data?.totalPages })}</span>
          <Button secondary disabled={page >= (pool.data?.totalPages ?? 1)} onClick={() => onPage(page + 1)}>
            {t('pool.next')}
          </Button>
        </div>
      )}
      {canInvite && sel.picked.length > 0 && (
        <div className="wh-invitebar" role="group" aria-label={t('invites.bar')}>
          <span aria-live="polite">
            {t('invites.pickedCodes', { count: sel.picked.length, codes: sel.picked.map((p) => p.code).join(', ') })}
            {sel.full && ` ${t('invites.batchFull', { max: inviteLimits.batch })}`}
          </span>
          <div className="wh-actions">
            <Button onClick={sel.openDialog}>{t('invites.open')}</Button>
            <Button secondary onClick={sel.clear}>
              {t('invites.clearPicked')}
            </Button>
          </div>
        </div>
      )}
    </DataState>
  );
}
