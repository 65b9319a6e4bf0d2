import type { Role } from '../../lib/session';
import type { NotificationKind } from './api';

/**
 * kindsFor are the notification kinds a role receives (who backend/internal/invite
 * notifies of what; payment issues go to admins, from backend/internal/booking; LKS steps and
 * subsidy deadlines to organisations and accountmanagers, from backend/internal/subsidy): the mail
 * settings show only those. Admins see every kind.
 */
export function kindsFor(role: Role | string | undefined): NotificationKind[] {
  switch (role) {
    case 'werkgever':
    case 'zorgaanbieder':
      return ['invite_accepted', 'invite_declined', 'invite_expired', 'disclosure_withdrawn', 'follow_up_due', 'lks_update', 'subsidy_deadline', 'message_received'];
    case 'accountmanager':
      return ['invite_approval', 'placed', 'follow_up_due', 'placement_ended', 'lks_update', 'subsidy_deadline', 'thank_you', 'message_received'];
    case 'klantmanager':
      return ['invite_created', 'invite_accepted', 'invite_declined', 'invite_expired', 'disclosure_withdrawn', 'placed', 'placement_ended', 'thank_you'];
    case 'kandidaat':
      return ['advice_added'];
    default:
      return ['invite_created', 'invite_approval', 'invite_accepted', 'invite_declined', 'invite_expired', 'disclosure_withdrawn', 'advice_added', 'placed', 'follow_up_due', 'placement_ended',
        'payment_issue', 'lks_update', 'subsidy_deadline'];
  }
}
