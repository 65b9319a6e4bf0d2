import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/ui';
import type { InviteState } from './api';

/** InviteBadge is an invite's state as a badge, in the words every invite screen uses. */
export function InviteBadge({ state }: { state: InviteState }) {
  const { t } = useTranslation();
  return <StatusBadge status={state}>{t(`invites.states.${state}`)}</StatusBadge>;
}
