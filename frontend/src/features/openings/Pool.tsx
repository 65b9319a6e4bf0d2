import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, CheckboxGroup, Choice, DataState, Heading, Notice, PageTitle, Paragraph } from '../../components/ui';
import { api } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';
import { useSession } from '../../lib/session';
import { useOpening } from './api';
import { formatDate } from './OpeningPage';

type Card = components['schemas']['CardBody'];
type PoolQuery = NonNullable<paths['/openings/{id}/pool']['get']['parameters']['query']>;

function usePool(id: string, query: PoolQuery) {
  return useQuery({
    queryKey: ['pool', id, query],
    placeholderData: keepPreviousData,
    queryFn: async () => (await api.GET('/openings/{id}/pool', { params: { path: { id }, query } })).data!,
  });
}

function usePin(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ candidateId, pin }: { candidateId: string; pin: boolean }) => {
      if (pin) await api.POST('/openings/{id}/pins', { params: { path: { id } }, body: { candidateId } });
      else await api.DELETE('/openings/{id}/pins/{candidateId}', { params: { path: { id, candidateId } } });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['pool', id] }),
  });
}

const mark: Record<string, string> = { match: '✓', near: '≈', missing: '✗' };

/** OpeningTabs links an opening's details and its pool, marking the current one. */
export function OpeningTabs({ id, current }: { id: string; current: 'details' | 'pool' }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('pool.tabs')} className="wh-tabs">
      <Link to={`/vacatures/${id}`} aria-current={current === 'details' ? 'page' : undefined}>
        {t('pool.detailsTab')}
      </Link>
      <Link to={`/vacatures/${id}/kandidaten`} aria-current={current === 'pool' ? 'page' : undefined}>
        {t('pool.tab')}
      </Link>
    </nav>
  );
}

function CandidateCard({ c, canPin, onPin }: { c: Card; canPin: boolean; onPin: (pin: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const gaps = [...new Set(c.reasons.map((r) => r.gap).filter(Boolean))] as string[];
  return (
    <article className={`wh-card${c.pinned ? ' wh-card--pinned' : ''}`} aria-labelledby={`card-${c.id}`}>
      <Heading level={3} id={`card-${c.id}`}>
        {c.code}
        {c.pinned && <span className="wh-tag"> · {t('pool.recommended')}</span>}
      </Heading>
      {c.pinNote && <Paragraph>“{c.pinNote}”</Paragraph>}
      <Paragraph>
        {c.occupations.join(', ')} · {t('pool.km', { km: c.distanceKm })} · {c.hoursMax ? t('opening.hoursRange', { min: c.hoursMin, max: c.hoursMax }) : ''}
        {' · '}
        {c.availableFrom ? t('pool.availableFrom', { date: formatDate(c.availableFrom, i18n.language) }) : t('pool.availableNow')} · {t('pool.rung', { rung: c.rung })}
        {c.freshness === 'stale' && ` · ${t('candidate.fresh.stale')}`}
      </Paragraph>
      <Heading level={4}>{t('pool.why')}</Heading>
      <ul className="wh-reasons">
        {c.reasons.map((r, i) => (
          <li key={i} className={`wh-reason wh-reason--${r.outcome}`}>
            <span aria-hidden="true">{mark[r.outcome]} </span>
            <span className="wh-visually-hidden">{t(`pool.outcomes.${r.outcome}`)}: </span>
            {en ? r.reasonEn : r.reasonNl}
          </li>
        ))}
      </ul>
      {gaps.length > 0 && (
        <Paragraph>
          {t('pool.gaps')}{' '}
          {gaps.map((g, i) => (
            <span key={g}>
              {i > 0 && ', '}
              <Link to={`/diensten?soort=${g}`}>{t(`pool.gap.${g}`)}</Link>
            </span>
          ))}
        </Paragraph>
      )}
      {canPin && (
        <Button secondary onClick={() => onPin(!c.pinned)}>
          {c.pinned ? t('pool.unpin', { code: c.code }) : t('pool.pin', { code: c.code })}
        </Button>
      )}
    </article>
  );
}

/** OpeningPool is the opening's Kandidaten tab: anonymous cards, filters with counts, reasons and gaps. */
export function OpeningPool() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const role = useSession().data?.user?.role;
  const canPin = role === 'accountmanager' || role === 'admin';
  const opening = useOpening(id);
  const [radius, setRadius] = useState('');
  const [options, setOptions] = useState<string[]>([]);
  const [minEducation, setMinEducation] = useState('');
  const [page, setPage] = useState(1);
  const query: PoolQuery = {
    page,
    ...(radius ? { radiusKm: Number(radius) } : {}),
    ...(options.includes('drivingLicence') ? { drivingLicence: true } : {}),
    ...(options.includes('freshOnly') ? { freshOnly: true } : {}),
    ...(options.includes('offeredSupport') ? { offeredSupport: true } : {}),
    ...(minEducation ? { minEducation: minEducation as PoolQuery['minEducation'] } : {}),
  };
  const pool = usePool(id, query);
  const pin = usePin(id);
  const count = (facet: string, value: string) => pool.data?.facets?.[facet]?.[value] ?? 0;
  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  return (
    <DataState isLoading={opening.isLoading} error={opening.error}>
      {opening.data && (
        <>
          <PageTitle>{t('pool.title', { title: opening.data.title })}</PageTitle>
          <OpeningTabs id={id} current="pool" />
          <Paragraph>{t('pool.intro')}</Paragraph>
          <form className="wh-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('pool.filters')}>
            <Choice label={t('pool.radius')} name="radius" value={radius} onChange={change(setRadius)}
              options={[{ value: '', label: t('pool.radiusDefault', { km: opening.data.maxTravelKm }) }, ...[5, 10, 15, 25, 50, 100].map((k) => ({ value: String(k), label: t('pool.km', { km: k }) }))]} />
            <Choice label={t('pool.minEducation')} name="minEducation" value={minEducation} onChange={change(setMinEducation)}
              options={[{ value: '', label: t('pool.anyEducation') }, ...['vmbo', 'mbo1', 'mbo2', 'mbo3', 'mbo4', 'havo', 'hbo'].map((e) => ({ value: e, label: t(`candidate.educationLevels.${e}`) }))]} />
            <CheckboxGroup legend={t('pool.narrow')} name="options" values={options} onChange={change(setOptions)}
              options={[
                { value: 'drivingLicence', label: t('pool.withLicence', { count: count('drivingLicence', 'true') }) },
                { value: 'freshOnly', label: t('pool.freshOnly') },
                { value: 'offeredSupport', label: t('pool.offeredSupport') },
              ]} />
          </form>
          <DataState isLoading={pool.isLoading} error={pool.error}>
            <p role="status" className="wh-count">
              {t('pool.count', { count: pool.data?.total ?? 0 })}
            </p>
            {pool.data?.items.length === 0 ? (
              <Notice type="info">{t('pool.empty')}</Notice>
            ) : (
              <div className="wh-cards">
                {pool.data?.items.map((c) => (
                  <CandidateCard key={c.id} c={c} canPin={canPin} onPin={(p) => pin.mutate({ candidateId: c.id, pin: p })} />
                ))}
              </div>
            )}
            {(pool.data?.totalPages ?? 0) > 1 && (
              <div className="wh-actions">
                <Button secondary disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {t('pool.previous')}
                </Button>
                <span>{t('pool.page', { page, pages: pool.data?.totalPages })}</span>
                <Button secondary disabled={page >= (pool.data?.totalPages ?? 1)} onClick={() => setPage(page + 1)}>
                  {t('pool.next')}
                </Button>
              </div>
            )}
          </DataState>
        </>
      )}
    </DataState>
  );
}
