import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, ChoiceGroup, DataState, Heading, Notice, PageTitle, Paragraph } from '../../components/ui';
import { tokenFromHash } from '../../lib/session';
import { SharingSection } from './Sharing';
import { exportDownloadHref, useConfirmMine, useConfirmWithToken, useConsentMine, useMine } from './api';
import { formatDate } from '../../lib/format';
import { useSkills } from '../reference';

/** MyData is the kandidaat's own page, in plain (B1) language. */
export function MyData() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const mine = useMine();
  const confirm = useConfirmMine();
  const consent = useConsentMine();
  const skills = useSkills();
  const skillLabel = (sid: string) => {
    const s = skills.data?.find((x) => x.id === sid);
    return s ? (lang.startsWith('en') ? s.labelEn : s.labelNl) : sid;
  };
  return (
    <>
      <PageTitle>{t('nav.gegevens')}</PageTitle>
      <DataState isLoading={mine.isLoading} error={mine.error}>
        {mine.data && (
          <>
            <Paragraph>{t('me.intro', { code: mine.data.candidate.publicCode })}</Paragraph>

            <Heading level={2}>{t('me.stillLooking')}</Heading>
            <Paragraph>
              {t('me.lastConfirmed', { date: formatDate(mine.data.candidate.confirmedAt, lang) })} {t(`me.fresh.${mine.data.candidate.freshness}`)}
            </Paragraph>
            {confirm.isSuccess && <Notice type="ok">{t('me.thanks')}</Notice>}
            <Button onClick={() => confirm.mutate()} disabled={confirm.isPending}>
              {t('me.yesLooking')}
            </Button>

            <Heading level={2}>{t('me.consentTitle')}</Heading>
            <Paragraph>{mine.data.candidate.consent ? t('me.consentOn') : t('me.consentOff')}</Paragraph>
            <Paragraph>{t('me.consentExplain')}</Paragraph>
            {consent.isSuccess && <Notice type="ok">{consent.data.consent ? t('me.consentNowOn') : t('me.consentNowOff')}</Notice>}
            <Button secondary={mine.data.candidate.consent} onClick={() => consent.mutate(!mine.data!.candidate.consent)} disabled={consent.isPending}>
              {mine.data.candidate.consent ? t('me.stopConsent') : t('me.giveConsent')}
            </Button>

            <SharingSection />

            <Heading level={2}>{t('me.whatWeKnow')}</Heading>
            <dl className="wh-dl">
              <dt>{t('me.name')}</dt>
              <dd>{mine.data.identity.name}</dd>
              <dt>{t('me.email')}</dt>
              <dd>{mine.data.identity.email || '—'}</dd>
              <dt>{t('me.phone')}</dt>
              <dd>{mine.data.identity.phone || '—'}</dd>
              <dt>{t('me.address')}</dt>
              <dd>{[mine.data.identity.street, mine.data.identity.postcode, mine.data.identity.place].filter(Boolean).join(', ') || '—'}</dd>
              <dt>{t('me.work')}</dt>
              <dd>{mine.data.candidate.occupationLabels.join(', ') || '—'}</dd>
              <dt>{t('me.skills')}</dt>
              <dd>{mine.data.candidate.profile.skills.map(skillLabel).join(', ') || '—'}</dd>
              <dt>{t('me.hours')}</dt>
              <dd>
                {mine.data.candidate.profile.hoursMin && mine.data.candidate.profile.hoursMax
                  ? t('opening.hoursRange', { min: mine.data.candidate.profile.hoursMin, max: mine.data.candidate.profile.hoursMax })
                  : '—'}
              </dd>
              <dt>{t('me.help')}</dt>
              <dd>{mine.data.candidate.profile.supportNeeds.map((s) => t(`opening.supports.${s}`)).join(', ') || '—'}</dd>
            </dl>
            <Paragraph>{t('me.wrong')}</Paragraph>

            <Heading level={2}>{t('me.viewTitle')}</Heading>
            <Paragraph>{t('me.viewText')}</Paragraph>
            <div className="wh-actions">
              <Link className="utrecht-button-link utrecht-button-link--primary-action-button" to="/mijn-gegevens/overzicht">
                {t('me.view')}
              </Link>
              <a className="utrecht-button-link utrecht-button-link--secondary-action-button" href={exportDownloadHref(lang)} download>
                {t('me.download')}
              </a>
            </div>
          </>
        )}
      </DataState>
    </>
  );
}

/** ConfirmLanding is where the mailed link lands: confirm without signing in. */
export function ConfirmLanding() {
  const { t } = useTranslation();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [consent, setConsent] = useState<string[]>([]);
  const confirm = useConfirmWithToken();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate({ token, consent: consent.includes('ja') });
  };
  if (confirm.isSuccess) {
    return (
      <>
        <PageTitle>{t('me.thanksTitle')}</PageTitle>
        <Notice type="ok">{t('me.thanks')}</Notice>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('me.confirmTitle')}</PageTitle>
      <Paragraph>{t('me.confirmText')}</Paragraph>
      {confirm.isError && <Notice type="error">{t('me.linkInvalid')}</Notice>}
      {!token && <Notice type="error">{t('me.linkInvalid')}</Notice>}
      <form onSubmit={submit} noValidate className="wh-form">
        <ChoiceGroup multiple legend={t('me.consentTitle')} name="consent" values={consent} onChange={setConsent}
          description={t('me.consentExplain')} options={[{ value: 'ja', label: t('me.consentCheckbox') }]} />
        <Button type="submit" disabled={!token || confirm.isPending}>
          {t('me.yesLooking')}
        </Button>
      </form>
    </>
  );
}
