import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from './ui';
import { formatDateTime } from '../lib/format';

/** HistoryEntry is one step in a log, in words: when, who (the role, in words), what happened and an optional note. */
export type HistoryEntry = { at: string; actor: string; what: ReactNode; note?: ReactNode };

type Props = {
  /** id is the heading's id, which names the section. */
  id: string;
  title: string;
  entries: HistoryEntry[];
  level?: 2 | 3 | 4;
  className?: string;
};

/**
 * EventHistory is an object's append-only log (an invite's, a booking's, an LKS application's), oldest first:
 * "date and time · who: what · note", or a dash when nothing happened yet. Each feature puts its own events into words.
 */
export function EventHistory({ id, title, entries, level = 2, className }: Props) {
  const { i18n } = useTranslation();
  return (
    <section aria-labelledby={id} className={className}>
      <Heading level={level} id={id}>
        {title}
      </Heading>
      {entries.length === 0 ? (
        <Paragraph>—</Paragraph>
      ) : (
        <ol className="wh-log">
          {entries.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at, i18n.language)} · {e.actor}: {e.what}
              {e.note && <span className="wh-pre"> · {e.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
