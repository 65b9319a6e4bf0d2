// Pieces the LKS pages share: an application's state, its log, the error
// summary of its forms and the entry on a placement.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Heading, Paragraph, StatusBadge } from '../../components/ui';
import type { ApiError } from '../../lib/api/error';
import { ErrorSummary as SharedErrorSummary } from '../../components/ErrorSummary';
import { EventHistory } from '../../components/EventHistory';
import { useLksApplications, type LksEvent, type LksState } from './applications';
import { formatDate, formatEuro } from '../../lib/format';

/** LksBadge is an application's state as a badge. */
export function LksBadge({ state }: { state: LksState }) {
  const { t } = useTranslation();
  return <StatusBadge status={state}>{t(`lks.states.${state}`)}</StatusBadge>;
}

/** LksHistory is an application's append-only log: when, who, what happened, with amounts and notes. */
export function LksHistory({ id, events }: { id: string; events: LksEvent[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const line = (e: LksEvent) => {
    switch (e.code) {
      case 'reindexed':
        return t('lks.log.reindexed', { date: formatDate(e.note, lang), from: formatEuro(e.previousCents ?? 0, lang), to: formatEuro(e.amountCents ?? 0, lang) });
      case 'granted':
        return t('lks.log.granted', { amount: formatEuro(e.amountCents ?? 0, lang) });
      case 'reassessmentDue':
        return t('lks.log.reassessmentDue', { date: formatDate(e.note, lang) });
      case 'bookingLinked':
        return t('lks.log.bookingLinked');
      default:
        return t(`lks.log.${e.code}`);
    }
  };
  const withNote = (e: LksEvent) => !!e.note && !['reindexed', 'reassessmentDue', 'bookingLinked'].includes(e.code);
  return (
    <EventHistory
      id={`lks-history-${id}`}
      title={t('lks.history')}
      className="wh-section"
      entries={events.map((e) => ({ at: e.at, actor: t(`lks.actors.${e.actor}`), what: line(e), note: withNote(e) ? e.note : undefined }))}
    />
  );
}

/** ErrorSummary is the shared summary (components/ErrorSummary) with the LKS forms' words. */
export function ErrorSummary(props: { error?: ApiError; labels: Record<string, string>; fallback: string }) {
  const { t } = useTranslation();
  return <SharedErrorSummary {...props} title={t('lks.checkFields')} />;
}

/**
 * LksOnPlacement is the placement's loonkostensubsidie on its introduction page: the
 * running application, or the button to apply.
 */
export function LksOnPlacement({ placementId }: { placementId: string }) {
  const { t } = useTranslation();
  const list = useLksApplications({ placementId });
  const open = (list.data ?? []).find((a) => a.state !== 'withdrawn');
  if (list.isLoading) return null;
  return (
    <section aria-labelledby="lks-on-placement" className="wh-section">
      <Heading level={2} id="lks-on-placement">
        {t('lks.title')}
      </Heading>
      {open ? (
        <Paragraph>
          {t('lks.onPlacement', { state: t(`lks.states.${open.state}`).toLocaleLowerCase() })} <Link to={`/loonkostensubsidie/${open.id}`}>{t('lks.viewApplication')}</Link>
        </Paragraph>
      ) : (
        <>
          <Paragraph>{t('lks.applyHint')}</Paragraph>
          <Paragraph>
            <Link className="utrecht-button-link utrecht-button-link--primary-action-button" to={`/loonkostensubsidie/aanvragen?plaatsing=${placementId}`}>
              {t('lks.apply')}
            </Link>
          </Paragraph>
        </>
      )}
    </section>
  );
}
