import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Choice, DataState, Heading, PageTitle, Paragraph } from '../../components/ui';
import { useSession } from '../../lib/session';
import { downloadBookings, useBookingPage, useBookings, useServices, type Booking, type BookingQuery, type BookingState } from './api';
import { useIsProvider } from './provider';
import { ListDownload, ListPager, ListSearch, ListSort } from '../../components/ListControls';
import { useAddressState } from '../../lib/useAddressState';
import { ApprovalActions, nextProviderStep, Outcome, ProviderActions, useApprovalOutcome } from './actions';
import { quantityUnit } from './format';
import { BookingBadge } from './parts';
import { formatDate, formatDateTime, formatEuro, formatNumber, formatTime } from '../../lib/format';

const allStates: BookingState[] = [
  'requested',
  'awaiting_approval',
  'approved',
  'rejected',
  'awaiting_payment',
  'paid',
  'confirmed',
  'in_progress',
  'completed',
  'cancelled',
  'refunded',
  'expired',
];

/** Bookings is /boekingen: Mijn boekingen for organisations (and their provider dashboard), the approval queue and all bookings for staff. */
export function Bookings() {
  const me = useSession().data?.user;
  const staff = me?.role === 'accountmanager' || me?.role === 'admin';
  return staff ? <StaffBookings /> : <OrganisationBookings organisationId={me?.organisationId} />;
}

/** BookingsTable lists bookings, each linked to its page. */
export function BookingsTable({ items, showOrganisation }: { items: Booking[]; showOrganisation?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Table className="wh-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('bookings.service')}</TableHeaderCell>
          {showOrganisation && <TableHeaderCell scope="col">{t('bookings.organisation')}</TableHeaderCell>}
          <TableHeaderCell scope="col">{t('bookings.state')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('bookings.when')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('bookings.amount')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((b) => (
          <TableRow key={b.id}>
            <TableCell>
              <Link to={`/boekingen/${b.id}`}>{b.serviceTitle}</Link>
            </TableCell>
            {showOrganisation && <TableCell>{b.organisationName}</TableCell>}
            <TableCell>
              <BookingBadge state={b.state} />
            </TableCell>
            <TableCell>{b.startsAt ? formatDateTime(b.startsAt, lang) : t('bookings.requestedOn', { date: formatDateTime(b.createdAt, lang) })}</TableCell>
            <TableCell>{b.amountCents === 0 ? t('services.price.free') : formatEuro(b.amountCents, lang)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** BookingCard is one booking with what to do about it now. */
function BookingCard({ b, children }: { b: Booking; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // The catalogue says what the quantity counts (hours, months).
  const services = useServices();
  const priceUnit = services.data?.find((s) => s.id === b.serviceId)?.priceUnit;
  const unit = priceUnit && quantityUnit(priceUnit);
  return (
    <article className="wh-card" aria-labelledby={`booking-${b.id}`}>
      <Heading level={3} id={`booking-${b.id}`}>
        <Link to={`/boekingen/${b.id}`}>{b.serviceTitle}</Link>
      </Heading>
      <Paragraph>
        <BookingBadge state={b.state} />
      </Paragraph>
      <dl className="wh-dl">
        <dt>{t('bookings.organisation')}</dt>
        <dd>{b.organisationName}</dd>
        {unit && (
          <>
            <dt>{t('bookings.quantity')}</dt>
            <dd>{t(`bookings.count.${unit}`, { count: b.quantity, n: formatNumber(b.quantity, i18n.language) })}</dd>
          </>
        )}
        <dt>{t('bookings.amount')}</dt>
        <dd>{b.amountCents === 0 ? t('services.price.free') : formatEuro(b.amountCents, lang)}</dd>
        <dt>{b.startsAt ? t('bookings.when') : t('bookings.createdAt')}</dt>
        <dd>{formatDateTime(b.startsAt ?? b.createdAt, lang)}</dd>
        {b.note && (
          <>
            <dt>{t('bookings.note')}</dt>
            <dd className="wh-pre">{b.note}</dd>
          </>
        )}
      </dl>
      {children}
    </article>
  );
}

function OrganisationBookings({ organisationId }: { organisationId?: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // Does this organisation provide services? Then it opens on its work, with its own bookings a tab away.
  const isProvider = useIsProvider(organisationId);
  const asProvider = params.get('als') !== 'klant' && isProvider;
  return (
    <>
      <PageTitle>{asProvider ? t('bookings.providerTitle') : t('bookings.mineTitle')}</PageTitle>
      {isProvider && (
        <nav aria-label={t('bookings.tabs')} className="wh-tabs">
          <Link to="/boekingen" aria-current={asProvider ? 'page' : undefined}>
            {t('bookings.providerTab')}
          </Link>
          <Link to="/boekingen?als=klant" aria-current={!asProvider ? 'page' : undefined}>
            {t('bookings.mineTab')}
          </Link>
        </nav>
      )}
      {asProvider ? <ProviderDashboard /> : <MyBookings />}
    </>
  );
}

/** bookingSorts are the sort choices of a list of bookings (the API's sort values); staff also sort by organisation. */
function bookingSorts(t: (k: string) => string, staff: boolean): { value: string; label: string }[] {
  return [
    { value: '-createdAt', label: t('bookings.sortNewest') },
    { value: 'createdAt', label: t('bookings.sortOldest') },
    { value: 'startsAt', label: t('bookings.sortStarts') },
    { value: 'service', label: t('bookings.sortService') },
    ...(staff ? [{ value: 'organisation', label: t('bookings.sortOrganisation') }] : []),
    { value: '-amount', label: t('bookings.sortAmount') },
  ];
}

function MyBookings() {
  const { t } = useTranslation();
  const { state, page, set, setPage } = useAddressState(myDefaults);
  const query: BookingQuery = { sort: state.sorteer as BookingQuery['sort'], page, pageSize, ...(state.zoek ? { q: state.zoek } : {}) };
  const bookings = useBookingPage(query);
  const searching = !!state.zoek;
  return (
    <>
      <Paragraph>{t('bookings.mineIntro')}</Paragraph>
      <ListSearch label={t('bookings.search')} value={state.zoek} onSearch={(zoek) => set({ zoek })} />
      <div className="wh-filters">
        <ListSort value={state.sorteer} onChange={(sorteer) => set({ sorteer })} options={bookingSorts(t, false)} />
      </div>
      <ListPager page={page} totalPages={bookings.data?.totalPages ?? 0} total={bookings.data?.total} onPage={setPage} />
      <DataState isLoading={bookings.isLoading} error={bookings.error}>
        {bookings.data?.items.length === 0 ? (
          searching ? (
            <Paragraph>{t('bookings.noneState')}</Paragraph>
          ) : (
            <Paragraph>
              {t('bookings.none')} <Link to="/diensten">{t('bookings.toCatalogue')}</Link>
            </Paragraph>
          )
        ) : (
          <BookingsTable items={bookings.data?.items ?? []} />
        )}
      </DataState>
      {(bookings.data?.total ?? 0) > 0 && <ListDownload onDownload={() => downloadBookings(query)} />}
    </>
  );
}

const pageSize = 25;
const myDefaults = { zoek: '', sorteer: '-createdAt' };
const staffDefaults = { status: '', zoek: '', sorteer: '-createdAt' };

const waiting: BookingState[] = ['awaiting_approval', 'awaiting_payment'];

/** ProviderWork is /opdrachten: the provider's own start, its work. */
export function ProviderWork() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('bookings.workTitle')}</PageTitle>
      <ProviderDashboard />
    </>
  );
}

/** Agenda is /agenda: the provider's bookings with a time, day by day from today, and those without a fixed time. */
export function Agenda() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const bookings = useBookings({ as: 'provider' });
  const live: BookingState[] = ['requested', 'approved', 'awaiting_payment', 'paid', 'confirmed', 'in_progress'];
  const items = (bookings.data ?? []).filter((b) => live.includes(b.state));
  const [now] = useState(() => Date.now());
  const timed = items.filter((b) => b.startsAt && Date.parse(b.endsAt ?? b.startsAt) >= now).sort((a, b) => Date.parse(a.startsAt!) - Date.parse(b.startsAt!));
  const days = new Map<string, Booking[]>();
  for (const b of timed) {
    const day = formatDate(b.startsAt, lang);
    days.set(day, [...(days.get(day) ?? []), b]);
  }
  const open = items.filter((b) => !b.startsAt);
  return (
    <>
      <PageTitle>{t('agenda.title')}</PageTitle>
      <Paragraph>{t('agenda.intro')}</Paragraph>
      <DataState isLoading={bookings.isLoading} error={bookings.error}>
        {days.size === 0 && <Paragraph>{t('agenda.none')}</Paragraph>}
        {[...days.entries()].map(([day, list]) => (
          <section key={day} aria-label={day} className="wh-section">
            <Heading level={2}>{day}</Heading>
            <ul className="wh-log">
              {list.map((b) => (
                <li key={b.id}>
                  {formatTime(b.startsAt!, lang)}–{formatTime(b.endsAt ?? b.startsAt!, lang)} · <Link to={`/boekingen/${b.id}`}>{b.serviceTitle}</Link> · {b.organisationName}{' '}
                  · <BookingBadge state={b.state} />
                </li>
              ))}
            </ul>
          </section>
        ))}
        {open.length > 0 && (
          <section aria-labelledby="agenda-open" className="wh-section">
            <Heading level={2} id="agenda-open">
              {t('agenda.open')}
            </Heading>
            <BookingsTable items={open} showOrganisation />
          </section>
        )}
      </DataState>
    </>
  );
}

/** ProviderDashboard is the bookings of the organisation's services: confirm, start, complete. */
function ProviderDashboard() {
  const { t } = useTranslation();
  const bookings = useBookings({ as: 'provider' });
  const items = bookings.data ?? [];
  const todo = items.filter((b) => nextProviderStep(b.state));
  const pending = items.filter((b) => waiting.includes(b.state));
  const done = items.filter((b) => !nextProviderStep(b.state) && !waiting.includes(b.state));
  return (
    <DataState isLoading={bookings.isLoading} error={bookings.error}>
      <Paragraph>{t('bookings.providerIntro')}</Paragraph>
      <section aria-labelledby="todo" className="wh-section">
        <Heading level={2} id="todo">
          {t('bookings.todo', { count: todo.length })}
        </Heading>
        {todo.length === 0 ? (
          <Paragraph>{t('bookings.todoNone')}</Paragraph>
        ) : (
          <div className="wh-cards">
            {todo.map((b) => (
              <BookingCard key={b.id} b={b}>
                <ProviderActions b={b} />
              </BookingCard>
            ))}
          </div>
        )}
      </section>
      {pending.length > 0 && (
        <section aria-labelledby="pending" className="wh-section">
          <Heading level={2} id="pending">
            {t('bookings.pending')}
          </Heading>
          <BookingsTable items={pending} showOrganisation />
        </section>
      )}
      {done.length > 0 && (
        <section aria-labelledby="done" className="wh-section">
          <Heading level={2} id="done">
            {t('bookings.done')}
          </Heading>
          <BookingsTable items={done} showOrganisation />
        </section>
      )}
    </DataState>
  );
}

/** StaffBookings is the accountmanager's approval queue first, then every booking of the region by state. */
function StaffBookings() {
  const { t } = useTranslation();
  const queue = useBookings({ state: ['awaiting_approval'] });
  const outcome = useApprovalOutcome();
  const [done, setDone] = useState('');
  const { state: address, page, set, setPage } = useAddressState(staffDefaults);
  const state = allStates.includes(address.status as BookingState) ? (address.status as BookingState) : '';
  const query: BookingQuery = { sort: address.sorteer as BookingQuery['sort'], page, pageSize, ...(state ? { state: [state] } : {}), ...(address.zoek ? { q: address.zoek } : {}) };
  const all = useBookingPage(query);
  return (
    <>
      <PageTitle>{t('bookings.staffTitle')}</PageTitle>
      <Paragraph>{t('bookings.staffIntro')}</Paragraph>
      <section aria-labelledby="queue">
        <Heading level={2} id="queue">
          {t('bookings.queue', { count: queue.data?.length ?? 0 })}
        </Heading>
        <Outcome message={done} />
        <DataState isLoading={queue.isLoading} error={queue.error}>
          {queue.data?.length === 0 ? (
            <Paragraph>{t('bookings.queueNone')}</Paragraph>
          ) : (
            <div className="wh-cards">
              {queue.data?.map((b) => (
                <BookingCard key={b.id} b={b}>
                  <ApprovalActions b={b} onDone={(changed) => setDone(outcome(changed))} />
                </BookingCard>
              ))}
            </div>
          )}
        </DataState>
      </section>
      <section aria-labelledby="all" className="wh-section">
        <Heading level={2} id="all">
          {t('bookings.all')}
        </Heading>
        <ListSearch label={t('bookings.search')} value={address.zoek} onSearch={(zoek) => set({ zoek })} />
        <div className="wh-filters">
          <Choice
            label={t('bookings.stateFilter')}
            name="status"
            value={state}
            onChange={(status) => set({ status })}
            options={[{ value: '', label: t('bookings.allStates') }, ...allStates.map((s) => ({ value: s, label: t(`bookings.states.${s}`) }))]}
          />
          <ListSort value={address.sorteer} onChange={(sorteer) => set({ sorteer })} options={bookingSorts(t, true)} />
        </div>
        <ListPager page={page} totalPages={all.data?.totalPages ?? 0} total={all.data?.total} onPage={setPage} />
        <DataState isLoading={all.isLoading} error={all.error}>
          {all.data?.items.length === 0 ? <Paragraph>{t('bookings.noneState')}</Paragraph> : <BookingsTable items={all.data?.items ?? []} showOrganisation />}
        </DataState>
        {(all.data?.total ?? 0) > 0 && <ListDownload onDownload={() => downloadBookings(query)} />}
      </section>
    </>
  );
}
