import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { ApiError } from '../../lib/api/error';
import { Button, DataState, Field, Heading, Notice, Paragraph } from '../../components/ui';

/** Colleagues lists an organisation's users, invites a colleague and removes one (never the last). */
export function Colleagues({ organisationId, me }: { organisationId: string; me: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = ['colleagues', organisationId];
  const list = useQuery({ queryKey: key, queryFn: async () => (await api.GET('/organisations/{id}/users', { params: { path: { id: organisationId } } })).data!.items });
  const [email, setEmail] = useState('');
  const [displayName, setName] = useState('');
  const invite = useMutation({
    mutationFn: async () => (await api.POST('/organisations/{id}/users', { params: { path: { id: organisationId } }, body: { email, displayName } })).data!,
    onSuccess: () => {
      setEmail('');
      setName('');
      return qc.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: async (userId: string) => api.DELETE('/organisations/{id}/users/{userId}', { params: { path: { id: organisationId, userId } } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const fields = invite.error instanceof ApiError ? invite.error.fieldErrors() : {};
  const removeErr = remove.error instanceof ApiError ? remove.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate();
  };
  return (
    <section aria-labelledby="colleagues" className="wh-section">
      <Heading level={2} id="colleagues">
        {t('colleagues.title')}
      </Heading>
      <DataState isLoading={list.isLoading} error={list.error}>
        {removeErr?.code === 'lastUser' && <Notice type="error">{t('colleagues.lastUser')}</Notice>}
        <ul className="wh-plainlist">
          {list.data?.map((u) => (
            <li key={u.id}>
              <Paragraph>
                {u.displayName} · {u.email}
                {u.status === 'invited' && ` · ${t('colleagues.invited')}`}
              </Paragraph>
              {u.id !== me && (
                <Button secondary onClick={() => remove.mutate(u.id)} disabled={remove.isPending} label={`${t('colleagues.remove')}: ${u.displayName}`}>
                  {t('colleagues.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </DataState>
      <Heading level={3}>{t('colleagues.inviteTitle')}</Heading>
      {invite.isSuccess && <Notice type="ok">{t('colleagues.invitedNotice', { name: invite.data.displayName })}</Notice>}
      <form onSubmit={submit} noValidate className="wh-form">
        <Field label={t('colleagues.name')} name="displayName" autoComplete="off" required value={displayName} onChange={setName} error={fields.displayName} />
        <Field label={t('colleagues.email')} name="email" type="email" autoComplete="off" required value={email} onChange={setEmail} error={fields.email} />
        <Button type="submit" disabled={invite.isPending}>
          {t('colleagues.invite')}
        </Button>
      </form>
    </section>
  );
}
