import { useTranslation } from 'react-i18next';
import { EventHistory } from '../../components/EventHistory';
import type { InviteEvent } from './api';

/**
 * InviteHistory is an invite's event log: which role moved it, when, from
 * which state to which, and why. Shared by the organisation's introduction
 * page and the klantmanager's candidate page.
 */
export function InviteHistory({ id, events, level = 2 }: { id: string; events: InviteEvent[]; level?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const withdrawn = (e: InviteEvent) => e.reason === 'disclosure_withdrawn';
  return (
    <EventHistory
      id={`history-${id}`}
      title={t('invites.history')}
      level={level}
      entries={events.map((e) => ({
        at: e.at,
        actor: t(`invites.actors.${e.actor}`),
        what: withdrawn(e)
          ? t('invites.disclosureWithdrawn')
          : e.from && e.from !== e.to
            ? t('invites.fromTo', { from: t(`invites.states.${e.from}`), to: t(`invites.states.${e.to}`) })
            : t(`invites.states.${e.to}`),
        note: e.reason && !withdrawn(e) ? t(`decline.${e.reason}`, { defaultValue: e.reason }) : undefined,
      }))}
    />
  );
}
