import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** OpeningTabs links an opening's details, its pool and its invites, marking the current one. */
export function OpeningTabs({ id, current }: { id: string; current: 'details' | 'pool' | 'invites' }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('pool.tabs')} className="wh-tabs">
      <Link to={`/vacatures/${id}`} aria-current={current === 'details' ? 'page' : undefined}>
        {t('pool.detailsTab')}
      </Link>
      <Link to={`/vacatures/${id}/kandidaten`} aria-current={current === 'pool' ? 'page' : undefined}>
        {t('pool.tab')}
      </Link>
      <Link to={`/vacatures/${id}/uitnodigingen`} aria-current={current === 'invites' ? 'page' : undefined}>
        {t('invites.tab')}
      </Link>
    </nav>
  );
}
