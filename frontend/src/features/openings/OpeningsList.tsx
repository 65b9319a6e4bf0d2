import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Choice, DataState, Notice, PageTitle, Paragraph } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import { useChangeState, useOpeningsPage, type Opening, type OpeningsQuery, type OpeningState } from './api';
import { ListPager, ListSearch, ListSort } from '../../components/ListControls';
import { useAddressState } from '../../lib/useAddressState';
import { formatDate } from '../../lib/format';

const states: OpeningState[] = ['draft', 'open', 'paused', 'filled', 'closed'];

/** QuickAction publishes a draft or pauses/reopens an opening from the list. */
function QuickAction({ o }: { o: Opening }) {
  const { t } = useTranslation();
  const move = useChangeState(o.id);
  const to = o.state === 'open' ? 'paused' : o.allowedStates.includes('open') ? 'open' : undefined;
  if (!to) return null;
  const label = to === 'paused' ? t('opening.pause') : o.state === 'paused' ? t('opening.reopen') : t('opening.publish');
  return (
    <>
      <button type="button" className="wh-linkbutton wh-linkbutton--dark" disabled={move.isPending} onClick={() => move.mutate({ state: to })}
        aria-label={`${label}: ${o.title}`}>
        {label}
      </button>
      {move.error instanceof ApiError && (
        <span role="alert" className="wh-inline-error">
          {' '}
          {move.error.code === 'fairness' ? t('opening.blockedShort') : move.error.message}
        </span>
      )}
    </>
  );
}

/** OpeningsTable lists openings with their state, places and place. */
export function OpeningsTable({ openings, showOrganisation, quickActions }: { openings: Opening[]; showOrganisation: boolean; quickActions?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Table className="wh-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('opening.title')}</TableHeaderCell>
          {showOrganisation && <TableHeaderCell scope="col">{t('opening.organisation')}</TableHeaderCell>}
          <TableHeaderCell scope="col">{t('opening.kind')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('opening.state')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('opening.places')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('opening.where')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('opening.updated')}</TableHeaderCell>
          {quickActions && <TableHeaderCell scope="col">{t('opening.quickAction')}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {openings.map((o) => (
          <TableRow key={o.id}>
            <TableCell>
              <Link to={`/vacatures/${o.id}`}>{o.title}</Link>
              {o.fairness.length > 0 && o.state === 'draft' && <span className="wh-tag"> {t('opening.needsRephrase')}</span>}
              {o.reviewRequestedAt && <span className="wh-tag"> {t('opening.reviewPendingShort')}</span>}
            </TableCell>
            {showOrganisation && <TableCell>{o.organisationName}</TableCell>}
            <TableCell>{t(`opening.kinds.${o.kind}`)}</TableCell>
            <TableCell>{t(`opening.states.${o.state}`)}</TableCell>
            <TableCell>{o.state === 'filled' ? t('opening.filledOf', { n: o.filledCount ?? 0, places: o.places }) : o.places}</TableCell>
            <TableCell>{o.place}</TableCell>
            <TableCell>{formatDate(o.updatedAt, i18n.language)}</TableCell>
            {quickActions && (
              <TableCell>
                <QuickAction o={o} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** OpeningsList is Mijn vacatures (organisations) and the region's openings (staff). */
export function OpeningsList() {
  const { t } = useTranslation();
  const role = useSession().data?.user?.role;
  const staff = role === 'accountmanager' || role === 'admin';
  const { state: address, page, set, setPage } = useAddressState({ status: '', zoek: '', sorteer: '-updatedAt' });
  const state = states.includes(address.status as OpeningState) ? (address.status as OpeningState) : '';
  const query: OpeningsQuery = { sort: address.sorteer as OpeningsQuery['sort'], page, pageSize: 25, ...(state ? { state } : {}), ...(address.zoek ? { q: address.zoek } : {}) };
  const openings = useOpeningsPage(query);
  const items = openings.data?.items ?? [];
  return (
    <>
      <PageTitle>{staff ? t('nav.alleVacatures') : t('nav.vacatures')}</PageTitle>
      <div className="wh-filters">
        <Link to="/vacatures/nieuw" className="utrecht-button-link utrecht-button-link--primary-action-button">
          {t('opening.new')}
        </Link>
      </div>
      <ListSearch label={staff ? t('opening.searchStaff') : t('opening.search')} value={address.zoek} onSearch={(zoek) => set({ zoek })} />
      <div className="wh-filters">
        <Choice label={t('opening.filterState')} name="state" value={state} onChange={(status) => set({ status })}
          options={[{ value: '', label: t('opening.allStates') }, ...states.map((s) => ({ value: s, label: t(`opening.states.${s}`) }))]} />
        <ListSort value={address.sorteer} onChange={(sorteer) => set({ sorteer })}
          options={[{ value: '-updatedAt', label: t('opening.sortUpdated') }, { value: 'title', label: t('opening.sortTitle') }, ...(staff ? [{ value: 'organisation', label: t('opening.sortOrganisation') }] : []), { value: 'state', label: t('opening.sortState') }]} />
      </div>
      <ListPager page={page} totalPages={openings.data?.totalPages ?? 0} total={openings.data?.total} onPage={setPage} />
      <DataState isLoading={openings.isLoading} error={openings.error}>
        {items.length === 0 ? (
          <Notice type="info">{state || address.zoek ? t('opening.noneInState') : t('opening.none')}</Notice>
        ) : (
          <OpeningsTable openings={items} showOrganisation={staff} quickActions />
        )}
      </DataState>
      {!staff && <Paragraph>{t('opening.listHelp')}</Paragraph>}
    </>
  );
}
