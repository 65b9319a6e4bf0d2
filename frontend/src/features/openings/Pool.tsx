import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, CheckboxField, CheckboxGroup, Choice, DataState, Field, Heading, Notice, PageTitle, Paragraph } from '../../components/ui';
import { api } from '../../lib/api/client';
import { ApiError } from '../../lib/api/error';
import type { components, paths } from '../../lib/api/schema';
import { useSession } from '../../lib/session';
import { useOpening } from './api';
import { RankingOrder } from '../../components/RankingOrder';
import { formatDate } from '../../lib/format';
import { blockingInvites, InviteDialog, inviteLimits, openStates, useOpeningInvites, type Invite, type Picked } from '../invites';

type Card = components['schemas']['CardBody'];
type PoolQuery = NonNullable<paths['/openings/{id}/pool']['get']['parameters']['query']>;
type Facets = components['schemas']['PoolBody']['facets'];

function usePool(id: string, query: PoolQuery) {
  return useQuery({
    queryKey: ['pool', id, query],
    placeholderData: keepPreviousData,
    // The API takes lists comma-separated (languages=nl,ar), not repeated.
    queryFn: async () =>
      (await api.GET('/openings/{id}/pool', { params: { path: { id }, query }, querySerializer: { array: { style: 'form', explode: false } } })).data!,
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

/** sameHelp names the gaps that are one help item (and one service kind) by the same gap. */
const sameHelp: Record<string, string> = { jobcoach: 'jobcoaching' };

/** OpeningTabs links an opening's details, its pool and its invites, marking the current one. */
export function OpeningTabs({ id, current }: { id: string; current: 'details' | 'pool' | 'invites' }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('pool.tabs')} className="wh-tabs">
      <Link to={`/vacatures/${id}`} aria-current={current === 'details' ? 'page' : undefined}>
        {t('pool.detailsTab')}
      </Link>
      <Link to={`/vacatures/${id}/kandidaten`} aria-current={current === 'pool' ? 'page' : undefined}>
        {t('pool.tab')}
      </Link>
      <Link to={`/vacatures/${id}/uitnodigingen`} aria-current={current === 'invites' ? 'page' : undefined}>
        {t('invites.tab')}
      </Link>
    </nav>
  );
}

type CardProps = {
  c: Card;
  canPin: boolean;
  onPin: (pin: boolean) => void;
  /** selectable: the opening is open, so cards can be picked for an invite. */
  selectable: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  /** invite is this candidate's invite for the opening that stops a new one. */
  invite?: Invite;
};

function CandidateCard({ c, canPin, onPin, selectable, selected, onSelect, invite }: CardProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  // One help item, one link: "jobcoach" and "jobcoaching" are the same help.
  const gaps = [...new Set(c.reasons.map((r) => (r.gap ? (sameHelp[r.gap] ?? r.gap) : '')).filter(Boolean))];
  return (
    <article className={`wh-card${c.pinned ? ' wh-card--pinned' : ''}${selected ? ' wh-card--selected' : ''}`} aria-labelledby={`card-${c.id}`}>
      <Heading level={3} id={`card-${c.id}`}>
        {c.code}
        {c.pinned && <span className="wh-tag"> · {t(canPin ? 'pool.recommendedStaff' : 'pool.recommended')}</span>}
      </Heading>
      {invite ? (
        <Paragraph>
          <Link to={`/uitnodigingen/${invite.id}`}>{t('invites.onCard', { state: t(`invites.states.${invite.state}`) })}</Link>
        </Paragraph>
      ) : (
        selectable && <CheckboxField label={t('invites.select', { code: c.code })} name="picked" checked={selected} onChange={onSelect} />
      )}
      {c.pinNote && <Paragraph>“{c.pinNote}”</Paragraph>}
      <Paragraph>
        <span className={`wh-tag wh-match wh-match--${c.occupationMatch}`}>{t(`pool.match.${c.occupationMatch}`)}</span>
        {': '}
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

type Language = NonNullable<PoolQuery['languages']>[number];
type Flag = NonNullable<PoolQuery['flags']>[number];

/** PoolFilters is the filter panel's state: strings for selects, lists for checkbox groups. */
type PoolFilters = {
  radius: string;
  minEducation: string;
  hoursMin: string;
  availableBefore: string;
  rungMin: string;
  rungMax: string;
  /** options: drivingLicence, freshOnly, offeredSupport. */
  options: string[];
  languages: string[];
  flags: string[];
  /** occupations: ['any'] shows every occupation. */
  occupations: string[];
};

const noFilters: PoolFilters = {
  radius: '',
  minEducation: '',
  hoursMin: '',
  availableBefore: '',
  rungMin: '',
  rungMax: '',
  options: [],
  languages: [],
  flags: [],
  occupations: [],
};

const educationLevels = ['vmbo', 'mbo1', 'mbo2', 'mbo3', 'mbo4', 'havo', 'hbo'];
const flagNames: Flag[] = ['doelgroepregister', 'praktijkroute', 'lksIndicatie'];
const rungs = [1, 2, 3, 4, 5, 6];

/** urlKeys are the filters' names in the address (Dutch, like the pages'), so a reload or a shared link keeps them. */
const urlKeys: Record<keyof PoolFilters, string> = {
  radius: 'straal',
  minEducation: 'opleiding',
  hoursMin: 'uren',
  availableBefore: 'beschikbaar-voor',
  rungMin: 'trede-vanaf',
  rungMax: 'trede-tot',
  options: 'alleen',
  languages: 'talen',
  flags: 'regelingen',
  occupations: 'beroepen',
};

/** filtersFrom reads the filters and the page from the address. */
export function filtersFrom(params: URLSearchParams): { filters: PoolFilters; page: number } {
  const filters = { ...noFilters };
  for (const key of Object.keys(urlKeys) as (keyof PoolFilters)[]) {
    const v = params.get(urlKeys[key]) ?? '';
    if (Array.isArray(noFilters[key])) (filters[key] as string[]) = v ? v.split(',').filter(Boolean) : [];
    else (filters[key] as string) = v;
  }
  const page = Math.max(1, Number(params.get('pagina')) || 1);
  return { filters, page };
}

/** filterParams writes the filters and the page into the address, leaving out what is not set. */
export function filterParams(f: PoolFilters, page: number): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of Object.keys(urlKeys) as (keyof PoolFilters)[]) {
    const v = f[key];
    const text = Array.isArray(v) ? v.join(',') : v;
    if (text) out.set(urlKeys[key], text);
  }
  if (page > 1) out.set('pagina', String(page));
  return out;
}

function toQuery(f: PoolFilters, page: number): PoolQuery {
  return {
    page,
    ...(f.radius ? { radiusKm: Number(f.radius) } : {}),
    ...(f.minEducation ? { minEducation: f.minEducation as PoolQuery['minEducation'] } : {}),
    ...(f.hoursMin ? { hoursMin: Number(f.hoursMin) } : {}),
    ...(f.availableBefore ? { availableBefore: f.availableBefore } : {}),
    ...(f.rungMin ? { rungMin: Number(f.rungMin) } : {}),
    ...(f.rungMax ? { rungMax: Number(f.rungMax) } : {}),
    ...(f.languages.length ? { languages: [...f.languages].sort() as Language[] } : {}),
    ...(f.flags.length ? { flags: flagNames.filter((n) => f.flags.includes(n)) } : {}),
    ...(f.options.includes('drivingLicence') ? { drivingLicence: true } : {}),
    ...(f.options.includes('freshOnly') ? { freshOnly: true } : {}),
    ...(f.options.includes('offeredSupport') ? { offeredSupport: true } : {}),
    ...(f.occupations.includes('any') ? { anyOccupation: true } : {}),
  };
}

/** OpeningPool is the opening's Kandidaten tab: anonymous cards, filters with counts, reasons and gaps. */
export function OpeningPool() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const role = useSession().data?.user?.role;
  const canPin = role === 'accountmanager' || role === 'admin';
  const opening = useOpening(id);
  // The filters live in the address: a reload or a shared link shows the same candidates.
  // The router writes the address in a transition, so a controlled checkbox read
  // straight from it would spring back until that commits: the page keeps its own
  // copy, changed at once, and takes the address's only when the address changes
  // to something the page did not write itself (back, forward, a link).
  const [params, setParams] = useSearchParams();
  const address = params.toString();
  const [state, setState] = useState(() => ({ seen: address, wrote: address, ...filtersFrom(params) }));
  if (state.seen !== address) {
    // An updater, so a click queued before this render is not lost.
    setState((s) => (s.seen === address ? s : address === s.wrote ? { ...s, seen: address } : { seen: address, wrote: address, ...filtersFrom(params) }));
  }
  const { filters, page } = state;
  const go = (next: PoolFilters, nextPage: number, replace: boolean) => {
    const to = filterParams(next, nextPage);
    setState((s) => ({ ...s, wrote: to.toString(), filters: next, page: nextPage }));
    setParams(to, { replace, preventScrollReset: true });
  };
  const setFilters = (next: PoolFilters, nextPage = 1) => go(next, nextPage, true);
  const setPage = (p: number) => go(filters, p, false);
  // On a phone the filters fold away behind "Filters (n)"; on a wide screen they start open.
  const [filtersOpen, setFiltersOpen] = useState(() => typeof window === 'undefined' || !window.matchMedia || window.matchMedia('(min-width: 48em)').matches);
  const form = useRef<HTMLFormElement>(null);
  const pool = usePool(id, toQuery(filters, page));
  const pin = usePin(id);
  // Inviting: cards are picked across pages and filters, up to one batch.
  const canInvite = opening.data?.state === 'open';
  const invites = useOpeningInvites(id);
  const blocking = useMemo(() => blockingInvites(invites.data ?? []), [invites.data]);
  const openNow = (invites.data ?? []).filter((i) => openStates.includes(i.state)).length;
  const [picked, setPicked] = useState<Picked[]>([]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [invited, setInvited] = useState<{ count: number; awaiting: boolean } | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (invited) doneRef.current?.focus();
  }, [invited]);
  const pick = (c: Card) => (on: boolean) => {
    setInvited(null);
    setPicked((p) => (on ? (p.some((x) => x.id === c.id) || p.length >= inviteLimits.batch ? p : [...p, { id: c.id, code: c.code }]) : p.filter((x) => x.id !== c.id)));
  };
  const onInvited = (list: Invite[]) => {
    setDialogOpen(false);
    setPicked([]);
    setInvited({ count: list.length, awaiting: list.some((i) => i.state === 'awaiting_approval') });
  };
  // While a refused combination is shown, the counts stay those of the last answer.
  const [lastFacets, setLastFacets] = useState<Facets>({});
  if (pool.data && pool.data.facets !== lastFacets) setLastFacets(pool.data.facets);
  const facets = pool.data?.facets ?? lastFacets;
  const count = (facet: string, value: string) => facets[facet]?.[value] ?? 0;
  const set = <K extends keyof PoolFilters>(key: K) => (v: PoolFilters[K]) => setFilters({ ...filters, [key]: v });
  const clear = () => {
    setFilters(noFilters);
    // The clear buttons go away with the filters: keep the focus in the panel.
    form.current?.querySelector('select')?.focus();
  };
  // A combination the server refuses (e.g. rungs out of order) lands on the filter it names.
  const invalid = pool.error instanceof ApiError && pool.error.status === 400 ? pool.error : undefined;
  const fieldErrors = invalid?.fieldErrors() ?? {};
  const fieldMessages = invalid?.fieldMessages() ?? {};
  const fe = (name: string) => ({ error: fieldErrors[name], message: fieldMessages[name] });
  // The selects keep the chosen bounds in order; a refused range has one bound
  // chosen and the region's other bound on the wrong side of it.
  const rungError = (which: 'rungMin' | 'rungMax') => {
    const code = fieldErrors.rungMin ?? fieldErrors.rungMax;
    if (!code) return {};
    const alone = filters.rungMin && !filters.rungMax ? 'rungMin' : !filters.rungMin && filters.rungMax ? 'rungMax' : undefined;
    if (alone) return which === alone ? { error: code, message: t(`pool.${alone}Alone`) } : {};
    return which === 'rungMin' ? { error: code, message: fieldMessages.rungMin ?? fieldMessages.rungMax } : {};
  };

  const languageName = (code: string) => t(`candidate.languageNames.${code}`, { defaultValue: code });
  const languageCounts = facets.languageCodes ?? {};
  const languageCodes = [...new Set([...Object.keys(languageCounts).filter((c) => languageCounts[c] > 0), ...filters.languages])].sort(
    (a, b) => (languageCounts[b] ?? 0) - (languageCounts[a] ?? 0) || languageName(a).localeCompare(languageName(b)),
  );
  const rungOptions = (keep: (r: number) => boolean) => [
    { value: '', label: t('pool.rungDefault') },
    ...rungs.filter(keep).map((r) => ({ value: String(r), label: t('pool.rungOption', { rung: r, count: count('rung', String(r)) }) })),
  ];

  // What narrows the pool, in words, for the empty state.
  const active: string[] = [];
  if (filters.radius) active.push(t('pool.active.radius', { km: filters.radius }));
  if (filters.minEducation) active.push(t('pool.active.minEducation', { level: t(`candidate.educationLevels.${filters.minEducation}`) }));
  if (filters.hoursMin) active.push(t('pool.active.hoursMin', { hours: filters.hoursMin }));
  if (filters.availableBefore) active.push(t('pool.active.availableBefore', { date: formatDate(filters.availableBefore, i18n.language) }));
  if (filters.rungMin && filters.rungMax) active.push(t('pool.active.rungRange', { min: filters.rungMin, max: filters.rungMax }));
  else if (filters.rungMin) active.push(t('pool.active.rungMin', { min: filters.rungMin }));
  else if (filters.rungMax) active.push(t('pool.active.rungMax', { max: filters.rungMax }));
  if (filters.languages.length) active.push(t('pool.active.languages', { names: filters.languages.map(languageName).join(', ') }));
  for (const o of ['drivingLicence', 'freshOnly', 'offeredSupport']) {
    if (filters.options.includes(o)) active.push(t(o === 'offeredSupport' && canPin ? 'pool.active.offeredSupportStaff' : `pool.active.${o}`));
  }
  for (const fl of flagNames) if (filters.flags.includes(fl)) active.push(t(`pool.active.${fl}`));
  const anyActive = active.length > 0 || filters.occupations.length > 0;
  const activeCount = active.length + (filters.occupations.length > 0 ? 1 : 0);

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
          <details className="wh-details wh-filters-toggle" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
          <summary>{t('pool.filtersToggle', { count: activeCount })}</summary>
          <form ref={form} className="wh-filters wh-filters--panel" onSubmit={(e) => e.preventDefault()} aria-label={t('pool.filters')}>
            <div className="wh-filters__fields">
              <Choice label={t('pool.radius')} name="radius" value={filters.radius} onChange={set('radius')} {...fe('radiusKm')}
                options={[{ value: '', label: t('pool.radiusDefault', { km: opening.data.maxTravelKm }) }, ...[5, 10, 15, 25, 50, 100].map((k) => ({ value: String(k), label: t('pool.km', { km: k }) }))]} />
              <Choice label={t('pool.minEducation')} name="minEducation" value={filters.minEducation} onChange={set('minEducation')} {...fe('minEducation')}
                options={[{ value: '', label: t('pool.anyEducation') }, ...educationLevels.map((e) => ({ value: e, label: t(`candidate.educationLevels.${e}`) }))]} />
              <Choice label={t('pool.hoursMin')} name="hoursMin" value={filters.hoursMin} onChange={set('hoursMin')} {...fe('hoursMin')}
                options={[{ value: '', label: t('pool.anyHours') }, ...[8, 16, 24, 32].map((h) => ({ value: String(h), label: t('pool.hoursOption', { hours: h }) }))]} />
              <Field label={t('pool.availableBefore')} name="availableBefore" type="date" value={filters.availableBefore} onChange={set('availableBefore')} {...fe('availableBefore')} />
            </div>
            <div className="wh-filters__groups">
              {/* A fieldset for the range, marked up like CheckboxGroup's so the groups look alike. */}
              <div className="utrecht-form-fieldset">
                <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset wh-filters__range">
                  <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('pool.rungs')}</legend>
                  <p className="wh-small wh-filters__help">{t('pool.rungsHelp')}</p>
                  <Choice label={t('pool.rungMin')} name="rungMin" value={filters.rungMin} onChange={set('rungMin')} {...rungError('rungMin')}
                    options={rungOptions((r) => !filters.rungMax || r <= Number(filters.rungMax))} />
                  <Choice label={t('pool.rungMax')} name="rungMax" value={filters.rungMax} onChange={set('rungMax')} {...rungError('rungMax')}
                    options={rungOptions((r) => !filters.rungMin || r >= Number(filters.rungMin))} />
                </fieldset>
              </div>
              <CheckboxGroup legend={t('pool.narrow')} name="options" values={filters.options} onChange={set('options')}
                options={[
                  { value: 'drivingLicence', label: t('pool.withLicence', { count: count('drivingLicence', 'true') }) },
                  { value: 'freshOnly', label: t('pool.freshOnly') },
                  { value: 'offeredSupport', label: t(canPin ? 'pool.offeredSupportStaff' : 'pool.offeredSupport') },
                ]} />
              <CheckboxGroup legend={t('pool.schemes')} description={t('pool.schemesHelp')} name="flags" values={filters.flags} onChange={set('flags')} {...fe('flags')}
                options={flagNames.map((fl) => ({ value: fl, label: t(`pool.flag.${fl}`, { count: count(fl, 'true') }) }))} />
              {languageCodes.length > 0 && (
                <CheckboxGroup legend={t('pool.languages')} description={t('pool.languagesHelp')} name="languages" values={filters.languages} onChange={set('languages')} {...fe('languages')}
                  options={languageCodes.map((c) => ({ value: c, label: t('pool.withCount', { label: languageName(c), count: languageCounts[c] ?? 0 }) }))} />
              )}
              <CheckboxGroup legend={t('pool.occupations')} description={t('pool.anyOccupationHelp')} name="occupations" values={filters.occupations} onChange={set('occupations')}
                options={[{ value: 'any', label: t('pool.anyOccupation') }]} />
            </div>
            {anyActive && (
              <div className="wh-actions">
                <Button secondary onClick={clear}>
                  {t('pool.clear')}
                </Button>
              </div>
            )}
          </form>
          </details>
          <Heading level={2}>{t('pool.results')}</Heading>
          {invalid ? (
            <Notice type="warning">{t('pool.invalid')}</Notice>
          ) : (
            <DataState isLoading={pool.isLoading} error={pool.error}>
              <p role="status" className="wh-count">
                {t('pool.count', { count: pool.data?.total ?? 0 })}
              </p>
              <div ref={doneRef} tabIndex={-1} className="wh-focus-target">
                {invited && (
                  <Notice type="ok">
                    {t(invited.awaiting ? 'invites.doneAwaiting' : 'invites.done', { count: invited.count })}{' '}
                    <Link to={`/vacatures/${id}/uitnodigingen`}>{t('invites.toBoard')}</Link>
                  </Notice>
                )}
              </div>
              {canInvite && picked.length === 0 && !invited && <Paragraph>{t('invites.hint')}</Paragraph>}
              {pool.data?.items.length === 0 ? (
                <>
                  <Notice type="info">
                    {t('pool.empty')} {active.length > 0 ? t('pool.emptyActive', { filters: active.join(', ') }) : t('pool.emptyNone')}
                  </Notice>
                  {anyActive && (
                    <div className="wh-actions">
                      <Button onClick={clear}>{t('pool.clearAll')}</Button>
                    </div>
                  )}
                </>
              ) : (
                <div className="wh-cards">
                  {pool.data?.items.map((c) => (
                    <CandidateCard
                      key={c.id}
                      c={c}
                      canPin={canPin}
                      onPin={(p) => pin.mutate({ candidateId: c.id, pin: p })}
                      selectable={canInvite}
                      selected={picked.some((x) => x.id === c.id)}
                      onSelect={pick(c)}
                      invite={blocking.get(c.id)}
                    />
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
              {canInvite && picked.length > 0 && (
                <div className="wh-invitebar" role="group" aria-label={t('invites.bar')}>
                  <span aria-live="polite">
                    {t('invites.pickedCodes', { count: picked.length, codes: picked.map((p) => p.code).join(', ') })}
                    {picked.length >= inviteLimits.batch && ` ${t('invites.batchFull', { max: inviteLimits.batch })}`}
                  </span>
                  <div className="wh-actions">
                    <Button onClick={() => setDialogOpen(true)}>{t('invites.open')}</Button>
                    <Button secondary onClick={() => setPicked([])}>
                      {t('invites.clearPicked')}
                    </Button>
                  </div>
                </div>
              )}
            </DataState>
          )}
          <InviteDialog
            openingId={id}
            open={dialogOpen}
            picked={picked}
            openNow={openNow}
            onClose={() => setDialogOpen(false)}
            onRemove={(cid) => setPicked((p) => p.filter((x) => x.id !== cid))}
            onInvited={onInvited}
          />
        </>
      )}
    </DataState>
  );
}
