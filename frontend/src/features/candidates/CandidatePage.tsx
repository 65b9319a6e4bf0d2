import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Choice, DataState, Field, Heading, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import {
  useCandidate,
  useConsents,
  useErase,
  useIdentity,
  useRecordConsent,
  useRequestConfirmation,
  useConfirmAfterContact,
  useUpdateIdentity,
  type Candidate,
  type Identity,
} from './api';
import { EditProfile, IdentityFields, useFieldErrors } from './ProfileForm';
import { FittingOpenings } from './FittingOpenings';
import { CandidateInvites } from './CandidateInvites';
import { formatDate } from '../../lib/format';
import { useSkills } from '../reference';

/** CandidatePage is one candidate for the klantmanager. */
export function CandidatePage() {
  const { id = '' } = useParams();
  const c = useCandidate(id);
  return (
    <DataState isLoading={c.isLoading} error={c.error}>
      {c.data && <CandidateView c={c.data} />}
    </DataState>
  );
}

function CandidateView({ c }: { c: Candidate }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [editing, setEditing] = useState(false);
  const [showIdentity, setShowIdentity] = useState(false);
  const identity = useIdentity(c.id, showIdentity);
  const confirm = useRequestConfirmation(c.id);
  const skills = useSkills();
  const skillLabel = (sid: string) => {
    const s = skills.data?.find((x) => x.id === sid);
    return s ? (lang.startsWith('en') ? s.labelEn : s.labelNl) : sid;
  };
  const p = c.profile;
  return (
    <>
      <PageTitle>{t('candidate.pageTitle', { code: c.publicCode })}</PageTitle>
      <Paragraph>
        {t(`candidate.statuses.${c.status}`)} · {t(`candidate.fresh.${c.freshness}`)} · {c.consent ? t('candidate.consentYes') : t('candidate.consentNo')}
      </Paragraph>

      <section aria-labelledby="completeness">
        <Heading level={2} id="completeness">
          {t('candidate.completenessTitle', { n: c.completeness })}
        </Heading>
        <progress className="wh-progress" max={100} value={c.completeness} aria-label={t('candidate.completeness')} />
        {c.missing.length > 0 ? (
          <ul>
            {c.missing.map((m) => (
              <li key={m}>{t(`candidate.hints.${m}`)}</li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('candidate.complete')}</Paragraph>
        )}
      </section>

      <section aria-labelledby="freshness">
        <Heading level={2} id="freshness">
          {t('candidate.freshnessTitle')}
        </Heading>
        <Paragraph>
          {t('candidate.confirmedOn', { date: formatDate(c.confirmedAt, lang) })} {t(`candidate.freshHelp.${c.freshness}`)}
        </Paragraph>
        {c.confirmedVia && <Paragraph>{t(`candidate.confirmedVia.${c.confirmedVia}`)}</Paragraph>}
        <ConfirmAfterContact id={c.id} />
        {confirm.isSuccess && <Notice type="ok">{t('candidate.linkSent')}</Notice>}
        {confirm.error instanceof Error && <Notice type="error">{confirm.error.message}</Notice>}
        {c.hasAccount ? (
          <Button secondary onClick={() => confirm.mutate()} disabled={confirm.isPending}>
            {t('candidate.sendLink')}
          </Button>
        ) : (
          <Paragraph>{t('candidate.noAccount')}</Paragraph>
        )}
      </section>

      <ConsentPanel c={c} />

      <section aria-labelledby="profile">
        <Heading level={2} id="profile">
          {t('candidate.profile')}
        </Heading>
        {editing ? (
          <EditProfile c={c} onDone={() => setEditing(false)} />
        ) : (
          <>
            <dl className="wh-dl">
              <dt>{t('candidate.occupations')}</dt>
              <dd>{c.occupationLabels.join(', ') || '—'}</dd>
              <dt>{t('candidate.skills')}</dt>
              <dd>{p.skills.map(skillLabel).join(', ') || '—'}</dd>
              <dt>{t('candidate.education')}</dt>
              <dd>{p.education ? t(`candidate.educationLevels.${p.education}`) : '—'}</dd>
              <dt>{t('candidate.rung')}</dt>
              <dd>{p.rung ? t(`candidate.rungs.${p.rung}`) : '—'}</dd>
              <dt>{t('opening.where')}</dt>
              <dd>{p.pc4 ? t('candidate.livesIn', { pc4: p.pc4, km: p.maxTravelKm ?? '?' }) : '—'}</dd>
              <dt>{t('opening.hours')}</dt>
              <dd>{p.hoursMin && p.hoursMax ? t('opening.hoursRange', { min: p.hoursMin, max: p.hoursMax }) : '—'}</dd>
              <dt>{t('candidate.availableFrom')}</dt>
              <dd>{p.availableFrom ? formatDate(p.availableFrom, lang) : t('opening.asap')}</dd>
              <dt>{t('candidate.daysTitle')}</dt>
              <dd>
                {[...p.days.map((d) => t(`opening.day.${d}`)), ...p.dayParts.map((d) => t(`opening.dayPart.${d}`))].join(', ') || '—'}
              </dd>
              <dt>{t('candidate.transportTitle')}</dt>
              <dd>{[p.drivingLicence && t('candidate.drivingLicence'), p.ownTransport && t('candidate.ownTransport')].filter(Boolean).join(', ') || t('candidate.noTransport')}</dd>
              <dt>{t('candidate.schemesTitle')}</dt>
              <dd>
                {[p.doelgroepregister && t('candidate.schemes.doelgroepregister'), p.praktijkroute && t('candidate.schemes.praktijkroute'), p.lksIndicatie && t('candidate.schemes.lksIndicatie')]
                  .filter(Boolean)
                  .join(', ') || '—'}
              </dd>
              <dt>{t('candidate.languages')}</dt>
              <dd>{p.languages.map((l) => `${t(`candidate.languageNames.${l.code}`)} ${l.level}`).join(', ') || '—'}</dd>
              <dt>{t('candidate.supportNeeds')}</dt>
              <dd>{p.supportNeeds.map((s) => t(`opening.supports.${s}`)).join(', ') || '—'}</dd>
              <dt>{t('candidate.experience')}</dt>
              <dd className="wh-pre">{p.experience || '—'}</dd>
            </dl>
            <Button secondary onClick={() => setEditing(true)}>
              {t('candidate.editProfile')}
            </Button>
          </>
        )}
      </section>

      <CandidateInvites id={c.id} />

      <FittingOpenings id={c.id} />

      <section aria-labelledby="personal">
        <Heading level={2} id="personal">
          {t('candidate.personal')}
        </Heading>
        <Paragraph>{t('candidate.personalHelp')}</Paragraph>
        {!showIdentity ? (
          <Button secondary onClick={() => setShowIdentity(true)}>
            {t('candidate.showPersonal')}
          </Button>
        ) : (
          <DataState isLoading={identity.isLoading} error={identity.error}>
            {identity.data && <IdentityEditor id={c.id} initial={identity.data} />}
          </DataState>
        )}
      </section>

      <EraseSection c={c} />
      <Paragraph>
        <Link to="/caseload">{t('candidate.back')}</Link>
      </Paragraph>
    </>
  );
}

const confirmWays = ['gesprek', 'telefoon', 'mail'] as const;

/** ConfirmAfterContact lets the klantmanager confirm the profile after going through it with the candidate. */
function ConfirmAfterContact({ id }: { id: string }) {
  const { t } = useTranslation();
  const [how, setHow] = useState<(typeof confirmWays)[number]>('gesprek');
  const done = useConfirmAfterContact(id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    done.mutate(how);
  };
  return (
    <form onSubmit={submit} noValidate className="wh-form wh-form--inline" aria-label={t('candidate.confirmAfterContact')}>
      <Choice label={t('candidate.confirmHow')} name="how" value={how} onChange={(v) => setHow(v as (typeof confirmWays)[number])}
        options={confirmWays.map((w) => ({ value: w, label: t(`candidate.confirmWays.${w}`) }))} />
      <Button type="submit" disabled={done.isPending}>
        {t('candidate.confirmAfterContact')}
      </Button>
      {done.isSuccess && <Notice type="ok">{t('candidate.confirmedNow')}</Notice>}
      {done.error instanceof Error && <Notice type="error">{done.error.message}</Notice>}
    </form>
  );
}

function IdentityEditor({ id, initial }: { id: string; initial: Identity }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Identity>(initial);
  const save = useUpdateIdentity(id);
  const { fe } = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(v);
  };
  return (
    <form onSubmit={submit} noValidate className="wh-form">
      {save.isSuccess && <Notice type="ok">{t('organisation.saved')}</Notice>}
      <IdentityFields id={v} set={setV} fe={fe} />
      <Button type="submit" disabled={save.isPending}>
        {t('organisation.save')}
      </Button>
    </form>
  );
}

function ConsentPanel({ c }: { c: Candidate }) {
  const { t, i18n } = useTranslation();
  const history = useConsents(c.id);
  const record = useRecordConsent(c.id);
  const [method, setMethod] = useState<'klantmanager_gesprek' | 'klantmanager_papier'>('klantmanager_gesprek');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ given: !c.consent, method, note }, { onSuccess: () => setNote('') });
  };
  return (
    <section aria-labelledby="consent">
      <Heading level={2} id="consent">
        {t('candidate.consentTitle')}
      </Heading>
      <Paragraph>{c.consent ? t('candidate.consentGivenText') : t('candidate.consentMissingText')}</Paragraph>
      {record.isSuccess && <Notice type="ok">{record.data.consent ? t('candidate.consentRecorded') : t('candidate.consentWithdrawn')}</Notice>}
      <form onSubmit={submit} noValidate className="wh-form">
        <Choice label={t('candidate.consentMethod')} name="method" value={method} onChange={(v) => setMethod(v as typeof method)}
          options={[{ value: 'klantmanager_gesprek', label: t('candidate.methods.klantmanager_gesprek') }, { value: 'klantmanager_papier', label: t('candidate.methods.klantmanager_papier') }]} />
        <TextArea label={t('candidate.consentNote')} name="note" value={note} onChange={setNote} maxLength={500} />
        <Button type="submit" secondary={c.consent} disabled={record.isPending}>
          {c.consent ? t('candidate.withdrawConsent') : t('candidate.recordConsent')}
        </Button>
      </form>
      <DataState isLoading={history.isLoading} error={history.error}>
        {(history.data?.length ?? 0) > 0 && (
          <ol className="wh-log">
            {history.data?.map((h) => (
              <li key={h.id}>
                <strong>{h.given ? t('candidate.given') : t('candidate.withdrawn')}</strong> · {formatDate(h.recordedAt, i18n.language)} ·{' '}
                {t(`candidate.methods.${h.method}`)} {h.recordedByName && `(${h.recordedByName})`}
                {h.note && <div className="wh-pre">{h.note}</div>}
              </li>
            ))}
          </ol>
        )}
      </DataState>
    </section>
  );
}

function EraseSection({ c }: { c: Candidate }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const erase = useErase(c.id);
  const [typed, setTyped] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    erase.mutate(undefined, { onSuccess: () => navigate('/caseload?gewist=1') });
  };
  return (
    <details className="wh-details">
      <summary>{t('candidate.eraseTitle')}</summary>
      <Paragraph>{t('candidate.eraseText')}</Paragraph>
      <form onSubmit={submit} noValidate className="wh-form">
        <Field label={t('candidate.eraseConfirm', { code: c.publicCode })} name="eraseConfirm" value={typed} onChange={setTyped} autoComplete="off" />
        <Button type="submit" disabled={typed.trim().toUpperCase() !== c.publicCode || erase.isPending}>
          {t('candidate.erase')}
        </Button>
      </form>
    </details>
  );
}
