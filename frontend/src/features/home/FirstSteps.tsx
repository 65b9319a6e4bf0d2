import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataState, Heading, Paragraph } from '../../components/ui';
import { useFirstSteps } from './api';

/** FirstSteps is a new organisation's checklist on its start page, shown until every step is done. */
export function FirstSteps({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const steps = useFirstSteps(organisationId);
  const s = steps.data;
  const items = s
    ? [
        { key: 'profile', done: s.missing.length === 0, link: <Link to="/organisatie">{t('home.firstSteps.profileLink')}</Link> },
        { key: 'vacature', done: s.openings > 0, link: <Link to="/vacatures/nieuw">{t('home.firstSteps.vacatureLink')}</Link> },
        {
          key: 'accountmanager',
          done: s.metAccountmanager,
          link: s.accountmanagerEmail ? (
            <a href={`mailto:${s.accountmanagerEmail}`}>{t('home.firstSteps.accountmanagerLink', { name: s.accountmanagerName })}</a>
          ) : (
            <span>{t('home.firstSteps.noAccountmanager')}</span>
          ),
        },
      ]
    : [];
  if (s && items.every((i) => i.done)) return null;
  return (
    <section aria-labelledby="first-steps" className="wh-section">
      <Heading level={2} id="first-steps">
        {t('home.firstSteps.title')}
      </Heading>
      <DataState isLoading={steps.isLoading} error={steps.error}>
        <Paragraph>{t('home.firstSteps.intro', { done: items.filter((i) => i.done).length, total: items.length })}</Paragraph>
        <ol className="wh-cards wh-plainlist">
          {items.map((i) => (
            <li key={i.key} className="wh-card">
              <Paragraph>
                <strong>{t(`home.firstSteps.${i.key}`)}</strong> — {i.done ? t('home.firstSteps.done') : t('home.firstSteps.todo')}
              </Paragraph>
              {!i.done && i.link}
            </li>
          ))}
        </ol>
      </DataState>
    </section>
  );
}
