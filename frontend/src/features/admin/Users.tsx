import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, Choice, DataState, Field, Heading, Notice, PageTitle } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import { useInviteUser, useOrganisations, useSetUserStatus, useUsers, type UsersQuery } from './api';
import { ListPager, ListSearch, ListSort } from '../../components/ListControls';
import { useAddressState } from '../../lib/useAddressState';

const roles = ['klantmanager', 'accountmanager', 'admin', 'werkgever', 'zorgaanbieder'] as const;

export function Users() {
  const { t } = useTranslation();
  const me = useSession().data?.user;
  const { state, page, set, setPage } = useAddressState({ zoek: '', sorteer: 'name' });
  const users = useUsers({ sort: state.sorteer as UsersQuery['sort'], page, pageSize: 25, ...(state.zoek ? { q: state.zoek } : {}) });
  const orgs = useOrganisations();
  const invite = useInviteUser();
  const setStatus = useSetUserStatus();
  const [form, setForm] = useState({ email: '', displayName: '', role: 'klantmanager' as (typeof roles)[number], organisationId: '' });
  const fields = invite.error instanceof ApiError ? invite.error.fieldErrors() : {};
  const orgRole = form.role === 'werkgever' || form.role === 'zorgaanbieder';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate(
      { email: form.email, displayName: form.displayName, role: form.role, ...(orgRole && form.organisationId ? { organisationId: form.organisationId } : {}) },
      { onSuccess: () => setForm({ ...form, email: '', displayName: '' }) },
    );
  };
  return (
    <>
      <PageTitle>{t('admin.usersTitle')}</PageTitle>
      <ListSearch label={t('admin.usersSearch')} value={state.zoek} onSearch={(zoek) => set({ zoek })} />
      <div className="wh-filters">
        <ListSort value={state.sorteer} onChange={(sorteer) => set({ sorteer })}
          options={[{ value: 'name', label: t('admin.sortName') }, { value: 'email', label: t('auth.email') }, { value: 'role', label: t('admin.role') }, { value: '-createdAt', label: t('admin.sortNewest') }]} />
      </div>
      <ListPager page={page} totalPages={users.data?.totalPages ?? 0} total={users.data?.total} onPage={setPage} />
      <DataState isLoading={users.isLoading} error={users.error}>
        <Table className="wh-table" aria-busy={users.isPlaceholderData}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('admin.displayName')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('auth.email')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.role')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.data?.items.map((u) => (
              <TableRow key={u.id}>
                <TableCell>{u.displayName}</TableCell>
                <TableCell>{u.email}</TableCell>
                <TableCell>{t(`roles.${u.role}`)}</TableCell>
                <TableCell>{t(`admin.statuses.${u.status}`)}</TableCell>
                <TableCell>
                  {u.id !== me?.userId && u.status !== 'invited' && (
                    <Button secondary disabled={setStatus.isPending} onClick={() => setStatus.mutate({ id: u.id, status: u.status === 'active' ? 'disabled' : 'active' })}>
                      {u.status === 'active' ? t('admin.disable') : t('admin.enable')}
                      <span className="wh-visually-hidden"> {u.displayName}</span>
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DataState>
      {setStatus.error && <Notice type="error">{t('common.error')}</Notice>}

      <Heading level={2}>{t('admin.inviteTitle')}</Heading>
      {invite.isSuccess && <Notice type="ok">{t('admin.invited', { email: invite.data.email })}</Notice>}
      <form onSubmit={submit} noValidate className="wh-form">
        <Field label={t('auth.email')} name="email" type="email" required value={form.email} onChange={(email) => setForm({ ...form, email })} error={fields.email} />
        <Field label={t('admin.displayName')} name="displayName" required value={form.displayName} onChange={(displayName) => setForm({ ...form, displayName })} error={fields.displayName} />
        <Choice
          label={t('admin.role')}
          name="role"
          value={form.role}
          onChange={(role) => setForm({ ...form, role: role as (typeof roles)[number] })}
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={fields.role}
        />
        {orgRole && (
          <Choice
            label={t('admin.organisation')}
            name="organisationId"
            value={form.organisationId}
            onChange={(organisationId) => setForm({ ...form, organisationId })}
            options={[{ value: '', label: '—' }, ...(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))]}
            error={fields.organisationId}
          />
        )}
        <Button type="submit" disabled={invite.isPending}>
          {t('admin.invite')}
        </Button>
      </form>
    </>
  );
}
