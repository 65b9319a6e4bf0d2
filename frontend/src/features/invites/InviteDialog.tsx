import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, ErrorNotice, Notice, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useCreateInvites, type Invite } from './api';
import { candidateProblems, inviteLimits } from './rules';

export type Picked = { id: string; code: string };

type Props = {
  openingId: string;
  open: boolean;
  picked: Picked[];
  /** openNow is how many invites of this opening wait for an answer. */
  openNow: number;
  onClose: () => void;
  onRemove: (id: string) => void;
  onInvited: (invites: Invite[]) => void;
};

/** InviteDialog invites the candidates picked in the pool with one personal message, all or none. */
export function InviteDialog({ openingId, open, picked, openNow, onClose, onRemove, onInvited }: Props) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState<string[]>([]);
  const create = useCreateInvites(openingId);
  const err = create.error instanceof ApiError ? create.error : undefined;
  const problems = candidateProblems(err, sent);
  const fieldErrors = err?.status === 400 ? err.fieldErrors() : {};
  const fieldMessages = err?.status === 400 ? err.fieldMessages() : {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ids = picked.map((p) => p.id);
    setSent(ids);
    create.mutate(
      { candidateIds: ids, message },
      {
        onSuccess: (invites) => {
          setMessage('');
          create.reset();
          onInvited(invites);
        },
      },
    );
  };
  const close = () => {
    create.reset();
    onClose();
  };

  const problemText = (code: string, reason: string) => t(`invites.problems.${code}`, { defaultValue: reason });

  return (
    <Dialog open={open} onClose={close} title={t('invites.dialogTitle')}>
      <Paragraph>{t('invites.dialogIntro')}</Paragraph>
      <form onSubmit={submit} noValidate className="wh-form">
        {err?.status === 409 && err.code === 'notInvitable' && <Notice type="error">{t('invites.notInvitable')}</Notice>}
        {err?.status === 409 && err.code !== 'notInvitable' && <Notice type="error">{t(`invites.conflict.${err.code}`, { defaultValue: err.message })}</Notice>}
        {err?.status === 429 && (
          <Notice type="error">
            {t(`invites.limit.${err.code === 'invitesPerDay' ? 'perDay' : 'perOpening'}`, { limit: err.limit ?? (err.code === 'invitesPerDay' ? inviteLimits.perDay : inviteLimits.perOpening) })}
            {err.code === 'invitesPerDay' && err.retryAfter ? ` ${t('invites.limit.retry', { count: Math.max(1, Math.ceil(err.retryAfter / 3600)) })}` : ''}
          </Notice>
        )}
        {err?.status === 400 && problems.size === 0 && !fieldErrors.message && <Notice type="error">{err.message}</Notice>}
        {create.error && !err && <ErrorNotice error={create.error} />}
        <fieldset className="wh-fieldset">
          <legend>{t('invites.picked', { count: picked.length })}</legend>
          {picked.length === 0 ? (
            <Paragraph>{t('invites.noneLeft')}</Paragraph>
          ) : (
            <ul className="wh-picked">
              {picked.map((p) => {
                const problem = problems.get(p.id);
                return (
                  <li key={p.id}>
                    <span className="wh-picked__code">{p.code}</span>
                    <Button secondary onClick={() => onRemove(p.id)} describedBy={problem ? `problem-${p.id}` : undefined}>
                      {t('invites.remove', { code: p.code })}
                    </Button>
                    {problem && (
                      <span id={`problem-${p.id}`} className="wh-inline-error wh-picked__problem">
                        {problemText(problem.code, problem.reason)}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </fieldset>
        <TextArea
          label={t('invites.message')}
          name="message"
          value={message}
          onChange={setMessage}
          maxLength={inviteLimits.message}
          description={t('invites.messageHelp')}
          error={fieldErrors.message}
          message={fieldMessages.message}
        />
        <Paragraph>{t('invites.limits', { perOpening: inviteLimits.perOpening, open: openNow, perDay: inviteLimits.perDay })}</Paragraph>
        <div className="wh-actions">
          <Button type="submit" disabled={create.isPending || picked.length === 0}>
            {t('invites.send', { count: picked.length })}
          </Button>
          <Button secondary onClick={close}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
