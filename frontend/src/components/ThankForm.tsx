import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Notice, Paragraph, ChoiceGroup, TextArea } from './ui';
import { ApiError } from '../lib/api/error';
import { maxThanks, thanksCheck, useThank, type Recipient, type Thanking } from '../lib/thanks';

/**
 * ThankForm is the "Bedanken" action: organisation users thank the klantmanager or accountmanager credited with a
 * placement, the kandidaat (B1 texts) their klantmanager for a placed invite. Closed it is one button; the form
 * checks the message as the server does and shows the server's answer (sent, already thanked).
 */
export function ThankForm({ what, label, thanked = [] }: { what: Thanking; label?: string; thanked?: Recipient[] }) {
  const { t } = useTranslation();
  const id = useId();
  const kandidaat = 'inviteId' in what;
  const k = (key: string) => t(`thanks.${kandidaat ? 'kandidaat' : 'organisation'}.${key}`);
  const thank = useThank(what);
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<Recipient>('klantmanager');
  const [message, setMessage] = useState('');
  const [local, setLocal] = useState<string>();
  const [sent, setSent] = useState<Recipient[]>([]);
  const done = [...thanked, ...sent];
  const left = kandidaat ? (['klantmanager'] as Recipient[]) : (['klantmanager', 'accountmanager'] as const).filter((r) => !done.includes(r));
  const err = thank.error instanceof ApiError ? thank.error : undefined;
  const fieldCode = local ?? (err?.status === 400 ? err.fieldErrors().message : undefined);
  const fieldMessage = local ? t(`thanks.${local}`, { max: maxThanks }) : err?.status === 400 ? err.fieldMessages().message : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = thanksCheck(message);
    setLocal(problem);
    if (problem) {
      document.getElementById(`${id}-message`)?.querySelector('textarea')?.focus();
      return;
    }
    thank.mutate(
      { message: message.trim(), to },
      {
        onSuccess: () => {
          setSent((s) => [...s, to]);
          setMessage('');
          setOpen(false);
        },
      },
    );
  };
  return (
    <div className="wh-thanks">
      {sent.length > 0 && <Notice type="ok">{k('sent')}</Notice>}
      {left.length === 0 || (kandidaat && sent.length > 0) ? (
        !kandidaat && sent.length === 0 && <Paragraph>{t('thanks.organisation.done')}</Paragraph>
      ) : !open ? (
        <Button secondary onClick={() => { thank.reset(); setTo(left[0]); setOpen(true); }}>
          {k('open')}
          {label && <span className="wh-visually-hidden"> ({label})</span>}
        </Button>
      ) : (
        <form onSubmit={submit} noValidate className="wh-form" aria-labelledby={`${id}-title`}>
          <Heading level={3} id={`${id}-title`}>
            {k('title')}
          </Heading>
          {thank.error && !fieldCode && <Notice type={err?.status === 409 ? 'info' : 'error'}>{err ? err.message : t('common.error')}</Notice>}
          {!kandidaat && (
            <ChoiceGroup legend={t('thanks.organisation.to')} name={`${id}-to`} value={to} onChange={(v) => setTo(v as Recipient)}
              options={left.map((r) => ({ value: r, label: t(`thanks.organisation.recipients.${r}`) }))} />
          )}
          <div id={`${id}-message`}>
            <TextArea label={k('message')} name="message" value={message} onChange={setMessage} maxLength={maxThanks} description={k('who')}
              error={fieldCode} message={fieldMessage} />
          </div>
          <div className="wh-actions">
            <Button type="submit" disabled={thank.isPending}>
              {k('send')}
            </Button>
            <Button secondary onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
