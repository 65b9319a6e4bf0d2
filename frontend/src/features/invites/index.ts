// What other features use of invites: the organisation's invite endpoints, the
// rules of the journey, the pool's invite dialog and an invite's history.
export {
  useChangeInviteState,
  useCreatePlacement,
  useInvite,
  useInviteContact,
  useOpeningInvites,
  usePlanIntake,
  type Intake,
  type Invite,
  type InviteState,
  type PlacementInput,
} from './api';
export { actionsFor, blockingInvites, decidable, eurosToCents, groupByState, inviteLimits, journey, localToRfc3339, openStates, rfc3339ToLocal } from './rules';
export { InviteBadge } from './InviteBadge';
export { InviteDialog, type Picked } from './InviteDialog';
export { InviteHistory } from './InviteHistory';
