import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DataState, Heading, PageTitle, Paragraph } from '../../components/ui';
import { api } from '../../lib/api/client';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import { useAddressState } from '../../lib/useAddressState';
import { useOpening } from './api';
import { OpeningTabs } from './OpeningTabs';
import { RankingOrder } from '../../components/RankingOrder';
import { InviteDialog } from '../invites';
import { activeFilters, PoolFilterPanel } from './PoolFilters';
import { filterNames, noFilters, poolPageQuery, toQuery, type PoolQuery } from './queries';
import { PoolResults } from './PoolResults';
import { usePoolSelection } from './usePoolSelection';

function usePool(id: string, query: PoolQuery) {
  const qc = useQueryClient();
  return useQuery({ ...poolPageQuery(qc, id, query), placeholderData: keepPreviousData });
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

/** OpeningPool is the opening's Kandidaten tab: the filter panel, the anonymous cards it finds, and picking for an invite. */
export function OpeningPool() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const role = useSession().data?.user?.role;
  const canPin = role === 'accountmanager' || role === 'admin';
  const opening = useOpening(id);
  // The filters live in the address: a reload or a shared link shows the same candidates.
  const { state: filters, page, set, setPage } = useAddressState(noFilters, filterNames);
  const pool = usePool(id, toQuery(filters, page));
  const pin = usePin(id);
  const selection = usePoolSelection(id);
  const form = useRef<HTMLFormElement>(null);
  const clear = () => {
    set(noFilters);
    // The clear buttons go away with the filters: keep the focus in the panel.
    form.current?.querySelector('select')?.focus();
  };
  const invalid = pool.error instanceof ApiError && pool.error.status === 400 ? pool.error : undefined;
  const active = activeFilters(filters, t, i18n.language, canPin);

  return (
    <DataState isLoading={opening.isLoading} error={opening.error}>
      {opening.data && (
        <>
          <PageTitle>{t('pool.title', { title: opening.data.title })}</PageTitle>
          <OpeningTabs id={id} current="pool" />
          <Paragraph>{t(canPin ? 'pool.introStaff' : 'pool.intro')}</Paragraph>
          <details className="wh-details">
            <summary>{t('pool.howTitle')}</summary>
            <Paragraph>{t('pool.howWho')}</Paragraph>
            <RankingOrder />
            <Paragraph>
              <Link to="/zo-werkt-het-zoeken">{t('pool.howMore')}</Link>
            </Paragraph>
          </details>
          <PoolFilterPanel filters={filters} onChange={set} onClear={clear} active={active} facets={pool.data?.facets} invalid={invalid}
            maxTravelKm={opening.data.maxTravelKm} canPin={canPin} formRef={form} />
          <Heading level={2}>{t('pool.results')}</Heading>
          <PoolResults openingId={id} pool={pool} invalid={!!invalid} page={page} onPage={setPage} active={active} onClearAll={clear}
            canPin={canPin} onPin={(candidateId, p) => pin.mutate({ candidateId, pin: p })} canInvite={opening.data.state === 'open'} selection={selection} />
          <InviteDialog
            openingId={id}
            open={selection.dialogOpen}
            picked={selection.picked}
            openNow={selection.openNow}
            onClose={selection.closeDialog}
            onRemove={selection.remove}
            onInvited={selection.onInvited}
          />
        </>
      )}
    </DataState>
  );
}
