import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataState, Heading, Paragraph } from '../../components/ui';
import type { Role } from '../../lib/session';
import { undecided, useLksApplications } from '../subsidies';
import { useFigures, emptyFilters, preset } from '../figures';

/**
 * HeadlineFigures are the region's headline figures on the staff start page: the openings published in the last 12
 * months and what came of them (GET /figures; a klantmanager sees their caseload's part), with a link to Cijfers for
 * those who have it.
 */
export function HeadlineFigures({ role }: { role: Role }) {
  const { t } = useTranslation();
  const figures = useFigures({ ...emptyFilters, ...preset(12) }, 10 * 60_000);
  const f = figures.data?.funnel;
  const rows: [string, string][] = f
    ? [
        ['openingsPublished', String(f.openingsPublished)],
        ['invitesSent', String(f.invitesSent)],
        ['placements', String(f.placements)],
        ['stillEmployed26w', t('home.figures.ofDue', { yes: f.stillEmployed26w.yes, due: f.stillEmployed26w.due })],
      ]
    : [];
  return (
    <section aria-labelledby="home-figures" className="wh-section">
      <Heading level={2} id="home-figures">
        {t('home.figures.title')}
      </Heading>
      <DataState isLoading={figures.isLoading} error={figures.error}>
        <dl className="wh-dl">
          {rows.map(([k, v]) => (
            <Fragment key={k}>
              <dt>{t(`home.figures.${k}`)}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
        </dl>
        {(role === 'accountmanager' || role === 'admin') && (
          <Paragraph>
            <Link to="/cijfers">{t('home.figures.more')}</Link>
          </Paragraph>
        )}
      </DataState>
    </section>
  );
}

/**
 * SubsidyDeadlines is the loonkostensubsidie work on the start page: for the accountmanager and admin the
 * applications that wait for their decision, for an organisation its applications still in progress. The
 * deadlines themselves reach users as subsidy_deadline notifications (6 and 2 weeks before) under Meldingen.
 */
export function SubsidyDeadlines({ role }: { role: Role }) {
  const { t } = useTranslation();
  const enabled = ['accountmanager', 'admin', 'werkgever', 'zorgaanbieder'].includes(role);
  const apps = useLksApplications({ state: undecided }, enabled);
  const count = apps.data?.length ?? 0;
  if (!enabled || count === 0) return null;
  const staff = role === 'accountmanager' || role === 'admin';
  const label = t(staff ? 'home.items.lksAwaitingDecision' : 'home.items.lksInProgress');
  return (
    <section aria-labelledby="home-subsidies" className="wh-section">
      <Heading level={2} id="home-subsidies">
        {t('home.subsidies')}
      </Heading>
      <ul className="wh-cards wh-plainlist">
        <li className="wh-card">
          <Paragraph>
            <strong className="wh-count">{count}</strong> {label}
          </Paragraph>
          <Link to="/loonkostensubsidie">
            {t('home.open')}
            <span className="wh-visually-hidden">: {label}</span>
          </Link>
        </li>
      </ul>
    </section>
  );
}
