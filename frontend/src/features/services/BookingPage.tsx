import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button, DataState, Heading, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import { useBooking, useChangeBookingState, usePlacements, useService, type Booking, type Service } from './api';
import { ApprovalActions, ConsentNotice, Outcome, PayButton, ProviderActions, rolesOn, useApprovalOutcome, useProblem } from './actions';
import { cancellable, cancelPolicy, cancellationFee, paidSoFar, priceText, quantityUnit, vatText } from './format';
import { BookingBadge, BookingHistory, useKindLabel } from './parts';
import { HoursSection } from './Hours';
import { InvoiceLinks } from './Invoices';
import { formatDateTime, formatEuro, formatNumber, formatTime } from '../../lib/format';

/** BookingPage is /boekingen/:id: state, price, times, history, and the steps the viewer may take. */
export function BookingPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const paidReturn = params.get('betaald') === '1';
  const booking = useBooking(id, paidReturn);
  const service = useService(booking.data?.serviceId ?? '', !!booking.data);
  const { t } = useTranslation();
  // A provider whose kandidaat has not agreed (yet) is refused with the reason: say it.
  if (booking.error instanceof ApiError && booking.error.status === 403) {
    return (
      <>
        <PageTitle>{t('bookings.consent.blockedTitle')}</PageTitle>
        <Paragraph>
          <Link to="/boekingen">{t('bookings.back')}</Link>
        </Paragraph>
        <Notice type="warning">{booking.error.message}</Notice>
      </>
    );
  }
  return (
    <DataState isLoading={booking.isLoading} error={booking.error}>
      {booking.data && <BookingView b={booking.data} s={service.data} paidReturn={paidReturn} polls={booking.dataUpdatedAt} />}
    </DataState>
  );
}

function BookingView({ b, s, paidReturn, polls }: { b: Booking; s?: Service; paidReturn: boolean; polls: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params] = useSearchParams();
  const me = useSession().data?.user;
  const kindLabel = useKindLabel();
  const roles = rolesOn(b, me);
  const outcome = useApprovalOutcome();
  const [done, setDone] = useState('');
  const placements = usePlacements(!!b.placementId && (roles.booker || roles.staff));
  const placement = placements.data?.find((p) => p.id === b.placementId);
  const unit = s ? quantityUnit(s.priceUnit) : undefined;
  // Waiting for the payment to be confirmed: say so after a while.
  const [since] = useState(() => Date.now());
  const slow = paidReturn && b.state === 'awaiting_payment' && polls - since > 20_000;
  const monthlyRunning = s?.priceUnit === 'per_month' && ['paid', 'confirmed', 'in_progress'].includes(b.state) && b.quantity > 1;
  // Approved extra hours not paid yet (a period of their own).
  const extraDue = s?.priceUnit === 'per_hour' && ['paid', 'confirmed', 'in_progress'].includes(b.state) && b.amountCents > b.paidCents;

  return (
    <>
      <PageTitle>{b.serviceTitle}</PageTitle>
      <Paragraph>
        <Link to="/boekingen">{t('bookings.back')}</Link>
      </Paragraph>
      {params.get('nieuw') === '1' && <Notice type="ok">{t('bookings.created')}</Notice>}
      {paidReturn && b.state === 'awaiting_payment' && (
        <div role="status" className="wh-processing">
          <progress className="wh-progress" aria-label={t('bookings.processing')} />
          <Paragraph>{slow ? t('bookings.processingSlow') : t('bookings.processing')}</Paragraph>
        </div>
      )}
      {paidReturn && b.paidAt && <Notice type="ok">{t('bookings.paidThanks', { date: formatDateTime(b.paidAt, lang) })}</Notice>}
      <Paragraph className="wh-state-line">
        {t('bookings.stateLabel')} <BookingBadge state={b.state} />
      </Paragraph>
      {roles.booker && <Paragraph>{t(`bookings.explain.${b.state}`)}</Paragraph>}
      {(roles.booker || roles.staff) && <ConsentNotice b={b} />}
      {b.state === 'rejected' && <RejectReason b={b} />}

      {b.state === 'awaiting_payment' && b.payBy && (
        <Notice type="warning">{t('bookings.payBy', { time: formatDateTime(b.payBy, lang), amount: formatEuro(b.amountCents, lang) })}</Notice>
      )}
      {b.state === 'awaiting_payment' && roles.mayPay && <PayButton b={b} />}
      {monthlyRunning && roles.mayPay && <PayButton b={b} label={t('bookings.payNextMonth')} />}
      {extraDue && roles.mayPay && <PayButton b={b} label={t('bookings.payExtra')} />}
      <Outcome message={done} />
      {b.state === 'awaiting_approval' && roles.staff && <ApprovalActions b={b} onDone={(changed) => setDone(outcome(changed))} />}
      {roles.provider && <ProviderActions b={b} />}

      <section aria-labelledby="details" className="wh-section">
        <Heading level={2} id="details">
          {t('bookings.details')}
        </Heading>
        <dl className="wh-dl">
          <dt>{t('bookings.service')}</dt>
          <dd>
            {b.serviceTitle} ({kindLabel(b.serviceKind)})
          </dd>
          <dt>{t('bookings.organisation')}</dt>
          <dd>{b.organisationName}</dd>
          <dt>{t('services.provider')}</dt>
          <dd>{b.providerName || t('services.municipality')}</dd>
          {b.placementId && (
            <>
              <dt>{t('bookings.placement')}</dt>
              <dd>{placement ? t('bookings.placementText', { code: placement.candidateCode, opening: placement.openingTitle }) : t('bookings.placementLinked')}</dd>
            </>
          )}
          {unit && (
            <>
              <dt>{t('bookings.quantity')}</dt>
              <dd>{t(`bookings.count.${unit}`, { count: b.quantity, n: formatNumber(b.quantity, i18n.language) })}</dd>
            </>
          )}
          {s && (
            <>
              <dt>{t('services.priceLabel')}</dt>
              <dd>{priceText(t, lang, b.unitPriceCents, s.priceUnit, s)}</dd>
            </>
          )}
          <dt>{t('bookings.amount')}</dt>
          <dd>{b.amountCents === 0 ? t('services.price.free') : `${formatEuro(b.amountCents, lang)}${s ? ` (${vatText(t, s)})` : ''}`}</dd>
          {b.startsAt && (
            <>
              <dt>{t('bookings.when')}</dt>
              <dd>
                {formatDateTime(b.startsAt, lang)}
                {b.endsAt && ` – ${formatTime(b.endsAt, lang)}`}
              </dd>
            </>
          )}
          {b.paidAt && (
            <>
              <dt>{t('bookings.paidAt')}</dt>
              <dd>{formatDateTime(b.paidAt, lang)}</dd>
            </>
          )}
          {b.cancellationFeeCents !== undefined && (
            <>
              <dt>{t('bookings.fee')}</dt>
              <dd>{formatEuro(b.cancellationFeeCents, lang)}</dd>
            </>
          )}
          {b.refundedCents > 0 && (
            <>
              <dt>{t('bookings.refunded')}</dt>
              <dd>{formatEuro(b.refundedCents, lang)}</dd>
            </>
          )}
          {(b.deliveredHours > 0 || roles.provider) && ['confirmed', 'in_progress', 'completed'].includes(b.state) && (
            <>
              <dt>{t('bookings.deliveredHours')}</dt>
              <dd>{t('bookings.count.hours', { count: b.deliveredHours, n: formatNumber(b.deliveredHours, lang) })}</dd>
            </>
          )}
          {b.note && (
            <>
              <dt>{t('bookings.note')}</dt>
              <dd className="wh-pre">{b.note}</dd>
            </>
          )}
          <dt>{t('bookings.createdAt')}</dt>
          <dd>{formatDateTime(b.createdAt, lang)}</dd>
        </dl>
      </section>

      {b.shared && <SharedSection s={b.shared} />}
      <HoursSection b={b} provider={roles.provider} booker={roles.booker || roles.staff} />
      {roles.mayCancel && cancellable.includes(b.state) && s && <CancelPanel b={b} s={s} />}
      <InvoiceLinks bookingId={b.id} />
      <BookingHistory id={b.id} events={b.events ?? []} />
    </>
  );
}

/** SharedSection is what the kandidaat shares with the provider of this booking (each read is audited). */
function SharedSection({ s }: { s: NonNullable<Booking['shared']> }) {
  const { t } = useTranslation();
  const workplace = [s.organisationName, s.workplaceTitle, [s.workplacePostcode, s.workplacePlace].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <section aria-labelledby="shared" className="wh-section">
      <Heading level={2} id="shared">
        {t('bookings.consent.sharedTitle')}
      </Heading>
      <Paragraph>{t('bookings.consent.sharedIntro')}</Paragraph>
      <dl className="wh-dl">
        <dt>{t('bookings.consent.name')}</dt>
        <dd>{s.name}</dd>
        <dt>{t('bookings.consent.phone')}</dt>
        <dd>{s.phone || '—'}</dd>
        <dt>{t('bookings.consent.workplace')}</dt>
        <dd>{workplace}</dd>
        {s.contactName && (
          <>
            <dt>{t('bookings.consent.contact')}</dt>
            <dd>{[s.contactName, s.contactPhone, s.contactEmail].filter(Boolean).join(', ')}</dd>
          </>
        )}
      </dl>
      {!s.contactName && <Paragraph>{t('bookings.consent.contactLater')}</Paragraph>}
    </section>
  );
}

/** RejectReason is why the accountmanager said no. */
function RejectReason({ b }: { b: Booking }) {
  const { t } = useTranslation();
  const reason = [...(b.events ?? [])].reverse().find((e) => e.to === 'rejected')?.reason;
  if (!reason) return null;
  return (
    <Paragraph>
      {t('bookings.rejectedBecause')} <span className="wh-pre">{reason}</span>
    </Paragraph>
  );
}

/** CancelPanel shows the policy and what cancelling now costs, then asks to confirm. */
function CancelPanel({ b, s }: { b: Booking; s: Service }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const change = useChangeBookingState(b.id);
  const problem = useProblem();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  const paid = paidSoFar(b, s.priceUnit);
  const fee =
    paid === undefined
      ? undefined
      : cancellationFee({ paidCents: paid, startsAt: b.startsAt, confirmed: b.state === 'confirmed', freeHours: s.cancelFreeHours, feePercent: s.cancelFeePercent, now: new Date() });
  const costs =
    paid === undefined
      ? t('bookings.cancel.monthly', { percent: s.cancelFeePercent })
      : paid === 0
        ? t('bookings.cancel.nothingPaid')
        : fee! > 0
          ? t('bookings.cancel.fee', { fee: formatEuro(fee!, lang), refund: formatEuro(paid - fee!, lang) })
          : t('bookings.cancel.freeNow', { refund: formatEuro(paid, lang) });
  if (!open) {
    return (
      <div className="wh-actions wh-section">
        <Button secondary onClick={() => setOpen(true)}>
          {t('bookings.cancel.open')}
        </Button>
      </div>
    );
  }
  return (
    <section aria-labelledby="cancel" className="wh-section wh-card">
      <Heading level={2} id="cancel" ref={heading} tabIndex={-1} className="wh-focus-target">
        {t('bookings.cancel.title')}
      </Heading>
      <Paragraph>{cancelPolicy(t, s)}</Paragraph>
      <Paragraph>
        <strong>{costs}</strong>
      </Paragraph>
      {change.error && <Notice type="error">{problem(change.error)}</Notice>}
      <form
        className="wh-stack"
        onSubmit={(e) => {
          e.preventDefault();
          change.mutate({ state: 'cancelled', reason: reason.trim() || undefined }, { onSuccess: () => setOpen(false) });
        }}
      >
        <TextArea label={t('bookings.cancel.reason')} name="cancelReason" value={reason} onChange={setReason} maxLength={1000} />
        <div className="wh-actions">
          <Button type="submit" disabled={change.isPending}>
            {t('bookings.cancel.confirm')}
          </Button>
          <Button secondary onClick={() => setOpen(false)}>
            {t('bookings.cancel.keep')}
          </Button>
        </div>
      </form>
    </section>
  );
}
