import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { ChoiceGroup, Choice, DataState, Notice, PageTitle, Paragraph } from '../../components/ui';
import { ListDownload, ListPager, ListSearch, ListSort } from '../../components/ListControls';
import { useAddressState } from '../../lib/useAddressState';
import { downloadCaseload, statuses, useCaseload, type CaseloadQuery } from './api';
import { caseloadDefaults, toCaseloadQuery } from './queries';
import { formatDate } from '../../lib/format';

/** Caseload is the klantmanager's list of candidates with completeness and freshness: searched, sorted and paged on the server. */
export function Caseload() {
  const { t, i18n } = useTranslation();
  const { state, page, set, setPage } = useAddressState(caseloadDefaults);
  const filtered = !!(state.zoek || state.status || state.actueel || state.onvolledig);
  const query = toCaseloadQuery(state, page);
  const list = useCaseload(query);
  const items = list.data?.items ?? [];
  const sorts: { value: NonNullable<CaseloadQuery['sort']>; label: string }[] = [
    { value: '-updatedAt', label: t('candidate.sortUpdated') },
    { value: 'confirmedAt', label: t('candidate.sortConfirmed') },
    { value: 'name', label: t('candidate.sortName') },
    { value: '-name', label: t('candidate.sortNameDesc') },
    { value: 'completeness', label: t('candidate.sortIncomplete') },
    { value: 'code', label: t('candidate.sortCode') },
  ];
  return (
    <>
      <PageTitle>{t('nav.caseload')}</PageTitle>
      <Paragraph>{t('candidate.caseloadIntro')}</Paragraph>
      <div className="wh-filters">
        <Link to="/kandidaten/nieuw" className="utrecht-button-link utrecht-button-link--primary-action-button">
          {t('candidate.new')}
        </Link>
      </div>
      <ListSearch label={t('candidate.search')} value={state.zoek} onSearch={(zoek) => set({ zoek })} />
      <div className="wh-filters">
        <Choice label={t('candidate.status')} name="status" value={state.status} onChange={(status) => set({ status })}
          options={[{ value: '', label: t('candidate.allStatuses') }, ...statuses.map((s) => ({ value: s, label: t(`candidate.statuses.${s}`) }))]} />
        <Choice label={t('candidate.freshness')} name="freshness" value={state.actueel} onChange={(actueel) => set({ actueel })}
          options={[{ value: '', label: t('candidate.allFreshness') }, ...(['fresh', 'stale', 'expired'] as const).map((f) => ({ value: f, label: t(`candidate.fresh.${f}`) }))]} />
        <ListSort value={state.sorteer} onChange={(sorteer) => set({ sorteer })} options={sorts} />
        <ChoiceGroup multiple legend={t('candidate.completeness')} name="incomplete" values={state.onvolledig ? ['ja'] : []} onChange={(v) => set({ onvolledig: v.includes('ja') ? 'ja' : '' })}
          options={[{ value: 'ja', label: t('candidate.onlyIncomplete') }]} />
      </div>
      <ListPager page={page} totalPages={list.data?.totalPages ?? 0} total={list.data?.total} onPage={setPage} />
      <DataState isLoading={list.isLoading} error={list.error}>
        {items.length === 0 ? (
          <Notice type="info">{filtered ? t('candidate.noneFiltered') : t('candidate.none')}</Notice>
        ) : (
          <Table className="wh-table" aria-busy={list.isPlaceholderData}>
            <caption className="wh-visually-hidden">{t('candidate.caption', { count: list.data?.total ?? 0 })}</caption>
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
              {items.map((c) => (
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
      {(list.data?.total ?? 0) > 0 && <ListDownload onDownload={() => downloadCaseload(query)} note={t('candidate.downloadNote')} />}
    </>
  );
}
