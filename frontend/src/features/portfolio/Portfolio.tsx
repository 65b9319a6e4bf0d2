import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { CheckboxGroup, Choice, DataState, Field, Notice, PageTitle, Paragraph } from '../../components/ui';
import { useSession } from '../../lib/session';
import { useDebounced } from '../../lib/useDebounced';
import { usePortfolio, type PortfolioQuery } from '../openings/api';
import { formatDate } from '../openings/OpeningPage';

/** Portfolio is the accountmanager's list of organisations with openings, attention points and last contact. */
export function Portfolio() {
  const { t, i18n } = useTranslation();
  const role = useSession().data?.user?.role;
  const [scope, setScope] = useState<'mine' | 'region'>(role === 'accountmanager' ? 'mine' : 'region');
  const [kind, setKind] = useState<'' | 'werkgever' | 'zorgaanbieder'>('');
  const [q, setQ] = useState('');
  const [attention, setAttention] = useState(false);
  const [sort, setSort] = useState<'name' | 'lastContact' | 'open'>('name');
  const dq = useDebounced(q, 250).trim();
  const query: PortfolioQuery = { scope, sort, attention, ...(kind ? { kind } : {}), ...(dq ? { q: dq } : {}) };
  const list = usePortfolio(query);
  const maxOpen = Math.max(1, ...(list.data ?? []).map((e) => e.open));
  return (
    <>
      <PageTitle>{t('portfolio.title')}</PageTitle>
      <Paragraph>{t('portfolio.intro')}</Paragraph>
      <div className="wh-filters">
        {role === 'accountmanager' && (
          <Choice label={t('portfolio.scope')} name="scope" value={scope} onChange={(v) => setScope(v as 'mine' | 'region')}
            options={[{ value: 'mine', label: t('portfolio.mine') }, { value: 'region', label: t('portfolio.region') }]} />
        )}
        <Choice label={t('portfolio.kind')} name="kind" value={kind} onChange={(v) => setKind(v as typeof kind)}
          options={[{ value: '', label: t('portfolio.allKinds') }, { value: 'werkgever', label: t('admin.kinds.werkgever') }, { value: 'zorgaanbieder', label: t('admin.kinds.zorgaanbieder') }]} />
        <Field label={t('portfolio.search')} name="q" value={q} onChange={setQ} />
        <Choice label={t('portfolio.sort')} name="sort" value={sort} onChange={(v) => setSort(v as typeof sort)}
          options={[{ value: 'name', label: t('portfolio.sortName') }, { value: 'lastContact', label: t('portfolio.sortContact') }, { value: 'open', label: t('portfolio.sortOpen') }]} />
        <CheckboxGroup legend={t('portfolio.attentionLegend')} name="attention" values={attention ? ['ja'] : []} onChange={(v) => setAttention(v.includes('ja'))}
          options={[{ value: 'ja', label: t('portfolio.attention') }]} />
      </div>
      <DataState isLoading={list.isLoading} error={list.error}>
        {list.data?.length === 0 ? (
          <Notice type="info">{attention || q || kind ? t('portfolio.noneFiltered') : t('portfolio.none')}</Notice>
        ) : (
          <Table className="wh-table">
            <caption className="wh-visually-hidden">{t('portfolio.caption', { count: list.data?.length ?? 0 })}</caption>
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
              {list.data?.map((e) => (
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
    </>
  );
}
