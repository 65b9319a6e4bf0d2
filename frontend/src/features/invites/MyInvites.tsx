import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataState, Heading, Notice, PageTitle, Paragraph } from '../../components/ui';
import { ThankForm } from '../../components/ThankForm';
import { useDecideMine, useMyInvite, useMyInvites, usePoolAppearances, useStopSharing, type Offer } from './api';
import { OfferView } from './Offer';
import { fillWeeks, weekNumber } from './weeks';
import { formatDate } from '../../lib/format';
import { decidable } from './rules';

/** MyInvites is the kandidaat's list of invites and "wie heeft naar mij gevraagd". */
export function MyInvites() {
  const { t } = useTranslation();
  const invites = useMyInvites();
  // Invites waiting for an answer first; otherwise the server's order (newest first).
  const items = [...(invites.data ?? [])].sort((a, b) => Number(decidable.includes(b.state)) - Number(decidable.includes(a.state)));
  return (
    <>
      <PageTitle>{t('nav.uitnodigingen')}</PageTitle>
      <Paragraph>{t('myInvites.intro')}</Paragraph>
      <DataState isLoading={invites.isLoading} error={invites.error}>
        {items.length === 0 ? (
          <Notice type="info">{t('myInvites.none')}</Notice>
        ) : (
          <ul className="wh-cards wh-plainlist">
            {items.map((o) => (
              <InviteCard key={o.id} offer={o} />
            ))}
          </ul>
        )}
      </DataState>
      <Appearances />
    </>
  );
}

function InviteCard({ offer }: { offer: Offer }) {
  const { t, i18n } = useTranslation();
  const open = decidable.includes(offer.state);
  return (
    <li className={`wh-card${open ? ' wh-card--pinned' : ''}`}>
      <Heading level={2}>
        <Link to={`/mijn-uitnodigingen/${offer.id}`}>{t('myInvites.from', { organisation: offer.organisationName })}</Link>
      </Heading>
      <Paragraph>
        {t('myInvites.work', { work: offer.openingTitle })}
        {offer.place && ` · ${offer.place}`}
      </Paragraph>
      <Paragraph>
        <strong>{t(`myInvites.states.${offer.state}`)}</strong>
        {open && offer.expiresAt && ` · ${t('offer.chooseUntil', { date: formatDate(offer.expiresAt, i18n.language) })}`}
      </Paragraph>
      {offer.state === 'placed' &&
        (offer.thanked ? <Paragraph>{t('thanks.kandidaat.done')}</Paragraph> : <ThankForm what={{ inviteId: offer.id }} label={offer.organisationName} />)}
    </li>
  );
}

/** Appearances shows per week in how many openings' pools the kandidaat appeared: counts only. */
function Appearances() {
  const { t } = useTranslation();
  const weeks = usePoolAppearances();
  const data = fillWeeks(weeks.data ?? [], new Date());
  const max = Math.max(1, ...data.map((w) => w.openings));
  const total = data.reduce((n, w) => n + w.openings, 0);
  return (
    <section aria-labelledby="asked" className="wh-section">
      <Heading level={2} id="asked">
        {t('myInvites.askedTitle')}
      </Heading>
      <Paragraph>{t('myInvites.askedIntro')}</Paragraph>
      <DataState isLoading={weeks.isLoading} error={weeks.error}>
        <Paragraph>{total === 0 ? t('myInvites.askedNone') : t('myInvites.askedTotal', { count: total, weeks: data.length })}</Paragraph>
        {total > 0 && (
          <>
            <div className="wh-chart" aria-hidden="true">
              {data.map((w) => (
                <div key={w.week} className="wh-chart__col">
                  <span className="wh-chart__value">{w.openings}</span>
                  <span className="wh-chart__bar" style={{ height: `${(w.openings / max) * 100}%` }} />
                  <span className="wh-chart__label">{weekNumber(w.week)}</span>
                </div>
              ))}
            </div>
            <p className="wh-small" aria-hidden="true">
              {t('myInvites.chartAxis')}
            </p>
            <details className="wh-details">
              <summary>{t('myInvites.asTable')}</summary>
              <table className="utrecht-table wh-table--compact">
                <caption className="wh-visually-hidden">{t('myInvites.askedTitle')}</caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th scope="col" className="utrecht-table__header-cell">
                      {t('myInvites.week')}
                    </th>
                    <th scope="col" className="utrecht-table__header-cell">
                      {t('myInvites.openings')}
                    </th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {data.map((w) => (
                    <tr key={w.week} className="utrecht-table__row">
                      <td className="utrecht-table__cell">{t('myInvites.weekLabel', { week: weekNumber(w.week), year: w.week.slice(0, 4) })}</td>
                      <td className="utrecht-table__cell">{w.openings}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </DataState>
    </section>
  );
}

/** MyInvite is one invite for the signed-in kandidaat: read it, say yes or no, stop sharing. */
export function MyInvite() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const offer = useMyInvite(id);
  const decide = useDecideMine(id);
  const stop = useStopSharing(id);
  return (
    <DataState isLoading={offer.isLoading} error={offer.error}>
      {offer.data && (
        <OfferView
          offer={offer.data}
          decide={(d) => decide.mutate(d)}
          deciding={decide.isPending}
          decideError={decide.error}
          stopSharing={{ run: () => stop.mutate(undefined), pending: stop.isPending, error: stop.error, done: stop.isSuccess }}
        />
      )}
      <Paragraph>
        <Link to="/mijn-uitnodigingen">{t('myInvites.back')}</Link>
      </Paragraph>
    </DataState>
  );
}
