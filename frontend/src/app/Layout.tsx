import { useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api, onSessionExpired } from '../lib/api/client';
import { useSession, type Role } from '../lib/session';
import { LanguageSwitch, Shell, toSignIn } from './Shell';
import { navFor } from './nav';
import { PageGate } from './PageGate';
import { prefetchRoute } from './prefetch';
import { useIsProvider } from '../features/services/provider';
import { noteActivity, useNotifications } from '../features/notifications/api';

/** Layout is the app's frame (Shell) with the signed-in user's tools and menu around the page. */
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();

  // The sign-in page is a page of its own: leaving for it also clears what this session left in memory.
  useEffect(() => onSessionExpired(() => toSignIn('?verlopen=1')), []);
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
    toSignIn();
  };

  return (
    <Shell
      pending={!known}
      rankingLink={<Link to="/zo-werkt-het-zoeken">{t('ranking.title')}</Link>}
      tools={
        known && (
          <>
            <LanguageSwitch />
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
          </>
        )
      }
      nav={
        user && (
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
        )
      }
    >
      <PageGate>
        <Outlet />
      </PageGate>
    </Shell>
  );
}
