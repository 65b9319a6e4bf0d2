import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { DataState, Heading, Paragraph } from '../../components/ui';
import { api } from '../../lib/api/client';

const mark: Record<string, string> = { match: '✓', near: '≈', missing: '✗' };

/** FittingOpenings is the klantmanager's "Passende vacatures" for one candidate. */
export function FittingOpenings({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const fits = useQuery({
    queryKey: ['fits', id],
    queryFn: async () => (await api.GET('/candidates/{id}/openings', { params: { path: { id } } })).data!.items,
  });
  return (
    <section aria-labelledby="fits">
      <Heading level={2} id="fits">
        {t('fits.title')}
      </Heading>
      <Paragraph>{t('fits.intro')}</Paragraph>
      <DataState isLoading={fits.isLoading} error={fits.error}>
        {fits.data?.length === 0 ? (
          <Paragraph>{t('fits.none')}</Paragraph>
        ) : (
          <div className="wh-cards">
            {fits.data?.map((f) => (
              <article key={f.openingId} className="wh-card" aria-labelledby={`fit-${f.openingId}`}>
                <Heading level={3} id={`fit-${f.openingId}`}>
                  {f.title}
                </Heading>
                <Paragraph>
                  {f.organisationName} · {f.place} · {t('pool.km', { km: f.distanceKm })} · {t(`pool.match.${f.occupationMatch}`).toLowerCase()}
                </Paragraph>
                <ul className="wh-reasons">
                  {f.reasons.map((r, i) => (
                    <li key={i} className={`wh-reason wh-reason--${r.outcome}`}>
                      <span aria-hidden="true">{mark[r.outcome]} </span>
                      <span className="wh-visually-hidden">{t(`pool.outcomes.${r.outcome}`)}: </span>
                      {i18n.language.startsWith('en') ? r.reasonEn : r.reasonNl}
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
        )}
      </DataState>
    </section>
  );
}
