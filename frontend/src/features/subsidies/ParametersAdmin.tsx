import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, DataState, Field, Heading, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useAddPeriod, useDeletePeriod, useParameters, useUpdatePeriod, type Parameter, type Period } from './api';
import { formatValue, parseValue, valueToInput } from './format';
import { formatDate, today } from '../../lib/format';
import { useFocusOnError } from '../../lib/useFocusOnError';

/** ParametersAdmin is /beheer/subsidies: every parameter's periods, national and the region's own. */
export function ParametersAdmin() {
  const { t } = useTranslation();
  const params = useParameters();
  return (
    <>
      <PageTitle>{t('subsidyAdmin.title')}</PageTitle>
      <Paragraph>{t('subsidyAdmin.intro')}</Paragraph>
      <DataState isLoading={params.isLoading} error={params.error}>
        {(['national', 'regional'] as const).map((scope) => (
          <section key={scope} aria-labelledby={scope} className="wh-section">
            <Heading level={2} id={scope}>
              {t(`subsidyAdmin.${scope}`)}
            </Heading>
            <Paragraph>{t(`subsidyAdmin.${scope}Help`)}</Paragraph>
            {(params.data ?? [])
              .filter((p) => p.scope === scope)
              .map((p) => (
                <ParameterPeriods key={p.key} p={p} />
              ))}
          </section>
        ))}
      </DataState>
    </>
  );
}

/** canDelete: only a period that has not begun, and never a key's last. */
export function canDelete(p: Parameter, pe: Period, day: string): boolean {
  return pe.validFrom > day && p.periods.length > 1;
}

/** ParameterPeriods is one parameter: its periods, with change and delete, and adding one. */
function ParameterPeriods({ p }: { p: Parameter }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [editing, setEditing] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const del = useDeletePeriod();
  const day = today();
  const label = t(`subsidies.keys.${p.key}`, { defaultValue: p.key });
  const headingId = `param-${p.key}`;
  return (
    <section aria-labelledby={headingId} className="wh-section">
      <Heading level={3} id={headingId}>
        {label}
      </Heading>
      {p.periods.length === 0 ? (
        <Paragraph>{t('subsidyAdmin.noPeriods')}</Paragraph>
      ) : (
        <Table className="wh-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('subsidyAdmin.validFrom')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('subsidyAdmin.value')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('subsidyAdmin.source')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('subsidyAdmin.checkedOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('subsidyAdmin.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {p.periods.map((pe) => (
              <TableRow key={pe.id}>
                <TableCell>{formatDate(pe.validFrom, lang)}</TableCell>
                <TableCell>{formatValue(t, lang, p.unit, pe.value)}</TableCell>
                <TableCell>{pe.source}</TableCell>
                <TableCell>{pe.checkedOn ? formatDate(pe.checkedOn, lang) : t('subsidies.notChecked')}</TableCell>
                <TableCell>
                  <div className="wh-actions">
                    <Button secondary onClick={() => setEditing(editing === pe.id ? undefined : pe.id)}
                      label={t('subsidyAdmin.editLabel', { key: label, date: formatDate(pe.validFrom, lang) })}>
                      {t('subsidyAdmin.edit')}
                    </Button>
                    {canDelete(p, pe, day) && (
                      <Button secondary disabled={del.isPending} onClick={() => del.mutate(pe.id!)}
                        label={t('subsidyAdmin.deleteLabel', { key: label, date: formatDate(pe.validFrom, lang) })}>
                        {t('subsidyAdmin.delete')}
                      </Button>
                    )}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {del.error instanceof ApiError && <Notice type="error">{del.error.message}</Notice>}
      {p.periods
        .filter((pe) => pe.id === editing)
        .map((pe) => (
          <PeriodForm key={pe.id} p={p} period={pe} onDone={() => setEditing(undefined)} />
        ))}
      {adding ? (
        <PeriodForm p={p} onDone={() => setAdding(false)} />
      ) : (
        <div className="wh-actions">
          <Button secondary onClick={() => setAdding(true)} label={t('subsidyAdmin.addLabel', { key: label })}>
            {t('subsidyAdmin.add')}
          </Button>
        </div>
      )}
    </section>
  );
}

/** The fields of the period form, in the order the error summary lists them. */
const formFields = ['validFrom', 'value', 'source', 'checkedOn'] as const;

/** PeriodForm adds a period to p, or changes period (value, source, checked on). */
export function PeriodForm({ p, period, onDone }: { p: Parameter; period?: Period; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const add = useAddPeriod();
  const update = useUpdatePeriod();
  const save = period ? update : add;
  const [validFrom, setValidFrom] = useState('');
  const [value, setValue] = useState(period ? valueToInput(p.unit, period.value, lang) : '');
  const [source, setSource] = useState(period?.source ?? '');
  const [checkedOn, setCheckedOn] = useState(period?.checkedOn ?? '');
  const [valueError, setValueError] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const err = save.error instanceof ApiError ? save.error : undefined;
  const fields: Record<string, string> = { ...(err?.fieldErrors() ?? {}) };
  const messages: Record<string, string> = { ...(err?.fieldMessages() ?? {}) };
  if (valueError) {
    fields.value = 'invalid';
    messages.value = t(`subsidyAdmin.valueInvalid.${p.unit}`);
  }
  const summary = useFocusOnError(save.error ?? (valueError || undefined));
  const label = t(`subsidies.keys.${p.key}`, { defaultValue: p.key });
  const listed = formFields.filter((f) => fields[f]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = parseValue(p.unit, value);
    setValueError(v === undefined);
    if (v === undefined) return;
    if (period) {
      update.mutate({ id: period.id!, body: { value: v, source: source.trim(), checkedOn: checkedOn || null } }, { onSuccess: onDone });
    } else {
      add.mutate({ key: p.key, validFrom, value: v, source: source.trim(), ...(checkedOn ? { checkedOn } : {}) }, { onSuccess: onDone });
    }
  };
  /** focusField moves the focus from the summary to the field it names. */
  const focusField = (name: string) => formRef.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="wh-form" aria-label={period ? t('subsidyAdmin.editTitle', { key: label }) : t('subsidyAdmin.addTitle', { key: label })}>
      <div ref={summary} tabIndex={-1} className="wh-focus-target">
        {(err || valueError) && (
          <>
            <Notice type="error">{listed.length ? t('subsidyAdmin.fixFields', { count: listed.length }) : err?.message}</Notice>
            {listed.length > 0 && (
              <ul className="wh-error-list">
                {listed.map((f) => (
                  <li key={f}>
                    <a href={`#${f}`} onClick={(e) => { e.preventDefault(); focusField(f); }}>
                      {t(`subsidyAdmin.${f}`)}: {messages[f] || t(`fields.${fields[f]}`, { defaultValue: t('fields.invalid') })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {!period && (
        <Field label={t('subsidyAdmin.validFrom')} name="validFrom" type="date" required value={validFrom} onChange={setValidFrom}
          description={t('subsidyAdmin.validFromHelp')} error={fields.validFrom} message={messages.validFrom} />
      )}
      <Field label={t('subsidyAdmin.valueIn', { unit: t(`subsidyAdmin.units.${p.unit}`) })} name="value" required inputMode="decimal" value={value} onChange={setValue}
        description={t('subsidyAdmin.rangeHelp', { min: formatValue(t, lang, p.unit, p.min), max: formatValue(t, lang, p.unit, p.max) })}
        error={fields.value} message={messages.value} />
      <TextArea label={t('subsidyAdmin.source')} name="source" value={source} onChange={setSource} maxLength={1000} description={t('subsidyAdmin.sourceHelp')}
        error={fields.source} message={messages.source} />
      <Field label={t('subsidyAdmin.checkedOn')} name="checkedOn" type="date" value={checkedOn} onChange={setCheckedOn} description={t('subsidyAdmin.checkedOnHelp')}
        error={fields.checkedOn} message={messages.checkedOn} />
      <div className="wh-actions">
        <Button type="submit" disabled={save.isPending}>
          {t('subsidyAdmin.save')}
        </Button>
        <Button secondary onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
