import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button, Choice, DataState, Field, Heading, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import { useOpening } from './api';
import { InviteDates, OpenActions } from './InvitesBoard';
import { ThankForm } from '../../components/ThankForm';
import { centsToInput, formatDate, formatDateTime, formatEuro } from '../../lib/format';
import { actionsFor, eurosToCents, InviteBadge, InviteHistory, localToRfc3339, rfc3339ToLocal, useChangeInviteState, useCreatePlacement, useInvite, useInviteContact, usePlanIntake, type Intake, type Invite, type PlacementInput } from '../invites';
import { PlacementSubsidies, LksOnPlacement } from '../subsidies';

export const intakeModes: Intake['mode'][] = ['op_locatie', 'online', 'telefonisch'];
export const placementContracts: PlacementInput['contractType'][] = ['vast', 'tijdelijk', 'uitzend', 'oproep', 'leerwerk', 'proefplaatsing', 'geen'];

/** useErrors turns a failed mutation into field errors and a message for the rest. */
function useErrors(error: unknown) {
  useTranslation();
  const err = error instanceof ApiError ? error : undefined;
  const codes = err?.status === 400 ? err.fieldErrors() : {};
  const messages = err?.status === 400 ? err.fieldMessages() : {};
  const fe = (name: string) => ({ error: codes[name], message: messages[name] });
  // Errors that name no field of the form (409 state, 404) go above it.
  const general = error && (!err || err.status !== 400 || err.invalidParams.length === 0) ? (err ? err.message : 'error') : undefined;
  return { fe, general };
}

/** InviteIntroduction is one invite for the organisation and its accountmanager: history, contact after a yes, intake and placement. */
export function InviteIntroduction() {
  const { id = '' } = useParams();
  const invite = useInvite(id);
  return (
    <DataState isLoading={invite.isLoading} error={invite.error}>
      {invite.data && <IntroductionView invite={invite.data} />}
    </DataState>
  );
}

function IntroductionView({ invite }: { invite: Invite }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const role = useSession().data?.user?.role;
  const org = role === 'werkgever' || role === 'zorgaanbieder';
  const actions = actionsFor(invite.state, role);
  const p = invite.placement;
  return (
    <>
      <PageTitle>{t('invites.introTitle', { code: invite.candidateCode, title: invite.openingTitle })}</PageTitle>
      <Paragraph>
        <InviteBadge state={invite.state} /> <InviteDates invite={invite} />
      </Paragraph>
      <Paragraph>
        <Link to={`/vacatures/${invite.openingId}/uitnodigingen`}>{t('invites.backToBoard', { title: invite.openingTitle })}</Link>
      </Paragraph>

      <dl className="wh-dl">
        <dt>{t('invites.organisation')}</dt>
        <dd>{invite.organisationName}</dd>
        <dt>{t('invites.yourMessage')}</dt>
        <dd className="wh-pre">{invite.message || '—'}</dd>
        {invite.state === 'declined' && (
          <>
            <dt>{t('invites.declineReason')}</dt>
            <dd>
              {invite.declineReason ? t(`decline.${invite.declineReason}`, { defaultValue: invite.declineReason }) : t('invites.noReason')}
              {invite.declineNote && <span className="wh-pre"> “{invite.declineNote}”</span>}
            </dd>
          </>
        )}
        {invite.intakeAt && (
          <>
            <dt>{t('invites.intake')}</dt>
            <dd>
              {formatDateTime(invite.intakeAt, lang)} · {t(`invites.modes.${invite.intakeMode}`, { defaultValue: invite.intakeMode ?? '' })}
              {invite.intakePlace && ` · ${invite.intakePlace}`}
            </dd>
          </>
        )}
        {invite.outcomeNote && (
          <>
            <dt>{t('invites.outcome')}</dt>
            <dd className="wh-pre">{invite.outcomeNote}</dd>
          </>
        )}
        {p && (
          <>
            <dt>{t('invites.placement')}</dt>
            <dd>
              {t('invites.placementSummary', {
                date: formatDate(p.startDate, lang),
                contract: t(`invites.contracts.${p.contractType}`, { defaultValue: p.contractType }),
                hours: p.hours,
                wage: formatEuro(p.hourlyWageCents, lang),
                count: p.trialPeriodMonths,
              })}
              {p.endedOn && ` ${t('invites.placementEnded', { date: formatDate(p.endedOn, lang) })}`}
              {p.durable && ` ${t('invites.durable')}`}
            </dd>
          </>
        )}
      </dl>

      {p && <PlacedOpening openingId={invite.openingId} />}
      {p && !p.endedOn && !['proefplaatsing', 'geen'].includes(p.contractType) && <LksOnPlacement placementId={p.id} />}
      {org && p && <ThankForm what={{ placementId: p.id }} thanked={p.thanked} />}

      {org ? <ContactSection invite={invite} /> : <Paragraph>{invite.disclosed ? t('invites.staffDisclosed') : t('invites.staffNotDisclosed')}</Paragraph>}

      <PlacementSubsidies inviteId={invite.id} state={invite.state} placementId={p?.id} />

      {actions.length > 0 && (
        <section aria-labelledby="next-step">
          <Heading level={2} id="next-step">
            {t('invites.nextStep')}
          </Heading>
          {(actions.includes('approve') || actions.includes('withdraw')) && <OpenActions invite={invite} approve={actions.includes('approve')} />}
          {actions.includes('introduced') && <IntroducedButton invite={invite} />}
          {actions.includes('intake') && <IntakeForm invite={invite} />}
          {actions.includes('placement') && <PlacementForm invite={invite} />}
          {actions.includes('notPlaced') && <NotPlacedForm invite={invite} />}
        </section>
      )}

      <InviteHistory id={invite.id} events={invite.events ?? []} />
    </>
  );
}

/** ContactSection shows what the kandidaat shared, read on request: every read is audited. */
function ContactSection({ invite }: { invite: Invite }) {
  const { t } = useTranslation();
  const [show, setShow] = useState(false);
  const contact = useInviteContact(invite.id, show && invite.disclosed);
  const answered = !['awaiting_approval', 'invited', 'viewed', 'declined', 'expired', 'withdrawn'].includes(invite.state);
  const notDisclosed = contact.error instanceof ApiError && contact.error.code === 'notDisclosed';
  return (
    <section aria-labelledby="contact">
      <Heading level={2} id="contact">
        {t('invites.contactTitle')}
      </Heading>
      {!invite.disclosed || notDisclosed ? (
        <Paragraph>{invite.state === 'declined' ? t('invites.contactDeclined') : answered ? t('invites.contactStopped') : t('invites.contactLater')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('invites.contactRecorded')}</Paragraph>
          {!show ? (
            <div className="wh-actions">
              <Button secondary onClick={() => setShow(true)}>
                {t('invites.showContact')}
              </Button>
            </div>
          ) : (
            <DataState isLoading={contact.isLoading} error={contact.error}>
              {contact.data && (
                <dl className="wh-dl">
                  <dt>{t('invites.name')}</dt>
                  <dd>{contact.data.name}</dd>
                  <dt>{t('invites.email')}</dt>
                  <dd>
                    <a href={`mailto:${contact.data.email}`}>{contact.data.email}</a>
                  </dd>
                  <dt>{t('invites.phone')}</dt>
                  <dd>{contact.data.phone ? <a href={`tel:${contact.data.phone.replace(/\s/g, '')}`}>{contact.data.phone}</a> : t('invites.phoneNotShared')}</dd>
                </dl>
              )}
            </DataState>
          )}
        </>
      )}
    </section>
  );
}

function IntroducedButton({ invite }: { invite: Invite }) {
  const { t } = useTranslation();
  const change = useChangeInviteState(invite.id);
  const { general } = useErrors(change.error);
  return (
    <div className="wh-actions">
      {general && <Notice type="error">{general === 'error' ? t('common.error') : general}</Notice>}
      <Button onClick={() => change.mutate({ state: 'introduced' })} disabled={change.isPending}>
        {t('invites.markIntroduced')}
      </Button>
    </div>
  );
}

function IntakeForm({ invite }: { invite: Invite }) {
  const { t } = useTranslation();
  const plan = usePlanIntake(invite.id);
  const [at, setAt] = useState(rfc3339ToLocal(invite.intakeAt));
  const [mode, setMode] = useState<Intake['mode']>((invite.intakeMode as Intake['mode']) || 'op_locatie');
  const [place, setPlace] = useState(invite.intakePlace ?? '');
  const [localError, setLocalError] = useState<string>();
  const { fe, general } = useErrors(plan.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const when = localToRfc3339(at);
    setLocalError(when ? undefined : 'required');
    if (!when) return;
    plan.mutate({ at: when, mode, place });
  };
  const atError = localError ? { error: localError, message: t('invites.atRequired') } : fe('at');
  return (
    <form onSubmit={submit} noValidate className="wh-form" aria-labelledby="intake-title">
      <Heading level={3} id="intake-title">
        {invite.intakeAt ? t('invites.replanIntake') : t('invites.planIntake')}
      </Heading>
      {plan.isSuccess && <Notice type="ok">{t('invites.intakeSaved')}</Notice>}
      {general && <Notice type="error">{general === 'error' ? t('common.error') : general}</Notice>}
      <Field label={t('invites.intakeAt')} name="at" type="datetime-local" value={at} onChange={setAt} required {...atError} />
      <Choice label={t('invites.intakeMode')} name="mode" value={mode} onChange={(v) => setMode(v as Intake['mode'])} {...fe('mode')}
        options={intakeModes.map((m) => ({ value: m, label: t(`invites.modes.${m}`) }))} />
      <Field label={mode === 'online' ? t('invites.intakeLink') : t('invites.intakePlace')} name="place" value={place} onChange={setPlace} {...fe('place')} />
      <Button type="submit" disabled={plan.isPending}>
        {t('invites.saveIntake')}
      </Button>
    </form>
  );
}

/**
 * PlacedOpening says what a placement did to its vacature: filled once all places are taken
 * (the server does that with the placement), or one click from being marked filled.
 */
function PlacedOpening({ openingId }: { openingId: string }) {
  const { t } = useTranslation();
  const opening = useOpening(openingId);
  const state = opening.data?.state;
  if (state === 'filled') return <Notice type="ok">{t('invites.openingFilled')}</Notice>;
  if (state !== 'open' && state !== 'paused') return null;
  return (
    <Paragraph>
      {t('invites.openingStillOpen', { count: opening.data?.places ?? 0 })} <Link to={`/vacatures/${openingId}`}>{t('invites.markFilled')}</Link>
    </Paragraph>
  );
}

/** monthlyToHourly is a monthly wage per hour at hours a week (52 weeks / 12 months). */
export function monthlyToHourly(monthlyCents: number, hours: number): number {
  return Math.round(monthlyCents / ((hours * 52) / 12));
}

/** Placements that carry no wage. */
const unpaidContracts: PlacementInput['contractType'][] = ['proefplaatsing', 'geen'];
const wageReasons = ['jeugdloon', 'loondispensatie'] as const;

export function PlacementForm({ invite }: { invite: Invite }) {
  const { t, i18n } = useTranslation();
  const place = useCreatePlacement(invite.id);
  const [v, setV] = useState({ startDate: '', contractType: 'tijdelijk' as PlacementInput['contractType'], hours: '', wage: '', trial: '0', reason: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const { fe, general } = useErrors(place.error);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });
  const unpaid = unpaidContracts.includes(v.contractType);
  // The server says when a wage is below the adult minimum wage; then the
  // reason is asked (and kept while the wage stays below it).
  const askReason = !unpaid && (fe('hourlyWageCents').error === 'belowMinimumWage' || v.reason !== '' || fe('belowMinimumWageReason').error !== undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = unpaid ? 0 : eurosToCents(v.wage);
    const hours = /^\d{1,2}$/.test(v.hours.trim()) ? Number(v.hours.trim()) : undefined;
    const bad: Record<string, string> = {};
    if (!v.startDate) bad.startDate = 'required';
    if (cents === undefined) bad.hourlyWageCents = 'wage';
    if (hours === undefined) bad.hours = 'hours';
    setLocal(bad);
    if (Object.keys(bad).length > 0) return;
    place.mutate({
      startDate: v.startDate,
      contractType: v.contractType,
      hours: hours!,
      hourlyWageCents: cents!,
      trialPeriodMonths: Number(v.trial),
      ...(askReason && v.reason ? { belowMinimumWageReason: v.reason as (typeof wageReasons)[number] } : {}),
    });
  };
  // A check in the browser names its field; otherwise the server's reason.
  const err = (name: string) =>
    local[name] ? { error: local[name], message: local[name] === 'required' ? undefined : t(`invites.invalid.${local[name]}`) } : fe(name);
  const cents = eurosToCents(v.wage);
  // The vacature asks a monthly wage, the placement an hourly one: say what the one is in the other.
  const opening = useOpening(invite.openingId).data;
  const hoursNow = /^\d{1,2}$/.test(v.hours.trim()) ? Number(v.hours.trim()) : 0;
  const wageHint =
    opening && opening.wageMinCents > 0 && hoursNow > 0
      ? t('invites.wageFromOpening', {
          min: formatEuro(opening.wageMinCents, i18n.language),
          max: formatEuro(opening.wageMaxCents, i18n.language),
          hours: hoursNow,
          minHour: formatEuro(monthlyToHourly(opening.wageMinCents, hoursNow), i18n.language),
          maxHour: formatEuro(monthlyToHourly(opening.wageMaxCents, hoursNow), i18n.language),
        })
      : undefined;
  return (
    <form onSubmit={submit} noValidate className="wh-form" aria-labelledby="placement-title">
      <Heading level={3} id="placement-title">
        {t('invites.recordPlacement')}
      </Heading>
      <Paragraph>{t('invites.placementHelp')}</Paragraph>
      {general && <Notice type="error">{general === 'error' ? t('common.error') : general}</Notice>}
      <Field label={t('invites.startDate')} name="startDate" type="date" value={v.startDate} onChange={set('startDate')} required {...err('startDate')} />
      <Choice label={t('invites.contractType')} name="contractType" value={v.contractType} onChange={(x) => setV({ ...v, contractType: x as PlacementInput['contractType'] })}
        {...err('contractType')} options={placementContracts.map((c) => ({ value: c, label: t(`invites.contracts.${c}`) }))} />
      <Field label={t('invites.hours')} name="hours" inputMode="numeric" value={v.hours} onChange={set('hours')} required {...err('hours')} />
      {unpaid ? (
        <Paragraph className="wh-small">{t('invites.unpaid')}</Paragraph>
      ) : (
        <Field label={t('invites.wage')} name="wage" inputMode="decimal" value={v.wage} onChange={set('wage')} required description={t('invites.wageHelp')} {...err('hourlyWageCents')}
          after={
            <>
              {cents !== undefined && v.wage.trim() && <Paragraph className="wh-small">{t('invites.wageIs', { euros: centsToInput(cents, i18n.language) })}</Paragraph>}
              {wageHint && <Paragraph className="wh-small">{wageHint}</Paragraph>}
            </>
          } />
      )}
      {askReason && (
        <Choice label={t('invites.wageReason')} name="belowMinimumWageReason" value={v.reason} onChange={set('reason')} {...err('belowMinimumWageReason')}
          options={[{ value: '', label: t('invites.wageReasons.none') }, ...wageReasons.map((r) => ({ value: r, label: t(`invites.wageReasons.${r}`) }))]} />
      )}
      <Choice label={t('invites.trial')} name="trialPeriodMonths" value={v.trial} onChange={set('trial')} {...err('trialPeriodMonths')}
        options={['0', '1', '2'].map((m) => ({ value: m, label: t('invites.months', { count: Number(m) }) }))} />
      <Button type="submit" disabled={place.isPending}>
        {t('invites.savePlacement')}
      </Button>
    </form>
  );
}

function NotPlacedForm({ invite }: { invite: Invite }) {
  const { t } = useTranslation();
  const change = useChangeInviteState(invite.id);
  const [reason, setReason] = useState('');
  const { fe, general } = useErrors(change.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ state: 'not_placed', reason });
  };
  return (
    <details className="wh-details">
      <summary>{t('invites.notPlacedTitle')}</summary>
      <form onSubmit={submit} noValidate className="wh-form">
        {general && <Notice type="error">{general === 'error' ? t('common.error') : general}</Notice>}
        <TextArea label={t('invites.notPlacedReason')} name="reason" value={reason} onChange={setReason} maxLength={1000} {...fe('reason')} />
        <Button type="submit" secondary disabled={change.isPending}>
          {t('invites.saveNotPlaced')}
        </Button>
      </form>
    </details>
  );
}
