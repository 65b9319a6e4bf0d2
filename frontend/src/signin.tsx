// The sign-in page's own script (inloggen.html; the server sends it for /inloggen). The first page most
// people open, so it carries only what it shows: React, the texts of the frame and the form, the API
// client and the frame (Shell), and no router, query cache or other page (the app, main.tsx, is ~40%
// larger). Its links and the way on after signing in are full page loads into the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import './theme/base';
import { ready } from './i18n';
import { LanguageSwitch, Shell } from './app/Shell';
import { SignIn } from './features/auth/SignIn';

function SignInPage() {
  const { t } = useTranslation();
  return (
    <Shell tools={<LanguageSwitch />} rankingLink={<a href="/zo-werkt-het-zoeken">{t('ranking.title')}</a>}>
      <SignIn />
    </Shell>
  );
}

// The interface language's core texts are in before the first render (at once for Dutch).
void ready.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SignInPage />
    </StrictMode>,
  ),
);
