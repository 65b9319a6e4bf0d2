// Invoices (facturen) and a provider's payouts (Uitbetalingen): the invoice
// page is the printable document (print CSS in main.css); docs/invoices.md
// says what comes from Stripe and what from Werkhaven's records.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, DataState, Heading, Notice, PageTitle, Paragraph, ScrollRegion } from '../../components/ui';
import { useInvoice, useInvoices, usePayouts, type Invoice } from './api';
import { formatDate, formatEuro, formatNumber } from '../../lib/format';

type Party = Invoice['supplier'];

function PartyBlock({ p, label }: { p: Party; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="wh-invoice-party">
      <Heading level={2}>{label}</Heading>
      <address>
        {p.name}
        <br />
        {p.street || t('invoices.noStreet')}
        <br />
        {p.postcode} {p.city}
      </address>
      <dl className="wh-dl">
        {p.kvkNumber && (
          <>
            <dt>{t('invoices.kvk')}</dt>
            <dd>{p.kvkNumber}</dd>
          </>
        )}
        {p.vatNumber && (
          <>
            <dt>{t('invoices.vatNumber')}</dt>
            <dd>{p.vatNumber}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** InvoiceLinks lists a booking's invoices on its page. */
export function InvoiceLinks({ bookingId }: { bookingId: string }) {
  const { t, i18n } = useTranslation();
  const list = useInvoices(bookingId);
  if (!list.data?.length) return null;
  return (
    <section aria-labelledby="invoices" className="wh-section">
      <Heading level={2} id="invoices">
        {t('invoices.title')}
      </Heading>
      <ul>
        {list.data.map((i) => (
          <li key={i.id}>
            <Link to={`/facturen/${i.id}`}>{t(i.kind === 'credit' ? 'invoices.creditLink' : 'invoices.link', { number: i.number })}</Link> —{' '}
            {formatEuro(i.totalCents, i18n.language)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** InvoicePage is /facturen/:id: the invoice as a document to print or save as PDF. */
export function InvoicePage() {
  const { id = '' } = useParams();
  const q = useInvoice(id);
  return (
    <DataState isLoading={q.isLoading} error={q.error}>
      {q.data && <InvoiceDocument i={q.data} />}
    </DataState>
  );
}

function InvoiceDocument({ i }: { i: Invoice }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const credit = i.kind === 'credit';
  return (
    <article className="wh-invoice">
      <PageTitle>{t(credit ? 'invoices.creditTitle' : 'invoices.one', { number: i.number })}</PageTitle>
      <Paragraph className="wh-no-print">
        <Button secondary onClick={() => window.print()}>
          {t('invoices.print')}
        </Button>
      </Paragraph>
      <div className="wh-invoice-parties">
        <PartyBlock p={i.supplier} label={t('invoices.supplier')} />
        <PartyBlock p={i.customer} label={t('invoices.customer')} />
      </div>
      <dl className="wh-dl">
        <dt>{t('invoices.number')}</dt>
        <dd>{i.number}</dd>
        <dt>{t('invoices.date')}</dt>
        <dd>{formatDate(i.issuedAt, lang)}</dd>
        <dt>{t('invoices.suppliedOn')}</dt>
        <dd>{formatDate(i.suppliedOn, lang)}</dd>
        <dt>{t('invoices.booking')}</dt>
        <dd>
          <Link to={`/boekingen/${i.bookingId}`}>{i.bookingReference}</Link>
        </dd>
        {credit && i.creditsInvoiceId && (
          <>
            <dt>{t('invoices.credits')}</dt>
            <dd>
              <Link to={`/facturen/${i.creditsInvoiceId}`}>{i.creditsInvoiceNumber}</Link>
            </dd>
          </>
        )}
      </dl>
      <ScrollRegion label={t('invoices.lines')}>
        <Table className="wh-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('invoices.description')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('invoices.quantity')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('invoices.unitPrice')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('invoices.vatRate')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('invoices.net')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow>
              <TableCell>{i.description}</TableCell>
              <TableCell>
                {formatNumber(i.quantity, lang)} {t(`invoices.units.${i.unit}`)}
              </TableCell>
              <TableCell>{formatEuro(i.unitPriceNetCents, lang)}</TableCell>
              <TableCell>{i.vatRate === undefined ? t('services.vat.exempt') : `${i.vatRate}%`}</TableCell>
              <TableCell>{formatEuro(i.netCents, lang)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </ScrollRegion>
      <dl className="wh-dl wh-invoice-totals">
        <dt>{t('invoices.netTotal')}</dt>
        <dd>{formatEuro(i.netCents, lang)}</dd>
        <dt>{i.vatRate === undefined ? t('invoices.vatExempt') : t('invoices.vatAmount', { rate: i.vatRate })}</dt>
        <dd>{formatEuro(i.vatCents, lang)}</dd>
        <dt>{t('invoices.total')}</dt>
        <dd>
          <strong>{formatEuro(i.totalCents, lang)}</strong>
        </dd>
      </dl>
      {i.vatExemption && <Paragraph>{i.vatExemption}</Paragraph>}
      <Paragraph>{t(credit ? 'invoices.refundedNote' : 'invoices.paidNote')}</Paragraph>
    </article>
  );
}

/** Payouts is /uitbetalingen: what a provider was paid per booking, and Stripe's payouts to its bank. */
export function Payouts() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = usePayouts();
  const d = q.data;
  return (
    <>
      <PageTitle>{t('payouts.title')}</PageTitle>
      <Paragraph>{t('payouts.intro')}</Paragraph>
      <DataState isLoading={q.isLoading} error={q.error}>
        {d && (
          <>
            <Heading level={2}>{t('payouts.bookings')}</Heading>
            {d.items.length === 0 ? (
              <Paragraph>{t('payouts.none')}</Paragraph>
            ) : (
              <ScrollRegion label={t('payouts.bookings')}>
                <Table className="wh-table">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('payouts.paidAt')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('payouts.booking')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('payouts.charged')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('payouts.fee')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('payouts.transferred')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('invoices.title')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {d.items.map((l) => (
                      <TableRow key={`${l.bookingId}-${l.period}`}>
                        <TableCell>{formatDate(l.paidAt, lang)}</TableCell>
                        <TableCell>
                          <Link to={`/boekingen/${l.bookingId}`}>
                            {l.serviceTitle} ({l.bookingReference})
                          </Link>
                          , {l.organisationName}
                        </TableCell>
                        <TableCell>
                          {formatEuro(l.chargedCents, lang)}
                          {l.refundedCents > 0 && ` (${t('payouts.refunded', { amount: formatEuro(l.refundedCents, lang) })})`}
                        </TableCell>
                        <TableCell>{l.platformFeeCents === undefined ? t('payouts.unknown') : formatEuro(l.platformFeeCents, lang)}</TableCell>
                        <TableCell>
                          {l.transferredCents !== undefined ? formatEuro(l.transferredCents, lang) : l.connected ? t('payouts.unknown') : t('payouts.notConnected')}
                        </TableCell>
                        <TableCell>{l.invoiceId ? <Link to={`/facturen/${l.invoiceId}`}>{t('payouts.invoice')}</Link> : '—'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollRegion>
            )}
            <Heading level={2}>{t('payouts.stripe')}</Heading>
            {!d.hasStripeAccount && <Paragraph>{t('payouts.noAccount')}</Paragraph>}
            {d.stripeUnavailable && <Notice type="warning">{t('payouts.stripeUnavailable')}</Notice>}
            {d.hasStripeAccount && !d.stripeUnavailable && d.stripePayouts.length === 0 && <Paragraph>{t('payouts.noStripePayouts')}</Paragraph>}
            {d.stripePayouts.length > 0 && (
              <ScrollRegion label={t('payouts.stripe')}>
                <Table className="wh-table">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('payouts.arrival')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('payouts.amount')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('payouts.status')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('payouts.id')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {d.stripePayouts.map((p) => (
                      <TableRow key={p.id}>
                        <TableCell>{formatDate(p.arrivalDate, lang)}</TableCell>
                        <TableCell>
                          {formatEuro(p.amountCents, lang, { currency: p.currency })}
                        </TableCell>
                        <TableCell>{t(`payouts.statuses.${p.status}`, { defaultValue: p.status })}</TableCell>
                        <TableCell>{p.id}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollRegion>
            )}
          </>
        )}
      </DataState>
    </>
  );
}
