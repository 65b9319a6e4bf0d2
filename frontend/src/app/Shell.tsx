import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContent, PageFooter, PageHeader } from '@utrecht/component-library-react';
import { Paragraph, SkipLink } from '../components/ui/core';
import { setLanguage } from '../i18n';

type ShellProps = {
  /** tools are shown in the header beside the logo (the language switch first); none while the session is asked. */
  tools?: ReactNode;
  /** nav is the main menu of a signed-in user. */
  nav?: ReactNode;
  /** pending keeps the page unseen (it still takes its room): the menu would push it down. */
  pending?: boolean;
  /** rankingLink is the footer's link to the ranking explanation, made by the caller (router link or plain). */
  rankingLink: ReactNode;
  children: ReactNode;
};

/**
 * Shell is the frame of every page: skip link, header with logo and tools, main and footer. It uses no
 * router and no query cache, so the sign-in page (signin.tsx, a script of its own) draws the same frame
 * as the app's pages (Layout.tsx).
 */
export function Shell({ tools, nav, pending, rankingLink, children }: ShellProps) {
  const { t } = useTranslation();
  return (
    <div className="wh-shell">
      <SkipLink href="#inhoud">{t('app.skip')}</SkipLink>
      <PageHeader className="wh-header">
        <div className="wh-header__bar">
          <a className="wh-logo" href="/">
            {t('app.name')}
          </a>
          {tools && <div className="wh-header__tools">{tools}</div>}
        </div>
        {nav}
      </PageHeader>
      <PageContent className={pending ? 'wh-gate__page--pending' : undefined}>
        <main id="inhoud" className="wh-main" tabIndex={-1}>
          {children}
        </main>
      </PageContent>
      <PageFooter className="wh-footer">
        <Paragraph>
          {t('app.footer')} {rankingLink}
        </Paragraph>
      </PageFooter>
    </div>
  );
}

/** LanguageSwitch offers the other interface language, named in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'nl' ? 'en' : 'nl';
  return (
    <button type="button" className="wh-linkbutton" lang={other} onClick={() => void setLanguage(other)}>
      {t('app.switchTo')}
    </button>
  );
}

/**
 * toSignIn opens the sign-in page. It is a page of its own (inloggen.html, signin.tsx), so this is a
 * full page load, which also clears all a signed-out session left in memory. query is added to the
 * address (`?verlopen=1`, `?terug=/vacatures`); replace leaves the current address out of the history.
 */
export function toSignIn(query = '', replace = false) {
  const to = `/inloggen${query}`;
  if (replace) window.location.replace(to);
  else window.location.assign(to);
}
