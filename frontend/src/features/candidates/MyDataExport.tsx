import type { ReactNode } from 'react';
import { Fragment, useId } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, DataState, Heading, PageTitle, Paragraph, ScrollRegion } from '../../components/ui';
import { formatDate, formatDateTime, formatEuro, formatNumber } from '../../lib/format';
import { exportDownloadHref, useMyExport, type MyExport } from './api';

/** MyDataExport is "Mijn gegevens bekijken": everything Werkhaven holds about the kandidaat, readable and printable. */
export function MyDataExport() {
  const { t, i18n } = useTranslation();
  const doc = useMyExport(i18n.language);
  return (
    <>
      <PageTitle>{t('export.title')}</PageTitle>
      <div className="wh-actions wh-no-print">
        <Button onClick={() => window.print()}>{t('export.print')}</Button>
        <a className="utrecht-button-link utrecht-button-link--secondary-action-button" href={exportDownloadHref(i18n.language)} download>
          {t('export.download')}
        </a>
        <Link to="/mijn-gegevens" className="wh-linkbutton wh-linkbutton--dark">
          {t('export.back')}
        </Link>
      </div>
      <DataState isLoading={doc.isLoading} error={doc.error}>
        {doc.data && <ExportView doc={doc.data} />}
      </DataState>
    </>
  );
}

type Choice = { value: string; label: string };
type Actor = MyExport['profile']['klantmanager'];

/** ExportView shows the document as sections with headings, lists and tables. */
export function ExportView({ doc }: { doc: MyExport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const date = (s?: string) => formatDate(s, lang) || '—';
  const when = (s?: string) => formatDateTime(s, lang, 'medium') || '—';
  const yesNo = (b?: boolean) => (b === undefined ? '—' : b ? t('export.yes') : t('export.no'));
  const labels = (cs?: Choice[] | null) => (cs?.length ? cs.map((c) => c.label).join(', ') : '—');
  const who = (a?: Actor) => a?.description ?? '—';
  const euro = (cents: number) => formatEuro(cents, lang);
  const { contact: c, account, profile: p } = doc;
  return (
    <div className="wh-export">
      <Paragraph>{doc.explanation}</Paragraph>
      <Paragraph className="wh-small">{t('export.generatedAt', { date: when(doc.generatedAt) })}</Paragraph>

      <Section title={c.title} explanation={c.explanation}>
        <Facts rows={[
          [t('export.f.name'), c.name],
          [t('export.f.email'), c.email || '—'],
          [t('export.f.phone'), c.phone || '—'],
          [t('export.f.address'), [c.street, c.postcode, c.place].filter(Boolean).join(', ') || '—'],
          [t('export.f.mailLanguage'), c.mailLanguage.label],
        ]} />
      </Section>

      <Section title={account.title} explanation={account.explanation}>
        <Facts rows={[[t('export.f.email'), account.email], [t('export.f.since'), date(account.createdAt)]]} />
        <Heading level={3}>{t('export.signIns')}</Heading>
        <Rows label={t('export.signIns')} head={[t('export.c.started'), t('export.c.lastSeen'), t('export.c.how')]} items={account.signIns}
          row={(s) => [when(s.startedAt), when(s.lastSeenAt), s.method.label]} />
        <Heading level={3}>{t('export.links')}</Heading>
        <Rows label={t('export.links')} head={[t('export.c.what'), t('export.c.sent'), t('export.c.validUntil'), t('export.c.used')]} items={account.links}
          row={(l) => [l.purpose.label, when(l.sentAt), when(l.validUntil), when(l.usedAt)]} />
      </Section>

      <Section title={p.title} explanation={p.explanation}>
        <Facts rows={[
          [t('export.f.code'), p.publicCode],
          [t('export.f.status'), p.status.label],
          [t('export.f.klantmanager'), who(p.klantmanager)],
          [t('export.f.consent'), yesNo(p.consent)],
          [t('export.f.confirmed'), `${date(p.confirmedAt)} (${p.freshness.label})`],
          [t('export.f.work'), p.occupations.map((o) => o.label).join(', ') || '—'],
          [t('export.f.skills'), p.skills.map((s) => s.label).join(', ') || '—'],
          [t('export.f.experience'), p.experience || '—'],
          [t('export.f.education'), p.education?.label ?? '—'],
          [t('export.f.languages'), p.languages.map((l) => `${l.label} (${l.level})`).join(', ') || '—'],
          [t('export.f.licence'), yesNo(p.drivingLicence)],
          [t('export.f.transport'), yesNo(p.ownTransport)],
          [t('export.f.area'), p.pc4 || '—'],
          [t('export.f.travel'), p.maxTravelKm ? t('export.km', { km: p.maxTravelKm }) : '—'],
          [t('export.f.hours'), p.hoursMin && p.hoursMax ? t('opening.hoursRange', { min: p.hoursMin, max: p.hoursMax }) : '—'],
          [t('export.f.days'), labels(p.days)],
          [t('export.f.dayParts'), labels(p.dayParts)],
          [t('export.f.availableFrom'), p.availableFrom ? date(p.availableFrom) : '—'],
          [t('export.f.rung'), p.rung?.label ?? '—'],
          [t('export.f.support'), labels(p.supportNeeds)],
          [t('export.f.doelgroepregister'), yesNo(p.doelgroepregister)],
          [t('export.f.praktijkroute'), yesNo(p.praktijkroute)],
          [t('export.f.lks'), yesNo(p.lksIndicatie)],
          [t('export.f.registered'), date(p.createdAt)],
          [t('export.f.changed'), date(p.updatedAt)],
        ]} />
      </Section>

      <Section title={doc.consents.title} explanation={doc.consents.explanation}>
        <Rows label={doc.consents.title} head={[t('export.c.when'), t('export.c.consent'), t('export.c.how'), t('export.c.who'), t('export.c.note')]} items={doc.consents.items}
          row={(x) => [when(x.recordedAt), yesNo(x.given), x.method.label, who(x.recordedBy), x.note || '—']} />
      </Section>

      <Section title={doc.invites.title} explanation={doc.invites.explanation}>
        {doc.invites.items.length === 0 && <Paragraph>{t('export.nothing')}</Paragraph>}
        {doc.invites.items.map((inv) => (
          <div key={inv.id} className="wh-export__item">
            <Heading level={3}>{t('export.inviteFrom', { organisation: inv.organisationName, opening: inv.openingTitle })}</Heading>
            <Facts rows={[
              [t('export.f.yourAnswer'), inv.decision.label],
              [t('export.f.state'), inv.state.label],
              [t('export.f.sent'), when(inv.sentAt)],
              [t('export.f.answerUntil'), when(inv.expiresAt)],
              [t('export.f.decided'), when(inv.decidedAt)],
              [t('export.f.message'), inv.message],
              ...(inv.advice ? [[t('export.f.advice'), inv.advice] as [string, string]] : []),
              ...(inv.declineReason ? [[t('export.f.declineReason'), inv.declineReason.label] as [string, string]] : []),
              ...(inv.declineNote ? [[t('export.f.declineNote'), inv.declineNote] as [string, string]] : []),
              ...(inv.intakeAt ? [[t('export.f.intake'), [when(inv.intakeAt), inv.intakeMode?.label, inv.intakePlace].filter(Boolean).join(', ')] as [string, string]] : []),
              ...(inv.outcomeNote ? [[t('export.f.outcome'), inv.outcomeNote] as [string, string]] : []),
            ]} />
            <Heading level={4}>{t('export.steps')}</Heading>
            <Rows label={`${t('export.steps')}: ${inv.organisationName}`} head={[t('export.c.when'), t('export.c.what'), t('export.c.who'), t('export.c.why')]} items={inv.history}
              row={(s) => [when(s.at), s.description, who(s.actor), s.reason || '—']} />
          </div>
        ))}
      </Section>

      <Section title={doc.disclosures.title} explanation={doc.disclosures.explanation}>
        <Rows label={doc.disclosures.title} head={[t('export.c.organisation'), t('export.c.work'), t('export.c.shared'), t('export.c.since'), t('export.c.until')]} items={doc.disclosures.items}
          row={(d) => [d.organisationName, d.openingTitle, labels(d.shared), when(d.grantedAt), d.sharedUntil ? `${when(d.sharedUntil)}. ${d.until}` : d.until]} />
      </Section>

      <Section title={doc.placements.title} explanation={doc.placements.explanation}>
        {doc.placements.items.length === 0 && <Paragraph>{t('export.nothing')}</Paragraph>}
        {doc.placements.items.map((pl, i) => (
          <div key={i} className="wh-export__item">
            <Heading level={3}>{t('export.inviteFrom', { organisation: pl.organisationName, opening: pl.openingTitle })}</Heading>
            <Facts rows={[
              [t('export.f.start'), date(pl.startDate)],
              [t('export.f.contract'), pl.contractType.label],
              [t('export.f.hoursWeek'), String(pl.hours)],
              [t('export.f.wage'), euro(pl.hourlyWageCents)],
              [t('export.f.ended'), pl.endedOn ? `${date(pl.endedOn)} (${pl.endReason?.label ?? ''})` : '—'],
              [t('export.f.recordedBy'), who(pl.createdBy)],
            ]} />
            <Rows label={t('export.followUps', { organisation: pl.organisationName })} head={[t('export.c.week'), t('export.c.asked'), t('export.c.answered'), t('export.c.stillThere')]} items={pl.followUps}
              row={(f) => [String(f.week), date(f.dueOn), when(f.answeredAt), f.stillEmployed === undefined ? '—' : yesNo(f.stillEmployed)]} />
            {(pl.thankYous ?? []).length > 0 && (
              <Rows label={t('export.thankYous')} head={[t('export.c.when'), t('export.c.note')]} items={pl.thankYous ?? []} row={(ty) => [when(ty.createdAt), ty.message]} />
            )}
          </div>
        ))}
      </Section>

      <Section title={doc.recommendations.title} explanation={doc.recommendations.explanation}>
        <Rows label={doc.recommendations.title} head={[t('export.c.work'), t('export.c.organisation'), t('export.c.who'), t('export.c.when'), t('export.c.note')]} items={doc.recommendations.items}
          row={(r) => [r.openingTitle, r.organisationName, who(r.pinnedBy), when(r.pinnedAt), r.note || '—']} />
      </Section>

      <Section title={doc.poolAppearances.title} explanation={doc.poolAppearances.explanation}>
        <Rows label={doc.poolAppearances.title} head={[t('export.c.week'), t('export.c.openings')]} items={doc.poolAppearances.items} row={(w) => [w.week, String(w.openings)]} />
      </Section>

      <Section title={doc.services.title} explanation={doc.services.explanation}>
        <Rows label={doc.services.title} head={[t('export.c.service'), t('export.c.provider'), t('export.c.askedBy'), t('export.c.state'), t('export.c.when'), t('export.c.delivered'), t('export.c.sharing')]} items={doc.services.items}
          row={(s) => [s.serviceTitle, s.providerName || '—', who(s.requestedBy), s.state.label, s.startsAt ? when(s.startsAt) : when(s.requestedAt),
            (s.hoursEntries ?? []).map((h) => t('export.hoursEntry', { date: date(h.workedOn), hours: formatNumber(h.hours, lang), note: h.note ? ` (${h.note})` : '' })).join('; ') || '—',
            s.sharing ? [s.sharing.state.label, s.sharing.via?.label, when(s.sharing.revokedAt ?? s.sharing.decidedAt ?? s.sharing.askedAt)].filter(Boolean).join(', ') : '—']} />
      </Section>

      <Section title={doc.lksApplications.title} explanation={doc.lksApplications.explanation}>
        <Rows label={doc.lksApplications.title} head={[t('export.c.work'), t('export.c.organisation'), t('export.c.state'), t('export.c.wageValue'), t('export.c.why'), t('export.c.asked')]}
          items={doc.lksApplications.items}
          row={(a) => [a.openingTitle, a.organisationName, a.state.label, a.wageValuePercent !== undefined ? `${formatNumber(a.wageValuePercent, lang)}%` : '—', a.motivation || '—', when(a.appliedAt)]} />
      </Section>

      <Section title={doc.mails.title} explanation={doc.mails.explanation}>
        <Rows label={doc.mails.title} head={[t('export.c.what'), t('export.c.sent')]} items={doc.mails.items} row={(m) => [m.kind.label, when(m.sentAt ?? m.queuedAt)]} />
      </Section>

      <Section title={doc.confirmationLinks.title} explanation={doc.confirmationLinks.explanation}>
        <Rows label={doc.confirmationLinks.title} head={[t('export.c.sent'), t('export.c.validUntil'), t('export.c.used')]} items={doc.confirmationLinks.items}
          row={(l) => [when(l.sentAt), when(l.validUntil), when(l.usedAt)]} />
      </Section>

      <Section title={doc.notifications.title} explanation={doc.notifications.explanation}>
        <Rows label={doc.notifications.title} head={[t('export.c.when'), t('export.c.message'), t('export.c.read')]} items={doc.notifications.items}
          row={(n) => [when(n.createdAt), n.title, when(n.readAt)]} />
      </Section>

      <Section title={doc.history.title} explanation={doc.history.explanation}>
        <Rows label={doc.history.title} head={[t('export.c.when'), t('export.c.what'), t('export.c.who')]} items={doc.history.items}
          row={(h) => [when(h.at), h.action.label, h.ip ? `${who(h.actor)} (${h.ip})` : who(h.actor)]} />
      </Section>

      <Section title={doc.accessLog.title} explanation={doc.accessLog.explanation}>
        <Rows label={doc.accessLog.title} head={[t('export.c.when'), t('export.c.who'), t('export.c.why')]} items={doc.accessLog.items} row={(r) => [when(r.at), who(r.actor), r.reason]} />
      </Section>
    </div>
  );
}

/** Section is one part of the document: a heading, what it holds, and its content. */
function Section({ title, explanation, children }: { title: string; explanation: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="wh-section wh-export__section" aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      <Paragraph>{explanation}</Paragraph>
      {children}
    </section>
  );
}

/** Facts is a list of name and value pairs. */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="wh-dl">
      {rows.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * Rows is a table, or a sentence saying there is nothing. On a phone the table scrolls sideways in a
 * region named label that takes keyboard focus, so it can be scrolled without a mouse.
 */
function Rows<T>({ label, head, items, row }: { label: string; head: string[]; items: T[]; row: (item: T) => string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Paragraph>{t('export.nothing')}</Paragraph>;
  return (
    <ScrollRegion label={t('export.tableOf', { name: label })}>
      <Table className="wh-export__table">
        <TableHeader>
          <TableRow>
            {head.map((h) => (
              <TableHeaderCell key={h} scope="col">
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item, i) => (
            <TableRow key={i}>
              {row(item).map((cell, j) => (
                <TableCell key={j}>{cell}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
