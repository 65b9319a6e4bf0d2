import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api/error';
import { Button, DataState, Field, FieldFrame, Heading, Notice, Paragraph, TextArea } from '../../components/ui';
import { useServiceArea, useSetServiceArea, useUpdateRegion } from './api';

/** parsePC4s reads PC4 codes from pasted text or a CSV file: every 4-digit code (or the first 4 digits of a postcode), in order. */
export function parsePC4s(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[^0-9])([0-9]{4})(?:\s?[A-Za-z]{2})?(?=$|[^0-9A-Za-z])/gm)) out.push(m[1]);
  return out;
}

/** ServiceArea edits the PC4 areas the admin's region serves: typed or pasted, or read from a CSV file. */
function ServiceAreaForm({ regionId }: { regionId: string }) {
  const { t } = useTranslation();
  const area = useServiceArea(regionId);
  const save = useSetServiceArea(regionId);
  const [text, setText] = useState<string | undefined>(undefined);
  const value = text ?? (area.data ?? []).join('\n');
  const err = save.error instanceof ApiError ? save.error : undefined;
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setText(parsePC4s(await file.text()).join('\n'));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(parsePC4s(value), { onSuccess: () => setText(undefined) });
  };
  return (
    <DataState isLoading={area.isLoading} error={area.error}>
      <form onSubmit={submit} noValidate className="wh-form">
        <Paragraph>{t('admin.serviceAreaIntro', { count: area.data?.length ?? 0 })}</Paragraph>
        {save.isSuccess && <Notice type="ok">{t('admin.serviceAreaSaved', { count: save.data.length })}</Notice>}
        {err?.status === 400 && (
          <Notice type="error">
            {t('admin.serviceAreaInvalid')} {err.invalidParams.map((p) => p.reason).join(' ')}
          </Notice>
        )}
        {save.error && err?.status !== 400 && <Notice type="error">{t('common.error')}</Notice>}
        <FieldFrame label={t('admin.serviceAreaFile')} description={t('admin.serviceAreaFileHelp')}>
          {({ id, describedBy }) => <input id={id} type="file" accept=".csv,text/csv,text/plain" aria-describedby={describedBy} onChange={onFile} />}
        </FieldFrame>
        <TextArea label={t('admin.serviceAreaList')} name="pc4s" description={t('admin.serviceAreaListHelp')} value={value} onChange={setText} />
        <Button type="submit" disabled={save.isPending}>
          {t('admin.serviceAreaSave')}
        </Button>
      </form>
    </DataState>
  );
}

/** ContactForm edits the region's desk, which organisations outside every region's area are shown. */
function ContactForm({ regionId, email, phone }: { regionId: string; email: string; phone: string }) {
  const { t } = useTranslation();
  const [contactEmail, setEmail] = useState(email);
  const [contactPhone, setPhone] = useState(phone);
  const save = useUpdateRegion(regionId);
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ contactEmail, contactPhone });
  };
  return (
    <form onSubmit={submit} noValidate className="wh-form">
      {save.isSuccess && <Notice type="ok">{t('admin.contactSaved')}</Notice>}
      <Field label={t('admin.contactEmail')} name="contactEmail" type="email" value={contactEmail} onChange={setEmail} error={fields.contactEmail} />
      <Field label={t('admin.contactPhone')} name="contactPhone" type="tel" value={contactPhone} onChange={setPhone} error={fields.contactPhone} />
      <Button type="submit" secondary disabled={save.isPending}>
        {t('admin.contactSave')}
      </Button>
    </form>
  );
}

type InvoiceDetails = { legalName: string; street: string; postcode: string; city: string; kvkNummer: string; vatNumber: string };

/** InvoiceForm edits what invoices for the region's own services name as their supplier: the gemeente. */
function InvoiceForm({ regionId, details }: { regionId: string; details: InvoiceDetails }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(details);
  const save = useUpdateRegion(regionId);
  const err = save.error instanceof ApiError ? save.error : undefined;
  const fe = (name: string) => ({ error: err?.fieldErrors()[name], message: err?.fieldMessages()[name] });
  const set = (k: keyof InvoiceDetails) => (v: string) => setForm({ ...form, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  return (
    <form onSubmit={submit} noValidate className="wh-form">
      {save.isSuccess && <Notice type="ok">{t('admin.invoiceSaved')}</Notice>}
      {err && !err.invalidParams.length && <Notice type="error">{t('common.error')}</Notice>}
      <Field label={t('admin.legalName')} name="legalName" value={form.legalName} onChange={set('legalName')} description={t('admin.legalNameHelp')} {...fe('legalName')} />
      <Field label={t('organisation.street')} name="street" value={form.street} onChange={set('street')} {...fe('street')} />
      <Field label={t('admin.postcode')} name="postcode" value={form.postcode} onChange={set('postcode')} {...fe('postcode')} />
      <Field label={t('organisation.city')} name="city" value={form.city} onChange={set('city')} {...fe('city')} />
      <Field label={t('admin.kvkNummer')} name="kvkNummer" value={form.kvkNummer} onChange={set('kvkNummer')} {...fe('kvkNummer')} />
      <Field label={t('organisation.vatNumber')} name="vatNumber" value={form.vatNumber} onChange={set('vatNumber')} description={t('organisation.vatNumberHelp')} {...fe('vatNumber')} />
      <Button type="submit" secondary disabled={save.isPending}>
        {t('admin.invoiceSave')}
      </Button>
    </form>
  );
}

/** RegionSettings are a region's contact details and service area. */
export function RegionSettings({ region }: { region: { id: string; name: string; contactEmail: string; contactPhone: string } & InvoiceDetails }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`region-${region.id}`}>
      <Heading level={2} id={`region-${region.id}`}>
        {region.name}
      </Heading>
      <Heading level={3}>{t('admin.contactTitle')}</Heading>
      <ContactForm regionId={region.id} email={region.contactEmail} phone={region.contactPhone} />
      <Heading level={3}>{t('admin.invoiceTitle')}</Heading>
      <InvoiceForm regionId={region.id} details={region} />
      <Heading level={3}>{t('admin.serviceAreaTitle')}</Heading>
      <ServiceAreaForm regionId={region.id} />
    </section>
  );
}
