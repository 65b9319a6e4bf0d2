import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, Choice, DataState, ErrorNotice, Heading, Notice, PageTitle, Paragraph, TextArea } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { useSession } from '../../lib/session';
import { GENERAL, useMessages, usePostMessage, useThreadOpenings, useThreads, type Thread } from './api';
import { formatDateTime } from '../../lib/format';

const MAX = 2000;

/**
 * MessageThread is an organisation's conversation with its accountmanager: the general thread or a
 * vacature's, chosen in the URL (?onderwerp=<vacature id>), the messages oldest first and a form to write.
 */
export function MessageThread({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thread = params.get('onderwerp') || GENERAL;
  const openings = useThreadOpenings(orgId);
  const messages = useMessages(orgId, thread);
  const post = usePostMessage(orgId);
  const [text, setText] = useState('');
  const err = post.error instanceof ApiError ? post.error : undefined;
  const fieldErr = err?.fieldErrors() ?? {};
  const fieldMsg = err?.fieldMessages() ?? {};
  const choose = (v: string) => {
    const next = new URLSearchParams(params);
    if (v === GENERAL) next.delete('onderwerp');
    else next.set('onderwerp', v);
    setParams(next, { replace: true, preventScrollReset: true });
    post.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate({ body: text, openingId: thread === GENERAL ? undefined : thread }, { onSuccess: () => setText('') });
  };
  const options = [{ value: GENERAL, label: t('messages.general') }, ...(openings.data ?? []).map((o) => ({ value: o.id, label: t('messages.about', { title: o.title }) }))];
  return (
    <div className="wh-stack">
      <Choice label={t('messages.thread')} name="onderwerp" value={thread} onChange={choose} options={options} />
      <DataState isLoading={messages.isLoading} error={messages.error}>
        {messages.data?.length === 0 ? (
          <Paragraph>{t('messages.none')}</Paragraph>
        ) : (
          <ol className="wh-messages" aria-label={t('messages.listLabel')}>
            {messages.data?.map((m) => (
              <li key={m.id} className={`wh-message wh-message--${m.authorSide}`}>
                <Paragraph>
                  <strong>{m.authorName || t('messages.removedUser')}</strong> ({t(`messages.sides.${m.authorSide}`)}) · {formatDateTime(m.createdAt, i18n.language)}
                </Paragraph>
                <Paragraph className="wh-pre">{m.body}</Paragraph>
              </li>
            ))}
          </ol>
        )}
      </DataState>
      {post.isSuccess && <Notice type="ok">{t('messages.sent')}</Notice>}
      {err && !err.invalidParams.length && (err.status === 409 ? <Notice type="error">{err.message}</Notice> : <ErrorNotice error={err} />)}
      <form onSubmit={submit} noValidate className="wh-form">
        <TextArea label={t('messages.write')} name="body" value={text} onChange={setText} maxLength={MAX}
          error={fieldErr.body} message={fieldMsg.body} />
        <Button type="submit" disabled={post.isPending}>
          {t('messages.send')}
        </Button>
      </form>
    </div>
  );
}

/** Messages is Berichten: an organisation's own conversation, or an accountmanager's conversations. */
export function Messages() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  if (user?.role === 'accountmanager') return <ThreadList />;
  return (
    <>
      <PageTitle>{t('messages.title')}</PageTitle>
      <Paragraph>{t('messages.introOrganisation')}</Paragraph>
      <MessageThread orgId={user?.organisationId ?? ''} />
    </>
  );
}

function threadLink(th: Thread) {
  return `/organisaties/${th.organisationId}${th.openingId ? `?onderwerp=${th.openingId}` : ''}#berichten`;
}

/** ThreadList is an accountmanager's conversations with the organisations in the portfolio. */
function ThreadList() {
  const { t, i18n } = useTranslation();
  const threads = useThreads();
  return (
    <>
      <PageTitle>{t('messages.title')}</PageTitle>
      <Paragraph>{t('messages.introAccountmanager')}</Paragraph>
      <DataState isLoading={threads.isLoading} error={threads.error}>
        {threads.data?.length === 0 ? (
          <Paragraph>{t('messages.noThreads')}</Paragraph>
        ) : (
          <Table className="wh-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('messages.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('messages.thread')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('messages.count')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('messages.last')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {threads.data?.map((th) => (
                <TableRow key={`${th.organisationId}-${th.openingId ?? ''}`}>
                  <TableCell>
                    <Link to={threadLink(th)}>{th.organisationName}</Link>
                  </TableCell>
                  <TableCell>{th.openingTitle ?? t('messages.general')}</TableCell>
                  <TableCell>{th.messages}</TableCell>
                  <TableCell>
                    {formatDateTime(th.lastAt, i18n.language)}
                    {th.lastSide === 'organisation' && <> · {t('messages.waiting')}</>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DataState>
      <Heading level={2}>{t('messages.startTitle')}</Heading>
      <Paragraph>
        {t('messages.start')} <Link to="/portefeuille">{t('nav.portefeuille')}</Link>
      </Paragraph>
    </>
  );
}
