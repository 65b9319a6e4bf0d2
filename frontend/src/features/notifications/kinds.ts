import type { Role } from '../../lib/session';
import type { NotificationKind } from './api';

/**
 * kindsFor are the notification kinds a role receives (who backend/internal/invite
 * notifies of what; payment issues go to admins and a booking's steps to its parties, from backend/internal/booking; LKS steps and
 * subsidy deadlines to organisations and accountmanagers, from backend/internal/subsidy): the mail
 * settings show only those. Admins see every kind.
 */
/**
 * bookingKinds are a booking's steps (backend/internal/booking/notices.go): an organisation hears of its own
 * bookings and, as a provider, of those it delivers; an accountmanager approves requests and hears of payments
 * and cancellations of the municipality's own services.
 */
const bookingKinds: NotificationKind[] = ['booking_requested', 'booking_approved', 'booking_refused', 'booking_paid', 'booking_confirmed', 'booking_started',
  'booking_completed', 'booking_cancelled', 'booking_payment_due', 'booking_update', 'booking_consent'];

export function kindsFor(role: Role | string | undefined): NotificationKind[] {
  switch (role) {
    case 'werkgever':
    case 'zorgaanbieder':
      return ['invite_accepted', 'invite_declined', 'invite_expired', 'disclosure_withdrawn', 'follow_up_due', 'lks_update', 'subsidy_deadline', 'message_received', ...bookingKinds];
    case 'accountmanager':
      return ['invite_approval', 'placed', 'follow_up_due', 'placement_ended', 'lks_update', 'subsidy_deadline', 'thank_you', 'booking_requested', 'booking_paid', 'booking_cancelled', 'booking_consent', 'message_received', 'registration_confirmed'];
    case 'klantmanager':
      return ['invite_created', 'invite_accepted', 'invite_declined', 'invite_expired', 'disclosure_withdrawn', 'placed', 'placement_ended', 'thank_you'];
    case 'kandidaat':
      return ['advice_added'];
    case 'platform':
      return [];
    default:
      return ['invite_created', 'invite_approval', 'invite_accepted', 'invite_declined', 'invite_expired', 'disclosure_withdrawn', 'advice_added', 'placed', 'follow_up_due', 'placement_ended',
        'payment_issue', 'lks_update', 'subsidy_deadline', ...bookingKinds];
  }
}
