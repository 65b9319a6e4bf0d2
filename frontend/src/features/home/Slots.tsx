import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Heading, Paragraph } from '../../components/ui';
import type { Role } from '../../lib/session';
import { undecided, useLksApplications } from '../subsidies/applications';

/**
 * HeadlineFigures is the slot for the region's headline figures (issue item 1) on the staff start page. It renders
 * nothing yet: the integrator wires it to GET /api/v1/figures (package insight) when that lands.
 */
export function HeadlineFigures() {
  return null;
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
