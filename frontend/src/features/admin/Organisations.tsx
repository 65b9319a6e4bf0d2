import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, Choice, DataState, Field, Heading, Notice, PageTitle, Paragraph } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useCreateOrganisation, useOrganisations } from './api';

const kinds = ['werkgever', 'zorgaanbieder', 'dienstverlener'] as const;

export function Organisations() {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  const create = useCreateOrganisation();
  const [form, setForm] = useState({ kind: 'werkgever' as (typeof kinds)[number], name: '', kvkNummer: '', postcode: '' });
  const fields = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(form, { onSuccess: () => setForm({ ...form, name: '', kvkNummer: '', postcode: '' }) });
  };
  return (
    <>
      <PageTitle>{t('admin.orgsTitle')}</PageTitle>
      <DataState isLoading={orgs.isLoading} error={orgs.error}>
        {orgs.data?.length === 0 ? (
          <Paragraph>{t('admin.empty')}</Paragraph>
        ) : (
          <Table className="wh-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('admin.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.kvk')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.postcode')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {orgs.data?.map((o) => (
                <TableRow key={o.id}>
                  <TableCell>{o.name}</TableCell>
                  <TableCell>{t(`admin.kinds.${o.kind}`)}</TableCell>
                  <TableCell>{o.kvkNummer}</TableCell>
                  <TableCell>{o.postcode}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DataState>
      <Heading level={2}>{t('admin.createOrg')}</Heading>
      {create.isSuccess && <Notice type="ok">{t('admin.created', { name: create.data.name })}</Notice>}
      <form onSubmit={submit} noValidate className="wh-form">
        <Choice label={t('admin.kind')} name="kind" value={form.kind} onChange={(kind) => setForm({ ...form, kind: kind as (typeof kinds)[number] })}
          options={kinds.map((k) => ({ value: k, label: t(`admin.kinds.${k}`) }))} error={fields.kind} />
        <Field label={t('admin.name')} name="name" required value={form.name} onChange={(name) => setForm({ ...form, name })} error={fields.name} />
        <Field label={t('admin.kvk')} name="kvkNummer" required value={form.kvkNummer} onChange={(kvkNummer) => setForm({ ...form, kvkNummer })} error={fields.kvkNummer} />
        <Field label={t('admin.postcode')} name="postcode" required value={form.postcode} onChange={(postcode) => setForm({ ...form, postcode })} error={fields.postcode} />
        <Button type="submit" disabled={create.isPending}>
          {t('admin.create')}
        </Button>
      </form>
    </>
  );
}
