import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, Choice, DataState, ErrorNotice, Field, PageTitle, Paragraph } from '../../components/ui';
import { downloadAuditCsv, useAuditEvents, useAuditFilterOptions, type AuditFilter } from './api';
import { auditSubjectHref, auditSubjectText } from './auditLinks';
import { formatDateTime } from '../../lib/format';

export function AuditLog() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [draft, setDraft] = useState<AuditFilter>({ action: '', actor: '', from: '', to: '' });
  const [filter, setFilter] = useState<AuditFilter>({});
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const events = useAuditEvents(filter, lang);
  const options = useAuditFilterOptions(lang);
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft });
  };
  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await downloadAuditCsv(filter, lang);
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  };
  const actionOptions = [{ value: '', label: t('admin.allActions') }, ...(options.data?.actions ?? []).map((a) => ({ value: a.code, label: a.label }))];
  const actorOptions = [{ value: '', label: t('admin.allActors') }, ...(options.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))];
  return (
    <>
      <PageTitle>{t('admin.auditTitle')}</PageTitle>
      <form onSubmit={submit} className="wh-form wh-form--inline" aria-label={t('admin.auditFilter')}>
        <Choice label={t('admin.action')} name="action" value={draft.action ?? ''} onChange={(action) => setDraft({ ...draft, action })} options={actionOptions} />
        <Choice label={t('admin.actor')} name="actor" value={draft.actor ?? ''} onChange={(actor) => setDraft({ ...draft, actor })} options={actorOptions} />
        <Field label={t('admin.from')} name="from" type="datetime-local" value={draft.from ?? ''} onChange={(from) => setDraft({ ...draft, from })} />
        <Field label={t('admin.to')} name="to" type="datetime-local" value={draft.to ?? ''} onChange={(to) => setDraft({ ...draft, to })} />
        <Button type="submit">{t('admin.filter')}</Button>
      </form>
      <Paragraph>
        <Button secondary disabled={exporting} onClick={() => void exportCsv()}>
          {t('admin.auditExport')}
        </Button>
      </Paragraph>
      {exportError ? <ErrorNotice error={exportError} /> : null}
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
              {rows.map((e) => {
                const href = auditSubjectHref(e.subjectType, e.subjectId);
                const subject = auditSubjectText(e.subjectTypeLabel, e.subjectName);
                const role = e.actorRoleLabel ?? '';
                return (
                  <TableRow key={e.id}>
                    <TableCell>{formatDateTime(e.occurredAt, lang, 'short', 'medium')}</TableCell>
                    <TableCell>{e.actionLabel}</TableCell>
                    <TableCell>{t(`admin.outcomes.${e.outcome}`)}</TableCell>
                    <TableCell>{e.actorName ? (role ? `${e.actorName} (${role})` : e.actorName) : role || '—'}</TableCell>
                    <TableCell>{href ? <Link to={href}>{subject}</Link> : subject}</TableCell>
                  </TableRow>
                );
              })}
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
