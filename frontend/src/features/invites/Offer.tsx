import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, CheckboxField, Heading, Notice, PageTitle, Paragraph, ChoiceGroup, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { declineReasons, type Decision, type Offer } from './api';
import { formatDate } from '../../lib/format';
import { decidable } from './rules';

type Props = {
  offer: Offer;
  /** decide sends the answer; its error and pending state come from the caller's mutation. */
  decide: (d: Decision) => void;
  deciding: boolean;
  decideError: unknown;
  /** stopSharing, when given, lets a signed-in kandidaat end the disclosure. */
  stopSharing?: { run: () => void; pending: boolean; error: unknown; done: boolean };
  /** afterYes is shown under the thanks after a yes (the link page: how to stop sharing later). */
  afterYes?: ReactNode;
};

/**
 * OfferView is an invite as the kandidaat reads it, on a phone first, in
 * plain (B1) Dutch: who, what work, where, hours, start, help, the message
 * and the klantmanager's advice; what a yes shares; yes or no.
 */
export function OfferView({ offer, decide, deciding, decideError, stopSharing, afterYes }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const open = decidable.includes(offer.state);
  // After an answer the page changes under the buttons: focus moves to the message that says what happened.
  const wasOpen = useRef(open);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (wasOpen.current && !open) noticeRef.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <div className="wh-offer">
      <PageTitle>{open ? t('offer.titleOpen', { organisation: offer.organisationName }) : t('offer.title', { organisation: offer.organisationName })}</PageTitle>
      <div ref={noticeRef} tabIndex={-1} className="wh-focus-target">
        <StateNotice offer={offer} />
      </div>

      <dl className="wh-dl wh-dl--stack">
        <dt>{t('offer.who')}</dt>
        <dd>{offer.organisationName}</dd>
        <dt>{t('offer.what')}</dt>
        <dd>
          {offer.openingTitle}
          {offer.kind !== 'vacature' && ` (${t(`opening.kinds.${offer.kind}`, { defaultValue: offer.kind })})`}
        </dd>
        {offer.place && (
          <>
            <dt>{t('offer.where')}</dt>
            <dd>{offer.place}</dd>
          </>
        )}
        {offer.hoursMax > 0 && (
          <>
            <dt>{t('offer.hours')}</dt>
            <dd>{offer.hoursMin === offer.hoursMax ? t('offer.hoursOne', { hours: offer.hoursMax }) : t('offer.hoursRange', { min: offer.hoursMin, max: offer.hoursMax })}</dd>
          </>
        )}
        {when(offer, t, lang) && (
          <>
            <dt>{t('offer.when')}</dt>
            <dd>{when(offer, t, lang)}</dd>
          </>
        )}
        {(offer.place || offer.hoursMax > 0) && (
          <>
            <dt>{t('offer.start')}</dt>
            <dd>{offer.startDate ? formatDate(offer.startDate, lang) : t('offer.startSoon')}</dd>
          </>
        )}
        {offer.support.length > 0 && (
          <>
            <dt>{t('offer.support')}</dt>
            <dd>
              <ul className="wh-plainlist">
                {offer.support.map((s) => (
                  <li key={s}>{t(`offer.supports.${s}`, { defaultValue: t(`opening.supports.${s}`, { defaultValue: s }) })}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {offer.description && (
        <>
          <Heading level={2}>{t('offer.about')}</Heading>
          <Paragraph className="wh-pre">{offer.description}</Paragraph>
        </>
      )}
      {offer.message && (
        <>
          <Heading level={2}>{t('offer.theyWrite', { organisation: offer.organisationName })}</Heading>
          <blockquote className="wh-quote">
            <Paragraph className="wh-pre">{offer.message}</Paragraph>
          </blockquote>
        </>
      )}
      {offer.advice && (
        <>
          <Heading level={2}>{t('offer.advice')}</Heading>
          <blockquote className="wh-quote wh-quote--advice">
            <Paragraph className="wh-pre">{offer.advice}</Paragraph>
          </blockquote>
        </>
      )}

      {open && <DecisionForm offer={offer} decide={decide} deciding={deciding} error={decideError} />}
      {!open && offer.disclosed && (
        <section aria-labelledby="sharing" className="wh-section">
          <Heading level={2} id="sharing">
            {t('offer.sharingTitle')}
          </Heading>
          <Paragraph>{t('offer.sharingNow', { organisation: offer.organisationName, what: sharedList(offer.sharePhone, t) })}</Paragraph>
          {afterYes}
          {stopSharing && (
            <>
              {stopSharing.error ? <Notice type="error">{errorText(stopSharing.error, t)}</Notice> : null}
              <Paragraph>{t('offer.stopExplain', { organisation: offer.organisationName })}</Paragraph>
              <div className="wh-actions">
                <Button secondary onClick={stopSharing.run} disabled={stopSharing.pending}>
                  {t('offer.stopSharing')}
                </Button>
              </div>
            </>
          )}
        </section>
      )}
      {!open && !offer.disclosed && stopSharing?.done && <Notice type="ok">{t('offer.stopped', { organisation: offer.organisationName })}</Notice>}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** when says on which days and in which parts of the day the work is ("" when the opening does not say). */
function when(offer: Offer, t: T, lang: string): string {
  const list = (xs: string[]) => new Intl.ListFormat(lang === 'en' ? 'en' : 'nl', { type: 'conjunction' }).format(xs);
  const days = list((offer.days ?? []).map((d) => t(`opening.day.${d}`)));
  const parts = list((offer.dayParts ?? []).map((p) => t(`opening.dayPart.${p}`)));
  if (days && parts) return t('offer.whenBoth', { days, parts });
  if (days) return days;
  if (parts) return t('offer.whenParts', { parts });
  return '';
}

function sharedList(phone: boolean, t: T) {
  return phone ? t('offer.sharedWithPhone') : t('offer.sharedNoPhone');
}

/** errorText says in B1 words why an answer did not go through. */
function errorText(error: unknown, t: T): string {
  if (!(error instanceof ApiError)) return t('common.error');
  if (error.status === 410) return t('offer.linkUsed');
  if (error.status === 404) return t('offer.linkUnknown');
  if (error.code === 'inviteExpired') return t('offer.expired');
  if (error.code === 'inviteWithdrawn') return t('offer.withdrawn');
  if (error.status === 409) return t('offer.alreadyAnswered');
  return error.message;
}

function StateNotice({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation();
  switch (offer.state) {
    case 'invited':
    case 'viewed':
      return offer.expiresAt ? <Paragraph>{t('offer.chooseUntil', { date: formatDate(offer.expiresAt, i18n.language) })}</Paragraph> : null;
    case 'accepted':
    case 'introduced':
    case 'intake_planned':
      return offer.disclosed ? (
        <Notice type="ok">{t('offer.saidYes', { organisation: offer.organisationName })}</Notice>
      ) : (
        <Notice type="info">{t('offer.saidYesStopped', { organisation: offer.organisationName })}</Notice>
      );
    case 'declined':
      return <Notice type="info">{t('offer.saidNo')}</Notice>;
    case 'expired':
      return <Notice type="info">{t('offer.expired')}</Notice>;
    case 'withdrawn':
      return <Notice type="info">{t('offer.withdrawn')}</Notice>;
    case 'placed':
      return <Notice type="ok">{t('offer.placed')}</Notice>;
    case 'not_placed':
      return <Notice type="info">{t('offer.notPlaced')}</Notice>;
    default:
      return null;
  }
}

function DecisionForm({ offer, decide, deciding, error }: { offer: Offer; decide: (d: Decision) => void; deciding: boolean; error: unknown }) {
  const { t } = useTranslation();
  const [sharePhone, setSharePhone] = useState(true);
  const [saying, setSaying] = useState<'choose' | 'no'>('choose');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const err = error instanceof ApiError ? error : undefined;
  const fields = err?.status === 400 ? err.fieldErrors() : {};
  const messages = err?.status === 400 ? err.fieldMessages() : {};
  const sayNo = (e: FormEvent) => {
    e.preventDefault();
    decide({ decision: 'decline', reason: reason as Decision['reason'], note });
  };
  return (
    <section aria-labelledby="decide" className="wh-section">
      {error ? <Notice type="error">{errorText(error, t)}</Notice> : null}
      {saying === 'choose' ? (
        <>
          <Heading level={2} id="decide">
            {t('offer.sharesTitle')}
          </Heading>
          <Paragraph>{t('offer.sharesIntro', { organisation: offer.organisationName })}</Paragraph>
          <ul className="wh-shares">
            <li>{t('offer.shareName')}</li>
            <li>{t('offer.shareEmail')}</li>
            <li>
              <CheckboxField label={t('offer.sharePhone')} name="sharePhone" checked={sharePhone} onChange={setSharePhone} />
            </li>
          </ul>
          <Paragraph>{t('offer.sharesLater')}</Paragraph>
          <div className="wh-actions wh-actions--stack">
            <Button onClick={() => decide({ decision: 'accept', sharePhone })} disabled={deciding}>
              {t('offer.yes')}
            </Button>
            <Button secondary onClick={() => setSaying('no')} disabled={deciding}>
              {t('offer.no')}
            </Button>
          </div>
        </>
      ) : (
        <form onSubmit={sayNo} noValidate className="wh-form">
          <Heading level={2} id="decide">
            {t('offer.noTitle')}
          </Heading>
          <Paragraph>{t('offer.noIntro')}</Paragraph>
          <ChoiceGroup legend={t('offer.reason')} name="reason" value={reason} onChange={setReason} error={fields.reason} message={messages.reason}
            options={declineReasons.map((r) => ({ value: r, label: t(`decline.${r}`) }))} />
          <TextArea label={t('offer.note')} name="note" value={note} onChange={setNote} maxLength={500} error={fields.note} message={messages.note} />
          <div className="wh-actions wh-actions--stack">
            <Button type="submit" disabled={deciding}>
              {t('offer.sendNo')}
            </Button>
            <Button secondary onClick={() => setSaying('choose')}>
              {t('offer.back')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
