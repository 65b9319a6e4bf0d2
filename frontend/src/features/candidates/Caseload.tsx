import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { CheckboxGroup, Choice, DataState, Notice, PageTitle, Paragraph } from '../../components/ui';
import { formatDate } from '../openings/OpeningPage';
import { statuses, useCaseload, type CandidateStatus, type CaseloadQuery } from './api';

type Freshness = NonNullable<CaseloadQuery['freshness']>;

/** Caseload is the klantmanager's list of candidates with completeness and freshness. */
export function Caseload() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<CandidateStatus | ''>('');
  const [freshness, setFreshness] = useState<Freshness | ''>('');
  const [incomplete, setIncomplete] = useState(false);
  const [sort, setSort] = useState<'updated' | 'confirmed' | 'code'>('updated');
  const list = useCaseload({ sort, incomplete, ...(status ? { status } : {}), ...(freshness ? { freshness } : {}) });
  return (
    <>
      <PageTitle>{t('nav.caseload')}</PageTitle>
      <Paragraph>{t('candidate.caseloadIntro')}</Paragraph>
      <div className="wh-filters">
        <Link to="/kandidaten/nieuw" className="utrecht-button-link utrecht-button-link--primary-action-button">
          {t('candidate.new')}
        </Link>
        <Choice label={t('candidate.status')} name="status" value={status} onChange={(v) => setStatus(v as CandidateStatus | '')}
          options={[{ value: '', label: t('candidate.allStatuses') }, ...statuses.map((s) => ({ value: s, label: t(`candidate.statuses.${s}`) }))]} />
        <Choice label={t('candidate.freshness')} name="freshness" value={freshness} onChange={(v) => setFreshness(v as Freshness | '')}
          options={[{ value: '', label: t('candidate.allFreshness') }, ...(['fresh', 'stale', 'expired'] as const).map((f) => ({ value: f, label: t(`candidate.fresh.${f}`) }))]} />
        <Choice label={t('portfolio.sort')} name="sort" value={sort} onChange={(v) => setSort(v as typeof sort)}
          options={[{ value: 'updated', label: t('candidate.sortUpdated') }, { value: 'confirmed', label: t('candidate.sortConfirmed') }, { value: 'code', label: t('candidate.sortCode') }]} />
        <CheckboxGroup legend={t('candidate.completeness')} name="incomplete" values={incomplete ? ['ja'] : []} onChange={(v) => setIncomplete(v.includes('ja'))}
          options={[{ value: 'ja', label: t('candidate.onlyIncomplete') }]} />
      </div>
      <DataState isLoading={list.isLoading} error={list.error}>
        {list.data?.length === 0 ? (
          <Notice type="info">{status || freshness || incomplete ? t('candidate.noneFiltered') : t('candidate.none')}</Notice>
        ) : (
          <Table className="wh-table">
            <caption className="wh-visually-hidden">{t('candidate.caption', { count: list.data?.length ?? 0 })}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('candidate.code')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('candidate.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('candidate.occupations')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('candidate.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('candidate.completeness')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('candidate.freshness')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('candidate.consent')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data?.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <Link to={`/kandidaten/${c.id}`}>{c.publicCode}</Link>
                  </TableCell>
                  <TableCell>{c.name}</TableCell>
                  <TableCell>{c.occupationLabels.join(', ') || '—'}</TableCell>
                  <TableCell>{t(`candidate.statuses.${c.status}`)}</TableCell>
                  <TableCell>
                    <span className="wh-bar" style={{ width: `${c.completeness / 25}rem` }} aria-hidden="true" />
                    {c.completeness}%
                  </TableCell>
                  <TableCell>
                    {t(`candidate.fresh.${c.freshness}`)}
                    <div className="wh-small">{t('candidate.confirmedOn', { date: formatDate(c.confirmedAt, i18n.language) })}</div>
                  </TableCell>
                  <TableCell>{c.consent ? t('candidate.consentYes') : t('candidate.consentNo')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DataState>
    </>
  );
}
