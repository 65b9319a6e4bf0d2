import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Choice, DataState, PageTitle, Paragraph } from '../../components/ui';
import { useSession } from '../../lib/session';
import { undecided, useLksApplications, type LksApplication, type LksState } from './applications';
import { LksBadge } from './LksParts';
import { formatDate, formatEuro } from '../../lib/format';

const views = ['queue', 'all'] as const;

/**
 * Applications is /loonkostensubsidie: the accountmanager's decision queue (or every
 * application of the region), and an organisation's own applications.
 */
export function Applications() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const staff = me?.role === 'accountmanager' || me?.role === 'admin';
  const [params, setParams] = useSearchParams();
  const view = staff && params.get('weergave') !== 'alle' ? 'queue' : 'all';
  const list = useLksApplications(view === 'queue' ? { state: undecided } : {});
  return (
    <>
      <PageTitle>{staff ? t('lks.listTitleStaff') : t('lks.listTitle')}</PageTitle>
      <Paragraph>{staff ? t('lks.listIntroStaff') : t('lks.listIntro')}</Paragraph>
      {staff && (
        <Choice label={t('lks.view')} name="view" value={view} onChange={(v) => setParams(v === 'all' ? { weergave: 'alle' } : {})}
          options={views.map((v) => ({ value: v, label: t(`lks.views.${v}`) }))} />
      )}
      <DataState isLoading={list.isLoading} error={list.error}>
        {(list.data ?? []).length === 0 ? (
          <Paragraph>{view === 'queue' ? t('lks.queueEmpty') : t('lks.none')}</Paragraph>
        ) : (
          <ApplicationsTable items={list.data ?? []} showOrganisation={staff} />
        )}
      </DataState>
    </>
  );
}

function ApplicationsTable({ items, showOrganisation }: { items: LksApplication[]; showOrganisation: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const amount = (a: LksApplication) => (a.state === 'granted' && a.monthlyCents !== undefined ? t('lks.perMonth', { amount: formatEuro(a.monthlyCents, lang) }) : '—');
  return (
    <Table className="wh-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('lks.placement')}</TableHeaderCell>
          {showOrganisation && <TableHeaderCell scope="col">{t('lks.organisation')}</TableHeaderCell>}
          <TableHeaderCell scope="col">{t('lks.stateLabel')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('lks.appliedOn')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('lks.amount')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((a) => (
          <TableRow key={a.id}>
            <TableCell>
              <Link to={`/loonkostensubsidie/${a.id}`}>{t('lks.rowTitle', { code: a.candidateCode, opening: a.openingTitle })}</Link>
            </TableCell>
            {showOrganisation && <TableCell>{a.organisationName}</TableCell>}
            <TableCell>
              <LksBadge state={a.state as LksState} />
            </TableCell>
            <TableCell>{formatDate(a.createdAt, lang)}</TableCell>
            <TableCell>{amount(a)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
