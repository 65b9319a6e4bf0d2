// Pieces the services desk's pages share: a service's terms, a booking's
// state and its history.
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/ui';
import { EventHistory } from '../../components/EventHistory';
import type { BookingEvent, BookingState, Service } from './api';
import { cancelPolicy, eligibilityText, priceText } from './format';

/** kindLabel is a kind in words; a region's own kind reads as its slug. */
export function useKindLabel() {
  const { t } = useTranslation();
  return (kind: string) => t(`services.kinds.${kind}`, { defaultValue: kind.replace(/_/g, ' ') });
}

/** ServiceTerms is what a service costs, who provides it, for whom, and how cancelling works. */
export function ServiceTerms({ s }: { s: Service }) {
  const { t, i18n } = useTranslation();
  const rules = eligibilityText(t, s.eligibility);
  return (
    <dl className="wh-dl">
      <dt>{t('services.priceLabel')}</dt>
      <dd className="wh-price">{priceText(t, i18n.language, s.priceCents, s.priceUnit, s)}</dd>
      <dt>{t('services.provider')}</dt>
      <dd>{s.providerName || t('services.municipality')}</dd>
      <dt>{t('services.forWhom')}</dt>
      <dd>{rules.length ? rules.join(' ') : t('services.eligibility.none')}</dd>
      {s.requiresApproval && (
        <>
          <dt>{t('services.approvalLabel')}</dt>
          <dd>{t('services.approval')}</dd>
        </>
      )}
      {s.schedulable && (
        <>
          <dt>{t('services.whenLabel')}</dt>
          <dd>{t('services.schedulable', { minutes: s.slotMinutes ?? 60 })}</dd>
        </>
      )}
      <dt>{t('services.cancelLabel')}</dt>
      <dd>{cancelPolicy(t, s)}</dd>
    </dl>
  );
}

/** BookingBadge is a booking's state as a badge. */
export function BookingBadge({ state }: { state: BookingState }) {
  const { t } = useTranslation();
  return <StatusBadge status={state}>{t(`bookings.states.${state}`)}</StatusBadge>;
}

/**
 * BookingHistory is a booking's append-only log: when, who, from which state to which, and why.
 * A note that changes no state (a payment that did not pay the booking, a refund of a second
 * payment) reads as its label, with the amounts in its reason.
 */
export function BookingHistory({ id, events }: { id: string; events: BookingEvent[] }) {
  const { t, i18n } = useTranslation();
  const state = (s: string) => t(`bookings.states.${s}`, { defaultValue: s }).toLocaleLowerCase(i18n.language);
  const step = (e: BookingEvent) => {
    if (e.code) return t(`bookings.notes.${e.code}`);
    if (!e.from || e.from === e.to) return state(e.to);
    return t('bookings.fromTo', { from: state(e.from), to: state(e.to) });
  };
  const note = (e: BookingEvent) => (e.code?.startsWith('consent') ? t(`bookings.via.${e.reason}`, { defaultValue: e.reason }) : e.reason);
  return (
    <EventHistory
      id={`history-${id}`}
      title={t('bookings.history')}
      className="wh-section"
      entries={events.map((e) => ({ at: e.at, actor: t(`bookings.actors.${e.actor}`), what: step(e), note: e.reason ? note(e) : undefined }))}
    />
  );
}
