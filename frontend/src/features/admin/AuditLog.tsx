import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, DataState, Field, PageTitle, Paragraph } from '../../components/ui';
import { useAuditEvents, type AuditFilter } from './api';

export function AuditLog() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<AuditFilter>({ action: '', from: '', to: '' });
  const [filter, setFilter] = useState<AuditFilter>({});
  const events = useAuditEvents(filter);
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft });
  };
  const fmt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Amsterdam' });
  return (
    <>
      <PageTitle>{t('admin.auditTitle')}</PageTitle>
      <form onSubmit={submit} className="wh-form wh-form--inline">
        <Field label={t('admin.action')} name="action" value={draft.action ?? ''} onChange={(action) => setDraft({ ...draft, action })} description={t('admin.actionHint')} />
        <Field label={t('admin.from')} name="from" type="datetime-local" value={draft.from ?? ''} onChange={(from) => setDraft({ ...draft, from })} />
        <Field label={t('admin.to')} name="to" type="datetime-local" value={draft.to ?? ''} onChange={(to) => setDraft({ ...draft, to })} />
        <Button type="submit">{t('admin.filter')}</Button>
      </form>
      <DataState isLoading={events.isLoading} error={events.error}>
        {rows.length === 0 ? (
          <Paragraph>{t('admin.noEvents')}</Paragraph>
        ) : (
          <Table className="wh-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('admin.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.action')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.outcome')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.actor')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.subject')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{fmt.format(new Date(e.occurredAt))}</TableCell>
                  <TableCell>{e.action}</TableCell>
                  <TableCell>{t(`admin.outcomes.${e.outcome}`)}</TableCell>
                  <TableCell>{e.actorRole ? t(`roles.${e.actorRole}`) : '—'}</TableCell>
                  <TableCell>{e.subjectType ? `${e.subjectType} ${e.subjectId?.slice(0, 8) ?? ''}` : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DataState>
      {events.hasNextPage && (
        <Button secondary disabled={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
          {t('admin.more')}
        </Button>
      )}
    </>
  );
}
