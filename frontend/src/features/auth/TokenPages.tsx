import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { ApiError } from '../../lib/api/error';
import { tokenFromHash, useSignedIn } from '../../lib/session';
import { Button, Field, Notice, PageTitle, Paragraph } from '../../components/ui';

/** EmailRequest asks for a mailed link (password reset or kandidaat sign-in). */
function EmailRequest({ title, intro, path }: { title: string; intro: string; path: '/password-resets' | '/magic-links' }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: async () => api.POST(path, { body: { email } }) });
  const err = send.error instanceof ApiError ? send.error : undefined;
  const fields = err?.fieldErrors() ?? {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Paragraph>{intro}</Paragraph>
      {send.isSuccess ? (
        <Notice type="ok">{t('auth.sent')}</Notice>
      ) : (
        <form onSubmit={submit} noValidate className="wh-form">
          {err?.status === 429 && <Notice type="error">{t('auth.tooMany', { minutes: Math.ceil((err.retryAfter ?? 3600) / 60) })}</Notice>}
          {send.error && err?.status !== 400 && err?.status !== 429 && <Notice type="error">{t('common.error')}</Notice>}
          <Field label={t('auth.email')} name="email" type="email" autoComplete="email" required value={email} onChange={setEmail} error={fields.email} />
          <Button type="submit" disabled={send.isPending}>
            {t('auth.send')}
          </Button>
        </form>
      )}
    </>
  );
}

export function ForgotPassword() {
  const { t } = useTranslation();
  return <EmailRequest title={t('auth.forgotTitle')} intro={t('auth.forgotIntro')} path="/password-resets" />;
}

export function MagicLinkRequest() {
  const { t } = useTranslation();
  return <EmailRequest title={t('auth.magicTitle')} intro={t('auth.magicIntro')} path="/magic-links" />;
}

/** SetPassword chooses a password with a mailed token (reset or invitation). */
function SetPassword({ title, intro, done, path }: { title: string; intro?: string; done: string; path: '/password-reset-confirmations' | '/invitation-acceptances' }) {
  const { t } = useTranslation();
  const token = tokenFromHash(useLocation().hash);
  const [password, setPassword] = useState('');
  const save = useMutation({ mutationFn: async () => api.POST(path, { body: { token, password } }) });
  const err = save.error instanceof ApiError ? save.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  if (!token) {
    return (
      <>
        <PageTitle>{title}</PageTitle>
        <Notice type="warning">{t('auth.noToken')}</Notice>
      </>
    );
  }
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {intro && <Paragraph>{intro}</Paragraph>}
      {save.isSuccess ? (
        <>
          <Notice type="ok">{done}</Notice>
          <Paragraph>
            <Link to="/inloggen" reloadDocument>{t('auth.toSignIn')}</Link>
          </Paragraph>
        </>
      ) : (
        <form onSubmit={submit} noValidate className="wh-form">
          {err?.status === 410 && <Notice type="error">{t('auth.tokenInvalid')}</Notice>}
          <Field
            label={t('auth.newPassword')}
            name="password"
            type="password"
            autoComplete="new-password"
            description={t('auth.passwordHint')}
            required
            value={password}
            onChange={setPassword}
            error={err?.fieldErrors().password}
          />
          <Button type="submit" disabled={save.isPending}>
            {t('auth.save')}
          </Button>
        </form>
      )}
    </>
  );
}

export function ResetPassword() {
  const { t } = useTranslation();
  return <SetPassword title={t('auth.resetTitle')} done={t('auth.resetDone')} path="/password-reset-confirmations" />;
}

export function AcceptInvitation() {
  const { t } = useTranslation();
  return <SetPassword title={t('auth.inviteTitle')} intro={t('auth.inviteIntro')} done={t('auth.inviteDone')} path="/invitation-acceptances" />;
}

/** MagicLinkLanding signs a kandidaat in with the token from the mail. */
export function MagicLinkLanding() {
  const { t } = useTranslation();
  const token = tokenFromHash(useLocation().hash);
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const started = useRef(false);
  const redeem = useMutation({
    mutationFn: async () => (await api.POST('/magic-link-sessions', { body: { token } })).data!,
    onSuccess: (session) => {
      signedIn(session);
      navigate('/mijn-uitnodigingen', { replace: true });
    },
  });
  useEffect(() => {
    if (token && !started.current) {
      started.current = true;
      redeem.mutate();
    }
  }, [token, redeem]);
  return (
    <>
      <PageTitle>{t('auth.magicTitle')}</PageTitle>
      {!token && <Notice type="warning">{t('auth.noToken')}</Notice>}
      {redeem.isPending && <Paragraph role="status">{t('auth.magicLanding')}</Paragraph>}
      {redeem.isError && (
        <>
          <Notice type="error">{t('auth.tokenInvalid')}</Notice>
          <Paragraph>
            <Link to="/inloglink">{t('auth.kandidaatLink')}</Link>
          </Paragraph>
        </>
      )}
    </>
  );
}
