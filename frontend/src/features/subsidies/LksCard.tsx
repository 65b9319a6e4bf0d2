import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Heading, Paragraph } from '../../components/ui';

/**
 * LksCard is "Loonkostensubsidie aanvragen" in the services catalogue: not a paid
 * booking, but an application made from the placement.
 */
export function LksCard() {
  const { t } = useTranslation();
  return (
    <article className="wh-card wh-service" aria-labelledby="service-lks">
      <Heading level={2} id="service-lks">
        {t('lks.cardTitle')}
      </Heading>
      <Paragraph>{t('lks.cardText')}</Paragraph>
      <Paragraph>{t('lks.cardHow')}</Paragraph>
      <div className="wh-actions">
        <Link className="utrecht-button-link utrecht-button-link--primary-action-button" to="/opvolging">
          {t('lks.cardPlacements')}
        </Link>
        <Link to="/loonkostensubsidie">{t('lks.cardApplications')}</Link>
      </div>
    </article>
  );
}
