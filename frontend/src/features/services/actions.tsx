// The steps people take on a booking, shared by the lists and the booking page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, Notice, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import type { components } from '../../lib/api/schema';
import { useChangeBookingState, useCheckout, useDeliveredHours, type Booking, type BookingState } from './api';

/** problem is an API error in the user's language. */
export function useProblem() {
  const { t } = useTranslation();
  return (err: unknown) => (err instanceof ApiError && err.status < 500 ? err.message : t('common.error'));
}

/** ApprovalActions approve or reject (with a reason) a booking awaiting approval: accountmanagers. */
export function ApprovalActions({ b }: { b: Booking }) {
  const { t } = useTranslation();
  const change = useChangeBookingState(b.id);
  const problem = useProblem();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const fields = change.error instanceof ApiError ? change.error.fieldErrors() : {};
  return (
    <div className="wh-stack">
      {change.error && !fields.reason && <Notice type="error">{problem(change.error)}</Notice>}
      {!rejecting ? (
        <div className="wh-actions">
          <Button disabled={change.isPending} onClick={() => change.mutate({ state: 'approved' })}>
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
            change.mutate({ state: 'rejected', reason: reason.trim() });
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

/** DeliveredHours records the hours delivered so far (the provider). */
export function DeliveredHours({ b }: { b: Booking }) {
  const { t, i18n } = useTranslation();
  const save = useDeliveredHours(b.id);
  const [hours, setHours] = useState(String(b.deliveredHours).replace('.', i18n.language.startsWith('en') ? '.' : ','));
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const messages = save.error instanceof ApiError ? save.error.fieldMessages() : {};
  const problem = useProblem();
  if (!['confirmed', 'in_progress', 'completed'].includes(b.state)) return null;
  const value = Number(hours.trim().replace(',', '.'));
  return (
    <form
      className="wh-form wh-form--inline"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(hours.trim() !== '' && Number.isFinite(value) ? value : -1);
      }}
    >
      {save.error && !fields.hours && <Notice type="error">{problem(save.error)}</Notice>}
      <Field label={t('bookings.deliveredHours')} name="hours" inputMode="decimal" value={hours} onChange={setHours}
        error={fields.hours} message={messages.hours} description={t('bookings.deliveredHelp')} />
      <div>
        <Button type="submit" secondary disabled={save.isPending}>
          {t('bookings.saveHours')}
        </Button>
      </div>
      {save.isSuccess && !save.isPending && <Notice type="ok">{t('bookings.hoursSaved')}</Notice>}
    </form>
  );
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
