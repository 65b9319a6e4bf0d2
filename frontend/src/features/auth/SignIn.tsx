import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { ApiError } from '../../lib/api/error';
import { useSignedIn } from '../../lib/session';
import { Button, Field, Notice, PageTitle, Paragraph } from '../../components/ui';

export function SignIn() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: async () => (await api.POST('/sessions', { body: { email, password } })).data!,
    onSuccess: (session) => {
      signedIn(session);
      const back = params.get('terug');
      navigate(back && back.startsWith('/') && !back.startsWith('//') ? back : '/');
    },
  });
  const err = signIn.error instanceof ApiError ? signIn.error : undefined;
  const fields = err?.fieldErrors() ?? {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };
  return (
    <>
      <PageTitle>{t('auth.signInTitle')}</PageTitle>
      {params.get('verlopen') && <Notice type="warning">{t('auth.expired')}</Notice>}
      {err?.code === 'badCredentials' && <Notice type="error">{t('auth.badCredentials')}</Notice>}
      {err?.status === 429 && <Notice type="error">{t('auth.tooMany', { minutes: Math.ceil((err.retryAfter ?? 900) / 60) })}</Notice>}
      {signIn.error && !err && <Notice type="error">{t('common.error')}</Notice>}
      <form onSubmit={submit} noValidate className="wh-form">
        <Field label={t('auth.email')} name="email" type="email" autoComplete="username" required value={email} onChange={setEmail} error={fields.email} />
        <Field label={t('auth.password')} name="password" type="password" autoComplete="current-password" required value={password} onChange={setPassword} error={fields.password} />
        <Button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
        </Button>
      </form>
      <Paragraph>
        <Link to="/wachtwoord-vergeten">{t('auth.forgot')}</Link>
      </Paragraph>
      <Paragraph>
        <Link to="/inloglink">{t('auth.kandidaatLink')}</Link>
      </Paragraph>
      <Paragraph>
        <Link to="/aanmelden">{t('signup.link')}</Link>
      </Paragraph>
    </>
  );
}
