import { useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { PageContent, PageFooter, PageHeader } from '@utrecht/component-library-react';
import { Paragraph, SkipLink } from '../components/ui';
import { api, onSessionExpired, setCsrfToken } from '../lib/api/client';
import { useSession, type Role } from '../lib/session';
import { setLanguage } from '../i18n';
import { navFor } from './nav';
import { PageGate } from './PageGate';
import { prefetchRoute } from './prefetch';
import { useIsProvider } from '../features/services/provider';
import { noteActivity, useNotifications } from '../features/notifications/api';

/** Layout is the shell: skip link, header with menu and language, main, footer. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();

  useEffect(
    () =>
      onSessionExpired(() => {
        qc.removeQueries();
        navigate('/inloggen?verlopen=1');
      }),
    [navigate, qc],
  );
  // A page opened from a link gets its first data asked beside its code, as the first page did
  // (main.tsx); what the page asks itself a moment later is then on its way or in.
  const { pathname, search } = useLocation();
  useEffect(() => prefetchRoute(qc, { pathname, search }), [qc, pathname, search]);

  const user = session.data?.user;
  const provider = useIsProvider(user?.role === 'werkgever' || user?.role === 'zorgaanbieder' ? user.organisationId : undefined);
  // The unread count polls every minute while someone uses the page.
  const notifications = useNotifications(!!user);
  useEffect(() => {
    const events = ['pointerdown', 'keydown'] as const;
    events.forEach((e) => window.addEventListener(e, noteActivity, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, noteActivity));
  }, []);
  const unread = notifications.data?.unread ?? 0;
  // Until the session is known the header shows only the logo: the tools and the menu then appear
  // with the page (PageGate holds it back until the session and its data are in), so nothing on
  // screen is pushed aside (no layout shift). The page itself renders meanwhile, unseen, so its code
  // and texts load while the session is asked (App.tsx, preload).
  const known = !session.isLoading;
  const signOut = async () => {
    await api.DELETE('/sessions/current', {});
    setCsrfToken(undefined);
    qc.removeQueries();
    navigate('/inloggen');
  };

  return (
    <div className="wh-shell">
      <SkipLink href="#inhoud">{t('app.skip')}</SkipLink>
      <PageHeader className="wh-header">
        <div className="wh-header__bar">
          <a className="wh-logo" href="/">
            {t('app.name')}
          </a>
          {known && (
            <div className="wh-header__tools">
              <button
                type="button"
                className="wh-linkbutton"
                lang={i18n.language === 'nl' ? 'en' : 'nl'}
                onClick={() => void setLanguage(i18n.language === 'nl' ? 'en' : 'nl')}
              >
                {t('app.switchTo')}
              </button>
              {user && (
                <Link to="/meldingen" className="wh-linkbutton">
                  {t('notifications.link')} ({unread}
                  <span className="wh-visually-hidden"> {t('notifications.unreadShort')}</span>)
                </Link>
              )}
              {user && (
                <button type="button" className="wh-linkbutton" onClick={signOut}>
                  {t('app.signOut')}
                </button>
              )}
            </div>
          )}
        </div>
        {user && (
          <nav aria-label={t('app.mainNav')} className="wh-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              {navFor(user.role as Role, { provider }).map((item) => (
                <li key={item.path}>
                  <NavLink to={item.path}>{t(`nav.${item.key}`)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </PageHeader>
      {/* Unseen until the session is known: the menu would push it down. */}
      <PageContent className={known ? undefined : 'wh-gate__page--pending'}>
        <main id="inhoud" className="wh-main" tabIndex={-1}>
          <PageGate>
            <Outlet />
          </PageGate>
        </main>
      </PageContent>
      <PageFooter className="wh-footer">
        <Paragraph>
          {t('app.footer')} <Link to="/zo-werkt-het-zoeken">{t('ranking.title')}</Link>
        </Paragraph>
      </PageFooter>
    </div>
  );
}
