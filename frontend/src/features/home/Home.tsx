import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { DataState, Heading, PageTitle, Paragraph } from '../../components/ui';
import { useSession, type Role } from '../../lib/session';
import { useBookingCount, useMyOverview, useMyShare, type Share } from './api';
import { bookingCountFor, retention, workItems } from './overview';
import { HeadlineFigures, SubsidyDeadlines } from './Slots';
import { FirstSteps } from './FirstSteps';
import { formatDate } from '../../lib/format';
import { usePortfolio } from '../portfolio';
import { useMine, SharingReminder } from '../candidates';

const staff: Role[] = ['accountmanager', 'klantmanager', 'admin'];

/** Home is the start page: the work waiting for the user's role, Jouw aandeel for klantmanagers and accountmanagers, and the slots for the region's figures and subsidy deadlines. */
export function Home() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  // A kandidaat's account carries only their public code; their own name is in their details.
  const mine = useMine(user?.role === 'kandidaat');
  if (!user) return null;
  const role = user.role as Role;
  // The platform administrator has no region's work: its start page is the regions.
  if (role === 'platform') return <Navigate to="/platform/regios" replace />;
  const shares = role === 'klantmanager' || role === 'accountmanager';
  const name = role === 'kandidaat' ? mine.data?.identity.name : user.displayName;
  return (
    <>
      <PageTitle>{name ? t('home.title', { name }) : t('home.titleNoName')}</PageTitle>
      <Paragraph>{role === 'kandidaat' ? t('home.introKandidaat') : t('home.intro', { role: t(`roles.${role}`) })}</Paragraph>
      {user.organisationId && (role === 'werkgever' || role === 'zorgaanbieder') && <FirstSteps organisationId={user.organisationId} />}
      {role === 'kandidaat' && <SharingReminder />}
      <WorkOverview role={role} />
      <SubsidyDeadlines role={role} />
      {shares && <JouwAandeel />}
      {staff.includes(role) && <HeadlineFigures role={role} />}
    </>
  );
}

function WorkOverview({ role }: { role: Role }) {
  const { t } = useTranslation();
  const overview = useMyOverview();
  const b = bookingCountFor(role);
  const bookings = useBookingCount(b);
  const staffRole = role === 'accountmanager' || role === 'admin';
  const portfolio = usePortfolio({}, staffRole);
  const reviews = portfolio.data?.reduce((n, o) => n + o.reviewRequested, 0);
  const items = workItems(role, overview.data, bookings.data, reviews);
  const waiting = items.filter((i) => i.count > 0);
  return (
    <section aria-labelledby="work" className="wh-section">
      <Heading level={2} id="work">
        {t('home.work')}
      </Heading>
      <DataState isLoading={overview.isLoading || (!!b && bookings.isLoading) || portfolio.isLoading} error={overview.error ?? bookings.error ?? portfolio.error}>
        {waiting.length === 0 ? (
          <Paragraph>{role === 'kandidaat' ? t('home.nothingKandidaat') : t('home.nothing')}</Paragraph>
        ) : (
          <ul className="wh-cards wh-plainlist">
            {waiting.map((i) => (
              <li key={i.key} className="wh-card">
                <Paragraph>
                  <strong className="wh-count">{i.count}</strong> {t(`home.items.${i.key}`)}
                </Paragraph>
                <Link to={i.to}>
                  {t('home.open')}
                  <span className="wh-visually-hidden">: {t(`home.items.${i.key}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {role === 'admin' && (
          <Paragraph>
            <Link to="/beheer/gebruikers">{t('home.items.users')}</Link>
          </Paragraph>
        )}
      </DataState>
    </section>
  );
}

/** JouwAandeel shows the signed-in klantmanager or accountmanager their own placements, retention and thank-yous. */
function JouwAandeel() {
  const { t } = useTranslation();
  const share = useMyShare(true);
  return (
    <section aria-labelledby="jouw-aandeel-title" id="jouw-aandeel" className="wh-section">
      <Heading level={2} id="jouw-aandeel-title">
        {t('home.share.title')}
      </Heading>
      <DataState isLoading={share.isLoading} error={share.error}>
        {share.data && <ShareView share={share.data} />}
      </DataState>
    </section>
  );
}

export function ShareView({ share }: { share: Share }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const point = (r: Share['week13']) => {
    const v = retention(r);
    if (!v) return t('home.share.retentionNone');
    return `${t('home.share.retention', v)} (${t('home.share.retentionDetail', { ended: r.ended, unanswered: r.unanswered })})`;
  };
  return (
    <>
      <Paragraph>{t('home.share.intro', { from: formatDate(share.from, lang), to: formatDate(share.to, lang) })}</Paragraph>
      <dl className="wh-dl">
        <dt>{t('home.share.placements')}</dt>
        <dd>{share.placements}</dd>
        <dt>{t('home.share.week13')}</dt>
        <dd>{point(share.week13)}</dd>
        <dt>{t('home.share.week26')}</dt>
        <dd>{point(share.week26)}</dd>
      </dl>
      <Heading level={3}>{t('home.share.thanks')}</Heading>
      {share.thankYous.length === 0 ? (
        <Paragraph>{t('home.share.noThanks')}</Paragraph>
      ) : (
        <ul className="wh-plainlist wh-thanklist">
          {share.thankYous.map((ty) => (
            <li key={ty.id}>
              <blockquote className="wh-pre">{ty.message}</blockquote>
              <span className="wh-small">
                {t('home.share.from', { from: ty.from === 'organisation' ? ty.organisationName : t('home.share.fromKandidaat'), date: formatDate(ty.createdAt, lang) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
