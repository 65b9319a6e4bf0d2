import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, DataState, Heading, Notice, PageTitle, Paragraph } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { tokenFromHash, useSession } from '../../lib/session';
import { useAnswerSharing, useAnswerSharingByLink, useMySharing, useSharingLink, type SharingAnswer, type SharingRequest } from './api';

/** closed are the booking states in which there is nothing left to share. */
const closed = ['rejected', 'completed', 'cancelled', 'refunded', 'expired'];

/** serviceTitle is the service's name in the reader's language. */
function useServiceTitle() {
  const { i18n } = useTranslation();
  return (r: SharingRequest) => (i18n.language.startsWith('en') ? r.serviceTitleEn : r.serviceTitleNl);
}

/** doneText says what an answer did, in plain words. */
function doneKey(r: SharingRequest) {
  return r.state === 'granted' ? 'sharing.doneGranted' : r.state === 'declined' ? 'sharing.doneDeclined' : 'sharing.doneRevoked';
}

/**
 * SharingSection is the part of Mijn gegevens where the kandidaat answers, and can change, whether a provider
 * (a jobcoach, …) may have their name, phone and workplace for one booking. Its answer takes the focus.
 */
export function SharingSection() {
  const { t } = useTranslation();
  const requests = useMySharing();
  const answer = useAnswerSharing();
  const title = useServiceTitle();
  const [done, setDone] = useState('');
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) outcome.current?.focus();
  }, [done]);
  const decide = (r: SharingRequest, decision: SharingAnswer) =>
    answer.mutate({ bookingId: r.bookingId, decision }, { onSuccess: (changed) => setDone(t(doneKey(changed), { provider: changed.providerName })) });
  return (
    <section aria-labelledby="delen-titel" id="delen" className="wh-section">
      <Heading level={2} id="delen-titel">
        {t('sharing.title')}
      </Heading>
      <Paragraph>{t('sharing.intro')}</Paragraph>
      {done && (
        <div ref={outcome} tabIndex={-1} className="wh-outcome">
          <Notice type="ok">{done}</Notice>
        </div>
      )}
      {answer.error && <Notice type="error">{answer.error instanceof ApiError ? answer.error.message : t('common.error')}</Notice>}
      <DataState isLoading={requests.isLoading} error={requests.error}>
        {requests.data?.length === 0 && <Paragraph>{t('sharing.none')}</Paragraph>}
        {requests.data?.map((r) => (
          <article key={r.bookingId} className="wh-card" aria-label={title(r)}>
            <Paragraph>{t('sharing.question', { organisation: r.organisationName, service: title(r), provider: r.providerName })}</Paragraph>
            <Paragraph>
              <strong>{t(`sharing.state.${r.state}`, { provider: r.providerName })}</strong>
            </Paragraph>
            {!closed.includes(r.bookingState) && (
              <div className="wh-actions">
                {r.state === 'asked' && (
                  <>
                    <Button disabled={answer.isPending} onClick={() => decide(r, 'agree')}>
                      {t('sharing.yes', { provider: r.providerName })}
                    </Button>
                    <Button secondary disabled={answer.isPending} onClick={() => decide(r, 'decline')}>
                      {t('sharing.no')}
                    </Button>
                  </>
                )}
                {r.state === 'granted' && (
                  <Button secondary disabled={answer.isPending} onClick={() => decide(r, 'revoke')}>
                    {t('sharing.stop')}
                  </Button>
                )}
                {(r.state === 'declined' || r.state === 'revoked') && (
                  <Button secondary disabled={answer.isPending} onClick={() => decide(r, 'agree')}>
                    {t('sharing.again', { provider: r.providerName })}
                  </Button>
                )}
              </div>
            )}
            {r.state === 'granted' && closed.includes(r.bookingState) && (
              <div className="wh-actions">
                <Button secondary disabled={answer.isPending} onClick={() => decide(r, 'revoke')}>
                  {t('sharing.stop')}
                </Button>
              </div>
            )}
          </article>
        ))}
      </DataState>
    </section>
  );
}

/** SharingReminder is the start page's note of requests the kandidaat has not answered. */
export function SharingReminder() {
  const { t } = useTranslation();
  const requests = useMySharing();
  const open = (requests.data ?? []).filter((r) => r.state === 'asked' && !closed.includes(r.bookingState));
  if (open.length === 0) return null;
  return (
    <Notice type="warning">
      {open.map((r) => (
        <Paragraph key={r.bookingId}>{t('sharing.homeAsked', { provider: r.providerName })}</Paragraph>
      ))}
      <Paragraph>
        <Link to="/mijn-gegevens#delen">{t('sharing.homeLink')}</Link>
      </Paragraph>
    </Notice>
  );
}

/**
 * SharingLinkPage is where the mailed link lands (/toestemming-delen#token=…): the question and yes or no,
 * without signing in. The token is read from the fragment and sent in the body only.
 */
export function SharingLinkPage() {
  const { t } = useTranslation();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const session = useSession();
  const request = useSharingLink(token, session.isSuccess);
  const answer = useAnswerSharingByLink(token);
  const title = useServiceTitle();
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answer.isSuccess) outcome.current?.focus();
  }, [answer.isSuccess]);
  const problem = (text: string) => (
    <>
      <PageTitle>{t('sharing.linkTitle')}</PageTitle>
      <Notice type="warning">{text}</Notice>
      <Paragraph>
        <Link to="/inloglink">{t('sharing.signIn')}</Link>
      </Paragraph>
    </>
  );
  if (!token) return problem(t('sharing.linkIncomplete'));
  const err = answer.error ?? request.error;
  if (err instanceof ApiError && [404, 409, 410].includes(err.status)) {
    return problem(err.status === 404 ? t('sharing.linkUnknown') : err.status === 409 ? err.message : t('sharing.linkUsed'));
  }
  const r = request.data;
  return (
    <DataState isLoading={session.isLoading || request.isLoading} error={session.error ?? request.error}>
      {r && (
        <>
          <PageTitle>{t('sharing.linkTitle')}</PageTitle>
          {answer.isSuccess ? (
            <>
              <div ref={outcome} tabIndex={-1} className="wh-outcome">
                <Notice type="ok">{t(doneKey(r), { provider: r.providerName })}</Notice>
              </div>
              <Paragraph>
                {t('sharing.later')} <Link to="/inloglink">{t('sharing.signIn')}</Link>
              </Paragraph>
            </>
          ) : (
            <>
              <Paragraph>{t('sharing.intro')}</Paragraph>
              <Paragraph>{t('sharing.question', { organisation: r.organisationName, service: title(r), provider: r.providerName })}</Paragraph>
              {r.state !== 'asked' && (
                <Paragraph>
                  <strong>{t(`sharing.state.${r.state}`, { provider: r.providerName })}</strong>
                </Paragraph>
              )}
              {answer.error && <Notice type="error">{t('common.error')}</Notice>}
              <div className="wh-actions">
                <Button disabled={answer.isPending} onClick={() => answer.mutate('agree')}>
                  {t('sharing.yes', { provider: r.providerName })}
                </Button>
                <Button secondary disabled={answer.isPending} onClick={() => answer.mutate('decline')}>
                  {t('sharing.no')}
                </Button>
              </div>
            </>
          )}
        </>
      )}
    </DataState>
  );
}
