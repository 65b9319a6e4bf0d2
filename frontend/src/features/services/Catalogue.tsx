import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Choice, DataState, Heading, PageTitle, Paragraph } from '../../components/ui';
import { useSession } from '../../lib/session';
import { useServices, type Service } from './api';
import { kindFromParam, knownKinds } from './format';
import { ServiceTerms, useKindLabel } from './parts';
import { LksCard } from '../subsidies';

const bookers = ['werkgever', 'zorgaanbieder', 'accountmanager', 'admin'];

function ServiceCard({ s, canBook, canEdit }: { s: Service; canBook: boolean; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel();
  const en = i18n.language.startsWith('en');
  const title = (en && s.titleEn) || s.titleNl;
  const description = (en && s.descriptionEn) || s.descriptionNl;
  return (
    <article className="wh-card wh-service" aria-labelledby={`service-${s.id}`}>
      <Heading level={2} id={`service-${s.id}`}>
        {title}
      </Heading>
      {!title.toLowerCase().startsWith(kindLabel(s.kind).toLowerCase()) && <Paragraph className="wh-small">{kindLabel(s.kind)}</Paragraph>}
      {description && <Paragraph>{description}</Paragraph>}
      <ServiceTerms s={s} />
      <div className="wh-actions">
        {canBook && (
          <Link className="utrecht-button-link utrecht-button-link--primary-action-button" to={`/diensten/${s.id}/boeken`}>
            {t('services.book')}
            <span className="wh-visually-hidden"> {title}</span>
          </Link>
        )}
        {canEdit && (
          <Link to={`/beheer/diensten/${s.id}`}>
            {t('serviceAdmin.edit')}
            <span className="wh-visually-hidden"> {title}</span>
          </Link>
        )}
      </div>
    </article>
  );
}

/** Catalogue is the Diensten page: the region's services with clear prices, filtered by kind (?soort=, also the pool's gaps). */
export function Catalogue() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const [params, setParams] = useSearchParams();
  const role = useSession().data?.user?.role ?? '';
  const services = useServices();
  const kind = kindFromParam(params.get('soort'));
  const all = services.data ?? [];
  const kinds = [...new Set([...knownKinds.filter((k) => all.some((s) => s.kind === k)), ...all.map((s) => s.kind)])];
  if (kind && !kinds.includes(kind)) kinds.push(kind);
  const shown = kind ? all.filter((s) => s.kind === kind) : all;
  const count = (k: string) => all.filter((s) => s.kind === k).length;
  return (
    <>
      <PageTitle>{t('services.title')}</PageTitle>
      <Paragraph>{t('services.intro')}</Paragraph>
      <DataState isLoading={services.isLoading} error={services.error}>
        <div className="wh-filters">
          <Choice
            label={t('services.kindFilter')}
            name="soort"
            value={kind}
            onChange={(v) => setParams(v ? { soort: v } : {}, { replace: true })}
            options={[
              { value: '', label: t('services.allKinds', { count: all.length }) },
              ...kinds.map((k) => ({ value: k, label: `${kindLabel(k)} (${count(k)})` })),
            ]}
          />
        </div>
        <Paragraph role="status" className="wh-count">
          {kind ? t('services.countKind', { count: shown.length, kind: kindLabel(kind) }) : t('services.count', { count: shown.length })}
        </Paragraph>
        {shown.length === 0 ? (
          <Paragraph>
            {t('services.noneOfKind')} <Link to="/diensten">{t('services.showAll')}</Link>
          </Paragraph>
        ) : (
          <div className="wh-cards">
            {shown.map((s) => (
              <ServiceCard key={s.id} s={s} canBook={bookers.includes(role)} canEdit={role === 'admin'} />
            ))}
            {(!kind || kind === 'loonwaardebepaling') && bookers.includes(role) && <LksCard />}
          </div>
        )}
      </DataState>
    </>
  );
}
