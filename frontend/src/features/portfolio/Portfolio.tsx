import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { ChoiceGroup, Choice, DataState, Notice, PageTitle, Paragraph } from '../../components/ui';
import { ListDownload, ListPager, ListSearch, ListSort } from '../../components/ListControls';
import { useAddressState } from '../../lib/useAddressState';
import { useSession } from '../../lib/session';
import { formatDate } from '../../lib/format';
import { downloadPortfolio, usePortfolioPage, type PortfolioQuery } from './api';

/** Portfolio is the accountmanager's list of organisations with openings, attention points and last contact. */
export function Portfolio() {
  const { t, i18n } = useTranslation();
  const role = useSession().data?.user?.role;
  const { state, page, set, setPage } = useAddressState({ bereik: role === 'accountmanager' ? 'mine' : 'region', soort: '', zoek: '', aandacht: '', sorteer: 'name' });
  const scope = role === 'accountmanager' && state.bereik === 'mine' ? 'mine' : 'region';
  const kind = state.soort === 'werkgever' || state.soort === 'zorgaanbieder' ? state.soort : '';
  const attention = !!state.aandacht;
  const query: PortfolioQuery = {
    scope,
    sort: state.sorteer as PortfolioQuery['sort'],
    attention,
    page,
    pageSize: 25,
    ...(kind ? { kind } : {}),
    ...(state.zoek ? { q: state.zoek } : {}),
  };
  const list = usePortfolioPage(query);
  const items = list.data?.items ?? [];
  const maxOpen = Math.max(1, ...items.map((e) => e.open));
  return (
    <>
      <PageTitle>{t('portfolio.title')}</PageTitle>
      <Paragraph>{t('portfolio.intro')}</Paragraph>
      <ListSearch label={t('portfolio.search')} value={state.zoek} onSearch={(zoek) => set({ zoek })} />
      <div className="wh-filters">
        {role === 'accountmanager' && (
          <Choice label={t('portfolio.scope')} name="scope" value={scope} onChange={(bereik) => set({ bereik })}
            options={[{ value: 'mine', label: t('portfolio.mine') }, { value: 'region', label: t('portfolio.region') }]} />
        )}
        <Choice label={t('portfolio.kind')} name="kind" value={kind} onChange={(soort) => set({ soort })}
          options={[{ value: '', label: t('portfolio.allKinds') }, { value: 'werkgever', label: t('admin.kinds.werkgever') }, { value: 'zorgaanbieder', label: t('admin.kinds.zorgaanbieder') }]} />
        <ListSort value={state.sorteer} onChange={(sorteer) => set({ sorteer })}
          options={[{ value: 'name', label: t('portfolio.sortName') }, { value: 'lastContact', label: t('portfolio.sortContact') }, { value: '-open', label: t('portfolio.sortOpen') }]} />
        <ChoiceGroup multiple legend={t('portfolio.attentionLegend')} name="attention" values={attention ? ['ja'] : []} onChange={(v) => set({ aandacht: v.includes('ja') ? 'ja' : '' })}
          options={[{ value: 'ja', label: t('portfolio.attention') }]} />
      </div>
      <ListPager page={page} totalPages={list.data?.totalPages ?? 0} total={list.data?.total} onPage={setPage} />
      <DataState isLoading={list.isLoading} error={list.error}>
        {items.length === 0 ? (
          <Notice type="info">{attention || state.zoek || kind ? t('portfolio.noneFiltered') : t('portfolio.none')}</Notice>
        ) : (
          <Table className="wh-table">
            <caption className="wh-visually-hidden">{t('portfolio.caption', { count: list.data?.total ?? 0 })}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('portfolio.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('portfolio.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('portfolio.accountmanager')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('portfolio.open')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('portfolio.draft')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('portfolio.attentionCol')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('portfolio.lastContact')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((e) => (
                <TableRow key={e.organisationId}>
                  <TableCell>
                    <Link to={`/organisaties/${e.organisationId}`}>{e.name}</Link>
                  </TableCell>
                  <TableCell>{t(`admin.kinds.${e.kind}`)}</TableCell>
                  <TableCell>{e.accountmanagerName || t('portfolio.unassigned')}</TableCell>
                  <TableCell>
                    <span className="wh-bar" style={{ width: `${(e.open / maxOpen) * 4}rem` }} aria-hidden="true" />
                    {e.open}
                  </TableCell>
                  <TableCell>{e.draft}</TableCell>
                  <TableCell>
                    {e.reviewRequested > 0 && <div>{t('portfolio.reviewRequested', { count: e.reviewRequested })}</div>}
                    {e.fairnessBlocked > 0 && <div>{t('portfolio.blocked', { count: e.fairnessBlocked })}</div>}
                    {e.reviewRequested === 0 && e.fairnessBlocked === 0 && '—'}
                  </TableCell>
                  <TableCell>
                    {e.lastContactOn ? `${formatDate(e.lastContactOn, i18n.language)} (${t(`contact.kinds.${e.lastContactKind}`)})` : t('portfolio.noContact')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DataState>
      {(list.data?.total ?? 0) > 0 && <ListDownload onDownload={() => downloadPortfolio(query)} />}
    </>
  );
}
