// Delivered hours as entries (date, hours, note) and the extensions beyond the booked hours
// (backend/internal/booking/hours.go): the provider records and asks, the booking organisation decides.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, Heading, Notice, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useDecideExtension, useRecordHours, useRequestExtension, type Booking } from './api';
import { Outcome, useProblem } from './actions';
import { formatDate, formatEuro, formatNumber, today } from '../../lib/format';


/** HoursSection lists the entries and extensions; the provider records hours and asks for more, the organisation decides. */
export function HoursSection({ b, provider, booker }: { b: Booking; provider: boolean; booker: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const entries = b.hoursEntries ?? [];
  const extensions = b.extensions ?? [];
  const started = b.state === 'in_progress' || b.state === 'completed';
  if (!started && entries.length === 0 && extensions.length === 0 && !(provider && b.state === 'confirmed')) return null;
  const booked = b.priceUnit === 'per_hour' ? b.quantity + extensions.filter((e) => e.state === 'approved').reduce((n, e) => n + e.hours, 0) : undefined;
  return (
    <section aria-labelledby={`hours-${b.id}`} className="wh-section">
      <Heading level={2} id={`hours-${b.id}`}>
        {t('hours.title')}
      </Heading>
      <Paragraph>
        {booked !== undefined
          ? t('hours.totalOf', { n: formatNumber(b.deliveredHours, lang), booked: formatNumber(booked, lang) })
          : t('hours.total', { n: formatNumber(b.deliveredHours, lang) })}
      </Paragraph>
      {entries.length > 0 && (
        <table className="wh-table">
          <caption className="wh-visually-hidden">{t('hours.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hours.date')}</th>
              <th scope="col">{t('hours.hours')}</th>
              <th scope="col">{t('hours.note')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDate(e.date, lang)}</td>
                <td>{formatNumber(e.hours, lang)}</td>
                <td>{e.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {extensions.map((e) => (
        <ExtensionLine key={e.id} b={b} e={e} mayDecide={booker} />
      ))}
      {provider && started && <RecordHours b={b} />}
      {provider && b.priceUnit === 'per_hour' && ['confirmed', 'in_progress'].includes(b.state) && !extensions.some((e) => e.state === 'requested') && (
        <RequestExtension b={b} />
      )}
    </section>
  );
}

type ExtensionBody = NonNullable<Booking['extensions']>[number];

function ExtensionLine({ b, e, mayDecide }: { b: Booking; e: ExtensionBody; mayDecide: boolean }) {
  const { t, i18n } = useTranslation();
  const decide = useDecideExtension(b.id);
  const problem = useProblem();
  const [done, setDone] = useState('');
  return (
    <div className="wh-stack">
      <Paragraph>
        {t(`hours.extension.${e.state}`, { count: e.hours, amount: formatEuro(e.amountCents, i18n.language) })}
        {e.reason ? ` ${t('hours.extension.reason', { reason: e.reason })}` : ''}
      </Paragraph>
      <Outcome message={done} />
      {decide.error && <Notice type="error">{problem(decide.error)}</Notice>}
      {mayDecide && e.state === 'requested' && (
        <div className="wh-actions">
          <Button disabled={decide.isPending}
            onClick={() => decide.mutate({ extensionId: e.id, decision: 'approved' }, { onSuccess: () => setDone(t('hours.extension.approvedDone', { count: e.hours })) })}>
            {t('hours.extension.approve', { count: e.hours })}
          </Button>
          <Button secondary disabled={decide.isPending}
            onClick={() => decide.mutate({ extensionId: e.id, decision: 'refused' }, { onSuccess: () => setDone(t('hours.extension.refusedDone', { count: e.hours })) })}>
            {t('hours.extension.refuse')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** RecordHours is the provider's form for one entry. */
function RecordHours({ b }: { b: Booking }) {
  const { t, i18n } = useTranslation();
  const save = useRecordHours(b.id);
  const problem = useProblem();
  const [date, setDate] = useState(today);
  const [hours, setHours] = useState('');
  const [note, setNote] = useState('');
  const err = save.error instanceof ApiError ? save.error : undefined;
  const fields = err?.fieldErrors() ?? {};
  const messages = err?.fieldMessages() ?? {};
  const value = Number(hours.trim().replace(',', '.'));
  return (
    <form
      className="wh-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { date, hours: hours.trim() !== '' && Number.isFinite(value) ? value : -1, note: note.trim() || undefined },
          { onSuccess: () => { setHours(''); setNote(''); } },
        );
      }}
    >
      <Heading level={3}>{t('hours.record')}</Heading>
      {save.error && !fields.date && !fields.hours && !fields.note && <Notice type="error">{problem(save.error)}</Notice>}
      <Field label={t('hours.date')} name="date" type="date" value={date} onChange={setDate} error={fields.date} message={messages.date} />
      <Field label={t('hours.hours')} name="hours" inputMode="decimal" value={hours} onChange={setHours} error={fields.hours} message={messages.hours}
        description={t('hours.hoursHelp')} />
      <TextArea label={t('hours.noteLabel')} name="note" value={note} onChange={setNote} maxLength={500} error={fields.note} message={messages.note} />
      <div>
        <Button type="submit" disabled={save.isPending}>
          {t('hours.save')}
        </Button>
      </div>
      {save.isSuccess && !save.isPending && <Notice type="ok">{t('hours.saved', { lng: i18n.language })}</Notice>}
    </form>
  );
}

/** RequestExtension asks the booking organisation for more hours (the provider). */
function RequestExtension({ b }: { b: Booking }) {
  const { t } = useTranslation();
  const ask = useRequestExtension(b.id);
  const problem = useProblem();
  const [hours, setHours] = useState('');
  const [reason, setReason] = useState('');
  const err = ask.error instanceof ApiError ? ask.error : undefined;
  const fields = err?.fieldErrors() ?? {};
  const messages = err?.fieldMessages() ?? {};
  return (
    <form
      className="wh-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        ask.mutate({ hours: /^\d+$/.test(hours.trim()) ? Number(hours.trim()) : -1, reason: reason.trim() || undefined });
      }}
    >
      <Heading level={3}>{t('hours.extension.ask')}</Heading>
      <Paragraph>{t('hours.extension.askHelp')}</Paragraph>
      {ask.error && !fields.hours && !fields.reason && <Notice type="error">{problem(ask.error)}</Notice>}
      <Field label={t('hours.extension.hours')} name="extensionHours" inputMode="numeric" value={hours} onChange={setHours} error={fields.hours} message={messages.hours} />
      <TextArea label={t('hours.extension.reasonLabel')} name="extensionReason" value={reason} onChange={setReason} maxLength={1000} error={fields.reason}
        message={messages.reason} />
      <div>
        <Button type="submit" secondary disabled={ask.isPending}>
          {t('hours.extension.send')}
        </Button>
      </div>
    </form>
  );
}
