import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '../../components/ui';
import type { InviteEvent } from './api';
import { formatDateTime } from '../../lib/format';

/**
 * InviteHistory is an invite's event log: which role moved it, when, from
 * which state to which, and why. Shared by the organisation's introduction
 * page and the klantmanager's candidate page.
 */
export function InviteHistory({ id, events, level = 2 }: { id: string; events: InviteEvent[]; level?: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby={`history-${id}`}>
      <Heading level={level} id={`history-${id}`}>
        {t('invites.history')}
      </Heading>
      {events.length === 0 ? (
        <Paragraph>—</Paragraph>
      ) : (
        <ol className="wh-log">
          {events.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at, i18n.language)} · {t(`invites.actors.${e.actor}`)}:{' '}
              {e.reason === 'disclosure_withdrawn'
                ? t('invites.disclosureWithdrawn')
                : e.from && e.from !== e.to
                  ? t('invites.fromTo', { from: t(`invites.states.${e.from}`), to: t(`invites.states.${e.to}`) })
                  : t(`invites.states.${e.to}`)}
              {e.reason && e.reason !== 'disclosure_withdrawn' && <span className="wh-pre"> · {t(`decline.${e.reason}`, { defaultValue: e.reason })}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
