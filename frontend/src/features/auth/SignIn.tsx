import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api/client';
import { ApiError } from '../../lib/api/error';
import { Button, Field, Notice, PageTitle, Paragraph } from '../../components/ui/core';

/**
 * backTo is where a user goes once signed in: the page that sent them here (`terug`), when it is a
 * path on this site, else the home page. `//host` and `/\host` are other sites to a browser.
 */
export function backTo(terug: string | null): string {
  return terug && /^\/(?![/\\])/.test(terug) ? terug : '/';
}

/**
 * SignIn is the sign-in page. It is the page of its own script (signin.tsx, inloggen.html), which
 * loads no router or query cache: its links and the way on after signing in are full page loads.
 */
export function SignIn() {
  const { t } = useTranslation();
  const params = new URLSearchParams(window.location.search);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const err = error instanceof ApiError ? error : undefined;
  const fields = err?.fieldErrors() ?? {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    setPending(true);
    setError(undefined);
    try {
      await api.POST('/sessions', { body: { email, password } });
      // The button keeps saying "signing in" until the next page is there.
      window.location.assign(backTo(params.get('terug')));
    } catch (failed) {
      setError(failed);
      setPending(false);
    }
  };
  return (
    <>
      <PageTitle>{t('auth.signInTitle')}</PageTitle>
      {params.get('verlopen') && <Notice type="warning">{t('auth.expired')}</Notice>}
      {err?.code === 'badCredentials' && <Notice type="error">{t('auth.badCredentials')}</Notice>}
      {err?.status === 429 && <Notice type="error">{t('auth.tooMany', { minutes: Math.ceil((err.retryAfter ?? 900) / 60) })}</Notice>}
      {error !== undefined && !err && <Notice type="error">{t('common.error')}</Notice>}
      <form onSubmit={submit} noValidate className="wh-form">
        <Field label={t('auth.email')} name="email" type="email" autoComplete="username" required value={email} onChange={setEmail} error={fields.email} />
        <Field label={t('auth.password')} name="password" type="password" autoComplete="current-password" required value={password} onChange={setPassword} error={fields.password} />
        <Button type="submit" disabled={pending}>
          {pending ? t('auth.signingIn') : t('auth.signIn')}
        </Button>
      </form>
      <Paragraph>
        <a href="/wachtwoord-vergeten">{t('auth.forgot')}</a>
      </Paragraph>
      <Paragraph>
        <a href="/inloglink">{t('auth.kandidaatLink')}</a>
      </Paragraph>
      <Paragraph>
        <a href="/aanmelden">{t('signup.link')}</a>
      </Paragraph>
    </>
  );
}
