// The steps people take on a booking, shared by the lists and the booking page.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import type { components } from '../../lib/api/schema';
import { useChangeBookingState, useCheckout, type Booking, type BookingState } from './api';
import { formatDateTime } from '../../lib/format';

/** problem is an API error in the user's language. */
export function useProblem() {
  const { t } = useTranslation();
  return (err: unknown) => (err instanceof ApiError && err.status < 500 ? err.message : t('common.error'));
}

/** Outcome says what a step did, and takes the focus (the buttons that made it may be gone): role status, so it is read out. */
export function Outcome({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} className="wh-outcome">
      <Notice type="ok">{message}</Notice>
    </div>
  );
}

/** approvalOutcome says what approving or rejecting b did, and what happens next. */
export function useApprovalOutcome() {
  const { t, i18n } = useTranslation();
  return (b: Booking) => {
    const what = { service: b.serviceTitle, organisation: b.organisationName };
    if (b.state === 'rejected') return t('bookings.rejectedDone', what);
    if (b.state === 'awaiting_payment' && b.payBy) return t('bookings.approvedPay', { ...what, date: formatDateTime(b.payBy, i18n.language) });
    return t('bookings.approvedProvider', what);
  };
}

/**
 * ApprovalActions approve (after a question) or reject (with a reason) a booking awaiting approval: accountmanagers.
 * The question takes the focus; No gives it back to Goedkeuren; onDone hears the changed booking (the caller says what
 * happened with Outcome, since these buttons are gone once the booking moved on).
 */
export function ApprovalActions({ b, onDone }: { b: Booking; onDone?: (changed: Booking) => void }) {
  const { t } = useTranslation();
  const change = useChangeBookingState(b.id);
  const problem = useProblem();
  const [rejecting, setRejecting] = useState(false);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const question = useRef<HTMLParagraphElement>(null);
  const actions = useRef<HTMLDivElement>(null);
  const backToApprove = useRef(false);
  useEffect(() => {
    if (asking) question.current?.focus();
    else if (backToApprove.current) actions.current?.querySelector('button')?.focus();
    backToApprove.current = false;
  }, [asking]);
  const fields = change.error instanceof ApiError ? change.error.fieldErrors() : {};
  const decide = (body: { state: 'approved' | 'rejected'; reason?: string }) => change.mutate(body, { onSuccess: (changed) => onDone?.(changed) });
  return (
    <div className="wh-stack">
      {change.error && !fields.reason && <Notice type="error">{problem(change.error)}</Notice>}
      {asking ? (
        <div className="wh-stack" role="group" aria-labelledby={`approve-${b.id}`}>
          <p ref={question} id={`approve-${b.id}`} tabIndex={-1} className="utrecht-paragraph">
            {t('bookings.approveQuestion', { service: b.serviceTitle, organisation: b.organisationName })}
          </p>
          <div className="wh-actions">
            <Button disabled={change.isPending} onClick={() => decide({ state: 'approved' })}>
              {change.isPending ? t('common.saving') : t('bookings.approveYes')}
            </Button>
            <Button secondary disabled={change.isPending} onClick={() => { backToApprove.current = true; setAsking(false); }}>
              {t('bookings.approveNo')}
            </Button>
          </div>
        </div>
      ) : !rejecting ? (
        <div className="wh-actions" ref={actions}>
          <Button disabled={change.isPending} onClick={() => setAsking(true)}>
            {t('bookings.approve')}
            <span className="wh-visually-hidden"> {b.serviceTitle}, {b.organisationName}</span>
          </Button>
          <Button secondary disabled={change.isPending} onClick={() => setRejecting(true)}>
            {t('bookings.reject')}
            <span className="wh-visually-hidden"> {b.serviceTitle}, {b.organisationName}</span>
          </Button>
        </div>
      ) : (
        <form
          className="wh-stack"
          onSubmit={(e) => {
            e.preventDefault();
            decide({ state: 'rejected', reason: reason.trim() });
          }}
        >
          <TextArea label={t('bookings.rejectReason')} name="reason" value={reason} onChange={setReason} maxLength={1000}
            description={t('bookings.rejectReasonHelp')} error={fields.reason} />
          <div className="wh-actions">
            <Button type="submit" disabled={change.isPending || reason.trim() === ''}>
              {t('bookings.rejectConfirm')}
            </Button>
            <Button secondary onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

/** nextProviderStep is the provider's next step from a state, if any. */
export function nextProviderStep(state: BookingState): 'confirmed' | 'in_progress' | 'completed' | undefined {
  if (state === 'requested' || state === 'approved' || state === 'paid') return 'confirmed';
  if (state === 'confirmed') return 'in_progress';
  if (state === 'in_progress') return 'completed';
  return undefined;
}

/** ProviderActions are the provider's next step: confirm, start, complete. */
export function ProviderActions({ b }: { b: Booking }) {
  const { t } = useTranslation();
  const change = useChangeBookingState(b.id);
  const problem = useProblem();
  const next = nextProviderStep(b.state);
  if (!next) return null;
  if (b.candidateConsent && b.candidateConsent !== 'granted') return <ConsentNotice b={b} provider />;
  return (
    <div className="wh-stack">
      {change.error && <Notice type="error">{problem(change.error)}</Notice>}
      <div className="wh-actions">
        <Button disabled={change.isPending} onClick={() => change.mutate({ state: next })}>
          {t(`bookings.step.${next}`)}
          <span className="wh-visually-hidden"> {b.serviceTitle}, {b.organisationName}</span>
        </Button>
      </div>
    </div>
  );
}

/**
 * ConsentNotice says where the kandidaat's agreement to share with the provider stands (a person-bound service):
 * to the booking organisation and staff with the provider's name, to the provider in its own words.
 */
export function ConsentNotice({ b, provider }: { b: Booking; provider?: boolean }) {
  const { t } = useTranslation();
  const state = b.candidateConsent;
  if (!state) return null;
  if (provider) {
    if (state === 'granted') return null;
    const key = { asked: 'providerAsked', declined: 'providerDeclined', revoked: 'providerRevoked' }[state];
    return <Notice type="warning">{t(`bookings.consent.${key}`)}</Notice>;
  }
  return <Notice type={state === 'granted' ? 'info' : 'warning'}>{t(`bookings.consent.${state}`, { provider: b.providerName })}</Notice>;
}

/** PayButton opens the payment of the period due and sends the browser to it. */
export function PayButton({ b, label }: { b: Booking; label?: string }) {
  const { t } = useTranslation();
  const checkout = useCheckout(b.id);
  const problem = useProblem();
  return (
    <div className="wh-stack">
      {checkout.error && <Notice type="error">{problem(checkout.error)}</Notice>}
      <div className="wh-actions">
        <Button disabled={checkout.isPending || checkout.isSuccess} onClick={() => checkout.mutate(undefined, { onSuccess: (c) => window.location.assign(c.url) })}>
          {checkout.isPending || checkout.isSuccess ? t('bookings.toPayment') : (label ?? t('bookings.pay'))}
        </Button>
      </div>
    </div>
  );
}

type Me = components['schemas']['Me'];

/** rolesOn are the parts a viewer plays in one booking. */
export function rolesOn(b: Booking, me: Me | undefined) {
  const staff = me?.role === 'accountmanager' || me?.role === 'admin';
  const booker = !!me?.organisationId && me.organisationId === b.organisationId;
  const provider = (!!me?.organisationId && me.organisationId === b.providerId) || (staff && !b.providerId);
  return { staff, booker, provider, mayPay: booker || staff, mayCancel: booker || staff };
}
