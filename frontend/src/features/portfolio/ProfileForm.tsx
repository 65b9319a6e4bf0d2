import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Choice, DataState, Field, Notice, PageTitle, Paragraph } from '../../components/ui';
import { api } from '../../lib/api/client';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import type { components } from '../../lib/api/schema';
import { Colleagues } from './Colleagues';
import { useOrganisation } from './api';
import { usePostcode } from '../reference';

type Organisation = components['schemas']['OrganisationBody'];
type Size = Organisation['size'];
const sizes: Size[] = ['', '1-9', '10-49', '50-249', '250+'];

function useAccountmanagers(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'accountmanager'],
    enabled,
    queryFn: async () => (await api.GET('/users', { params: { query: { role: 'accountmanager', pageSize: 100 } } })).data!.items,
  });
}

/**
 * ProfileForm edits an organisation's profile: organisation users their own,
 * accountmanagers those in their portfolio, admins any; staff also assign the
 * accountmanager.
 */
export function ProfileForm({ org, staff }: { org: Organisation; staff: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ams = useAccountmanagers(staff);
  const [form, setForm] = useState({
    name: org.name,
    sector: org.sector,
    size: org.size,
    postcode: org.postcode,
    contactName: org.contactName,
    contactEmail: org.contactEmail,
    contactPhone: org.contactPhone,
    street: org.street,
    city: org.city,
    vatNumber: org.vatNumber,
    accountmanagerId: org.accountmanagerId ?? '',
  });
  const save = useMutation({
    mutationFn: async () => {
      const { accountmanagerId, ...profile } = form;
      const body = staff && accountmanagerId ? { ...profile, accountmanagerId } : profile;
      return (await api.PATCH('/organisations/{id}', { params: { path: { id: org.id } }, body })).data!;
    },
    onSuccess: (o) => {
      qc.setQueryData(['organisation', o.id], o);
      qc.invalidateQueries({ queryKey: ['portfolio'] });
    },
  });
  const place = usePostcode(form.postcode);
  const err = save.error instanceof ApiError ? save.error : undefined;
  const fe = (name: string) => ({ error: err?.fieldErrors()[name], message: err?.fieldMessages()[name] });
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="wh-form">
      {save.isSuccess && <Notice type="ok">{t('organisation.saved')}</Notice>}
      {err && !err.invalidParams.length && <Notice type="error">{err.message}</Notice>}
      <Field label={t('admin.name')} name="name" required value={form.name} onChange={set('name')} {...fe('name')} />
      <Field label={t('organisation.sector')} name="sector" value={form.sector} onChange={set('sector')} description={t('organisation.sectorHelp')} {...fe('sector')} />
      <Choice label={t('organisation.size')} name="size" value={form.size} onChange={(v) => setForm({ ...form, size: v as Size })}
        options={sizes.map((s) => ({ value: s, label: s ? t('organisation.sizeN', { n: s }) : t('organisation.sizeUnknown') }))} {...fe('size')} />
      <Field label={t('admin.postcode')} name="postcode" required value={form.postcode} onChange={set('postcode')} autoComplete="postal-code" {...fe('postcode')}
        after={<p className="wh-place" aria-live="polite">{place.data ? t('opening.placeIs', { place: place.data.place }) : place.isError ? t('opening.placeUnknown') : ''}</p>} />
      <Field label={t('organisation.contactName')} name="contactName" value={form.contactName} onChange={set('contactName')} autoComplete="name" {...fe('contactName')} />
      <Field label={t('organisation.contactEmail')} name="contactEmail" type="email" value={form.contactEmail} onChange={set('contactEmail')} autoComplete="email" {...fe('contactEmail')} />
      <Field label={t('organisation.contactPhone')} name="contactPhone" value={form.contactPhone} onChange={set('contactPhone')} autoComplete="tel" {...fe('contactPhone')} />
      <fieldset className="wh-fieldset">
        <legend>{t('organisation.invoiceDetails')}</legend>
        <p>{t('organisation.invoiceDetailsHelp')}</p>
        <Field label={t('organisation.street')} name="street" value={form.street} onChange={set('street')} autoComplete="street-address" {...fe('street')} />
        <Field label={t('organisation.city')} name="city" value={form.city} onChange={set('city')} autoComplete="address-level2" {...fe('city')} />
        <Field label={t('organisation.vatNumber')} name="vatNumber" value={form.vatNumber} onChange={set('vatNumber')} description={t('organisation.vatNumberHelp')} {...fe('vatNumber')} />
      </fieldset>
      {staff && (
        <Choice label={t('portfolio.accountmanager')} name="accountmanagerId" value={form.accountmanagerId} onChange={set('accountmanagerId')}
          options={[...(form.accountmanagerId ? [] : [{ value: '', label: t('portfolio.unassigned') }]), ...(ams.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))]}
          {...fe('accountmanagerId')} />
      )}
      <Button type="submit" disabled={save.isPending}>
        {t('organisation.save')}
      </Button>
    </form>
  );
}

/** MyOrganisation is the organisation user's own profile page. */
export function MyOrganisation() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const orgId = user?.organisationId ?? '';
  const org = useOrganisation(orgId);
  return (
    <>
      <PageTitle>{t('nav.organisatie')}</PageTitle>
      <Paragraph>{t('organisation.intro')}</Paragraph>
      <DataState isLoading={org.isLoading} error={org.error}>
        {org.data && <ProfileForm org={org.data} staff={false} />}
      </DataState>
      {orgId && <Colleagues organisationId={orgId} me={user?.userId ?? ''} />}
    </>
  );
}
