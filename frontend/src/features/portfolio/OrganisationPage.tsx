import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Button, Choice, DataState, Field, Heading, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { ProfileForm } from './ProfileForm';
import { useSession } from '../../lib/session';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { formatDate, today } from '../../lib/format';
import { useAddContactMoment, useContactMoments, useOrganisation } from './api';
import { useOpenings, OpeningsTable } from '../openings';
import { MessageThread } from '../messages';
import { useBookings, usePlacements, BookingsTable } from '../services';

const contactKinds = ['telefoon', 'bezoek', 'e-mail', 'overleg', 'notitie'] as const;
type ContactKind = (typeof contactKinds)[number];


/** OrganisationPage is an organisation as its accountmanager sees it: profile, openings and contact log. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const org = useOrganisation(id);
  const openings = useOpenings({ organisationId: id });
  const log = useContactMoments(id);
  const add = useAddContactMoment(id);
  const [form, setForm] = useState<{ kind: ContactKind; occurredOn: string; note: string }>({ kind: 'telefoon', occurredOn: today(), note: '' });
  const err = add.error instanceof ApiError ? add.error : undefined;
  const user = useSession().data?.user;
  const canEdit = user?.role === 'admin' || (user?.role === 'accountmanager' && org.data?.accountmanagerId === user.userId);
  const { hash } = useLocation();
  const loaded = !!org.data;
  useEffect(() => {
    // A notification's link (#berichten) opens the page at the conversation.
    if (loaded && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [loaded, hash]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(form, { onSuccess: () => setForm({ ...form, note: '' }) });
  };
  return (
    <DataState isLoading={org.isLoading} error={org.error}>
      {org.data && (
        <>
          <PageTitle>{org.data.name}</PageTitle>
          <dl className="wh-dl">
            <dt>{t('admin.kind')}</dt>
            <dd>{t(`admin.kinds.${org.data.kind}`)}</dd>
            <dt>{t('admin.kvk')}</dt>
            <dd>{org.data.kvkNummer}</dd>
            <dt>{t('admin.postcode')}</dt>
            <dd>{org.data.postcode}</dd>
            {org.data.size && (
              <>
                <dt>{t('organisation.size')}</dt>
                <dd>{t('organisation.sizeN', { n: org.data.size })}</dd>
              </>
            )}
            {org.data.sector && (
              <>
                <dt>{t('organisation.sector')}</dt>
                <dd>{org.data.sector}</dd>
              </>
            )}
            {org.data.contactName && (
              <>
                <dt>{t('organisation.contact')}</dt>
                <dd>
                  {org.data.contactName} {org.data.contactEmail} {org.data.contactPhone}
                </dd>
              </>
            )}
          </dl>

          {canEdit && (
            <details className="wh-details">
              <summary>{t('organisation.editProfile')}</summary>
              <ProfileForm org={org.data} staff />
            </details>
          )}

          <Heading level={2}>{t('organisation.openings')}</Heading>
          <Paragraph>
            <Link to={`/vacatures/nieuw?organisatie=${id}`}>{t('organisation.newOpening')}</Link>
          </Paragraph>
          <DataState isLoading={openings.isLoading} error={openings.error}>
            {openings.data?.length === 0 ? (
              <Paragraph>{t('opening.none')}</Paragraph>
            ) : (
              <OpeningsTable openings={openings.data ?? []} showOrganisation={false} />
            )}
          </DataState>

          <OrganisationActivity organisationId={id} />

          <div className="wh-beside">
            {user?.role === 'accountmanager' && (
              <section id="berichten" aria-labelledby="berichten-title">
                <Heading level={2} id="berichten-title">{t('messages.orgTitle')}</Heading>
                <Paragraph>{t('messages.orgIntro')}</Paragraph>
                <MessageThread orgId={id} />
              </section>
            )}
            <section aria-labelledby="contactlog-title">
              <Heading level={2} id="contactlog-title">{t('contact.title')}</Heading>
              <Paragraph>{t('contact.private')}</Paragraph>
              {add.isSuccess && <Notice type="ok">{t('contact.added')}</Notice>}
              <form onSubmit={submit} noValidate className="wh-form">
                <Choice label={t('contact.kind')} name="kind" value={form.kind} onChange={(v) => setForm({ ...form, kind: v as ContactKind })}
                  options={contactKinds.map((k) => ({ value: k, label: t(`contact.kinds.${k}`) }))} />
                <Field label={t('contact.date')} name="occurredOn" type="date" value={form.occurredOn} onChange={(v) => setForm({ ...form, occurredOn: v })}
                  error={err?.fieldErrors().occurredOn} message={err?.fieldMessages().occurredOn} />
                <TextArea label={t('contact.note')} name="note" value={form.note} onChange={(v) => setForm({ ...form, note: v })} maxLength={4000}
                  error={err?.fieldErrors().note} message={err?.fieldMessages().note} />
                <Button type="submit" disabled={add.isPending}>
                  {t('contact.add')}
                </Button>
              </form>
              <DataState isLoading={log.isLoading} error={log.error}>
                {log.data?.length === 0 ? (
                  <Paragraph>{t('contact.none')}</Paragraph>
                ) : (
                  <ol className="wh-log">
                    {log.data?.map((c) => (
                      <li key={c.id}>
                        <strong>
                          {formatDate(c.occurredOn, i18n.language)} · {t(`contact.kinds.${c.kind}`)}
                        </strong>{' '}
                        ({c.authorName})
                        <Paragraph className="wh-pre">{c.note}</Paragraph>
                      </li>
                    ))}
                  </ol>
                )}
              </DataState>
            </section>
          </div>
        </>
      )}
    </DataState>
  );
}

/** recent: how many placements and bookings the organisation page shows (newest first). */
const recent = 10;

/** OrganisationActivity is an organisation's placements and bookings, newest first, each linked. */
function OrganisationActivity({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const placements = usePlacements(true, organisationId);
  const bookings = useBookings({ organisation: organisationId });
  return (
    <>
      <section aria-labelledby="plaatsingen-title">
        <Heading level={2} id="plaatsingen-title">{t('organisation.placements')}</Heading>
        <DataState isLoading={placements.isLoading} error={placements.error}>
          {placements.data?.length === 0 ? (
            <Paragraph>{t('organisation.noPlacements')}</Paragraph>
          ) : (
            <Table className="wh-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('organisation.placementOpening')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisation.placementCandidate')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisation.placementStart')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('organisation.placementEnd')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(placements.data ?? []).slice(0, recent).map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>
                      <Link to={`/uitnodigingen/${p.inviteId}`}>{p.openingTitle}</Link>
                    </TableCell>
                    <TableCell>{p.candidateCode}</TableCell>
                    <TableCell>{formatDate(p.startDate, i18n.language)}</TableCell>
                    <TableCell>{p.endedOn ? formatDate(p.endedOn, i18n.language) : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </DataState>
      </section>
      <section aria-labelledby="boekingen-title">
        <Heading level={2} id="boekingen-title">{t('organisation.bookings')}</Heading>
        <DataState isLoading={bookings.isLoading} error={bookings.error}>
          {bookings.data?.length === 0 ? (
            <Paragraph>{t('organisation.noBookings')}</Paragraph>
          ) : (
            <BookingsTable items={(bookings.data ?? []).slice(0, recent)} />
          )}
        </DataState>
        <Paragraph>
          <Link to="/boekingen">{t('organisation.allBookings')}</Link>
        </Paragraph>
      </section>
    </>
  );
}
