import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, DataState, Field, Heading, Notice, PageTitle, Paragraph, StatusBadge, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import { formatDate, formatEuro } from '../../lib/format';
import { useChangeState, useFairnessHits, useOpening, useRequestReview, type Opening } from './api';
import { FairnessFeedback } from './FairnessFeedback';
import { OpeningTabs } from './OpeningTabs';
import { useSkills } from '../reference';

/** OpeningPage shows one opening with its state actions and fairness feedback. */
export function OpeningPage() {
  const { id = '' } = useParams();
  const opening = useOpening(id);
  return (
    <DataState isLoading={opening.isLoading} error={opening.error}>
      {opening.data && <OpeningView o={opening.data} />}
    </DataState>
  );
}

function OpeningView({ o }: { o: Opening }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const role = useSession().data?.user?.role;
  const staff = role === 'accountmanager' || role === 'admin';
  const skills = useSkills();
  const move = useChangeState(o.id);
  const review = useRequestReview(o.id);
  const hits = useFairnessHits(o.id, staff);
  const [filled, setFilled] = useState<string | null>(null);
  const [override, setOverride] = useState<string | null>(null);
  const skillLabel = (sid: string) => {
    const s = skills.data?.find((x) => x.id === sid);
    return s ? (lang.startsWith('en') ? s.labelEn : s.labelNl) : sid;
  };
  const err = move.error instanceof ApiError ? move.error : undefined;
  const finished = o.state === 'filled' || o.state === 'closed';

  const submitFilled = (e: FormEvent) => {
    e.preventDefault();
    move.mutate({ state: 'filled', filledCount: Number(filled) }, { onSuccess: () => setFilled(null) });
  };
  const submitOverride = (e: FormEvent) => {
    e.preventDefault();
    move.mutate({ state: 'open', overrideReason: override ?? '' }, { onSuccess: () => setOverride(null) });
  };

  return (
    <>
      <PageTitle>{o.title}</PageTitle>
      {(o.state === 'open' || o.state === 'paused') && <OpeningTabs id={o.id} current="details" />}
      <Paragraph>
        {t(`opening.kinds.${o.kind}`)} · {o.organisationName} · <strong>{t(`opening.states.${o.state}`)}</strong>
      </Paragraph>
      {move.isSuccess && <Notice type="ok">{t(`opening.moved.${move.data.state}`)}</Notice>}
      {review.isSuccess && <Notice type="ok">{t('opening.reviewAsked')}</Notice>}
      {err?.code === 'fairness' && (
        <Notice type="warning">
          {err.message}
        </Notice>
      )}
      {err && err.code !== 'fairness' && <Notice type="error">{err.message}</Notice>}
      {o.fairness.length > 0 && !finished && <FairnessFeedback hits={o.fairness} staff={staff} />}
      {o.reviewRequestedAt && <Notice type="info">{t(staff ? 'opening.reviewPendingStaff' : 'opening.reviewPending')}</Notice>}

      {!finished && (
        <div className="wh-actions" role="group" aria-label={t('opening.actions')}>
          <Link to={`/vacatures/${o.id}/bewerken`} className="utrecht-button-link utrecht-button-link--secondary-action-button">
            {t('opening.edit')}
          </Link>
          {o.allowedStates.includes('open') && (
            <Button onClick={() => move.mutate({ state: 'open' })} disabled={move.isPending}>
              {o.state === 'paused' ? t('opening.reopen') : t('opening.publish')}
            </Button>
          )}
          {o.allowedStates.includes('paused') && (
            <Button secondary onClick={() => move.mutate({ state: 'paused' })} disabled={move.isPending}>
              {t('opening.pause')}
            </Button>
          )}
          {o.allowedStates.includes('filled') && (
            <Button secondary onClick={() => setFilled(String(o.places))}>
              {t('opening.markFilled')}
            </Button>
          )}
          {o.allowedStates.includes('closed') && (
            <Button secondary onClick={() => move.mutate({ state: 'closed' })} disabled={move.isPending}>
              {t('opening.close')}
            </Button>
          )}
          {!staff && o.fairness.length > 0 && !o.reviewRequestedAt && (o.state === 'draft' || o.state === 'paused') && (
            <Button secondary onClick={() => review.mutate()} disabled={review.isPending}>
              {t('opening.askReview')}
            </Button>
          )}
        </div>
      )}
      {filled !== null && (
        <form onSubmit={submitFilled} className="wh-form" noValidate>
          <Field label={t('opening.filledCount', { places: o.places })} name="filledCount" inputMode="numeric" value={filled} onChange={setFilled}
            error={err?.fieldErrors().filledCount} message={err?.fieldMessages().filledCount} />
          <Button type="submit">{t('opening.confirmFilled')}</Button>
        </form>
      )}

      <Heading level={2}>{t('opening.details')}</Heading>
      <dl className="wh-dl">
        <dt>{t('opening.occupation')}</dt>
        <dd>{o.occupation.label}</dd>
        <dt>{t('alsoFitting.legend')}</dt>
        <dd>{o.acceptableOccupations.map((a) => a.label).join(', ') || '—'}</dd>
        <dt>{t('opening.where')}</dt>
        <dd>
          {o.postcode} {o.place} · {t('opening.travelUpTo', { km: o.maxTravelKm })}
        </dd>
        <dt>{t('opening.hours')}</dt>
        <dd>
          {t('opening.hoursRange', { min: o.hoursMin, max: o.hoursMax })}
          {o.days.length > 0 && ` · ${o.days.map((d) => t(`opening.day.${d}`)).join(', ')}`}
          {o.dayParts.length > 0 && ` · ${o.dayParts.map((d) => t(`opening.dayPart.${d}`)).join(', ')}`}
        </dd>
        <dt>{t('opening.contractType')}</dt>
        <dd>{t(`opening.contract.${o.contractType}`)}</dd>
        <dt>{t('opening.startDate')}</dt>
        <dd>{o.startDate ? formatDate(o.startDate, lang) : t('opening.asap')}</dd>
        {o.kind === 'vacature' && o.wageMaxCents > 0 && (
          <>
            <dt>{t('opening.wage')}</dt>
            <dd>
              {formatEuro(o.wageMinCents, lang, { whole: true })} – {formatEuro(o.wageMaxCents, lang, { whole: true })}
            </dd>
          </>
        )}
        <dt>{t('opening.places')}</dt>
        <dd>{o.state === 'filled' ? t('opening.filledOf', { n: o.filledCount ?? 0, places: o.places }) : o.places}</dd>
        <dt>{t('opening.requiredSkills')}</dt>
        <dd>
          {o.requiredSkills.length === 0
            ? '—'
            : o.requiredSkills.map((sid, i) => (
                <span key={sid}>
                  {i > 0 && ', '}
                  {skillLabel(sid)}
                  {o.mandatorySkills.includes(sid) && (
                    <>
                      {' '}
                      <StatusBadge status="warning">{t('opening.mandatory')}</StatusBadge>
                    </>
                  )}
                </span>
              ))}
        </dd>
        <dt>{t('opening.niceSkills')}</dt>
        <dd>{o.niceSkills.map(skillLabel).join(', ') || '—'}</dd>
        <dt>{t('opening.support')}</dt>
        <dd>{o.support.map((s) => t(`opening.supports.${s}`)).join(', ') || '—'}</dd>
        <dt>{t('opening.banenafspraakLegend')}</dt>
        <dd>{o.banenafspraak ? t('common.yes') : t('common.no')}</dd>
      </dl>
      {o.description && (
        <>
          <Heading level={2}>{t('opening.description')}</Heading>
          <Paragraph className="wh-pre">{o.description}</Paragraph>
        </>
      )}

      {staff && (
        <>
          <Heading level={2}>{t('opening.hitsTitle')}</Heading>
          <DataState isLoading={hits.isLoading} error={hits.error}>
            {hits.data?.length === 0 ? (
              <Paragraph>{t('opening.noHits')}</Paragraph>
            ) : (
              <Table className="wh-table">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('opening.hitWhen')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('opening.hitWho')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('opening.hitWhat')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('opening.hitOutcome')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {hits.data?.map((h) => (
                    <TableRow key={h.id}>
                      <TableCell>{formatDate(h.createdAt, lang)}</TableCell>
                      <TableCell>{h.actorName}</TableCell>
                      <TableCell>
                        “{h.match}” ({t(`opening.categories.${h.category}`, { defaultValue: h.category })})
                      </TableCell>
                      <TableCell>
                        {t(`opening.outcomes.${h.outcome}`)}
                        {h.overrideReason && `: ${h.overrideReason}`}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </DataState>
          {o.fairness.length > 0 && o.allowedStates.includes('open') && (
            <>
              {override === null ? (
                <Button secondary onClick={() => setOverride('')}>
                  {t('opening.override')}
                </Button>
              ) : (
                <form onSubmit={submitOverride} className="wh-form" noValidate>
                  <TextArea label={t('opening.overrideReason')} name="overrideReason" value={override} onChange={setOverride}
                    description={t('opening.overrideHelp')} maxLength={1000}
                    error={err?.fieldErrors().overrideReason} message={err?.fieldMessages().overrideReason} />
                  <Button type="submit" disabled={move.isPending || override.trim() === ''}>
                    {t('opening.publishAnyway')}
                  </Button>
                </form>
              )}
            </>
          )}
        </>
      )}
      <Paragraph>
        <Link to="/vacatures" className="wh-target">{t('opening.backToList')}</Link>
      </Paragraph>
    </>
  );
}
