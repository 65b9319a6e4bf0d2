import { useTranslation } from 'react-i18next';
import { Paragraph } from './ui';

/**
 * RankingOrder is the pool's order in plain words: recommended candidates
 * first, then four groups, then the order within a group. Shared by the
 * public page Zo werkt het zoeken and an opening's Kandidaten tab, so both
 * say the same as the pool query does.
 */
export function RankingOrder() {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t('ranking.order.pinned')}</Paragraph>
      <Paragraph>{t('ranking.order.groupsIntro')}</Paragraph>
      <ol>
        {(t('ranking.order.groups', { returnObjects: true }) as string[]).map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ol>
      <Paragraph>{t('ranking.order.within')}</Paragraph>
    </>
  );
}
