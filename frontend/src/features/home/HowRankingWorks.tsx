import { useTranslation } from 'react-i18next';
import { Heading, PageTitle, Paragraph } from '../../components/ui';
import { RankingOrder } from '../../components/RankingOrder';

const sections = ['who', 'order', 'never', 'people', 'risks'] as const;

/** HowRankingWorks explains who is in a pool and in which order, in plain language; public, no sign-in. */
export function HowRankingWorks() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('ranking.title')}</PageTitle>
      <Paragraph>{t('ranking.intro')}</Paragraph>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`ranking-${s}`}>
          <Heading level={2} id={`ranking-${s}`}>
            {t(`ranking.${s}.title`)}
          </Heading>
          {s === 'order' ? (
            <RankingOrder />
          ) : (
            <ul>
              {(t(`ranking.${s}.items`, { returnObjects: true }) as string[]).map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
