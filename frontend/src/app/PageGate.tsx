import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useIsFetching } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '../components/ui';

/** settleAfter is how long nothing may load before a new page shows; giveUpAfter the most it waits. */
const settleAfter = 60;
const giveUpAfter = 4000;

/**
 * PageGate shows a newly opened page once its code and its first data are in, with a status line
 * meanwhile, so the page does not jump as part after part arrives (cumulative layout shift). The
 * page renders (and asks for its data) from the start, invisibly and out of the accessibility tree;
 * the status line sits on top of it and takes no room. Changes within a page (a filter, the next
 * list page) are not held back: they follow the user's own action. A page still loading after
 * giveUpAfter shows as it is.
 */
export function PageGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // The header's unread count polls on its own: it does not hold pages back.
  const fetching = useIsFetching({ predicate: (q) => q.queryKey[0] !== 'notifications' });
  const [codeLoading, setCodeLoading] = useState(0);
  const [shown, setShown] = useState<string | null>(null);
  const ready = shown === pathname;

  useEffect(() => {
    if (ready || fetching > 0 || codeLoading > 0) return;
    const timer = setTimeout(() => setShown(pathname), settleAfter);
    return () => clearTimeout(timer);
  }, [ready, fetching, codeLoading, pathname]);
  useEffect(() => {
    const timer = setTimeout(() => setShown(pathname), giveUpAfter);
    return () => clearTimeout(timer);
  }, [pathname]);

  return (
    <div className="wh-gate">
      {!ready && (
        <Paragraph role="status" className="wh-gate__status">
          {t('common.loading')}
        </Paragraph>
      )}
      <div className={ready ? undefined : 'wh-gate__page--pending'} aria-busy={!ready}>
        {/* A boundary per address: the router navigates in a transition, in which React would keep
            the previous page on screen (and usable) while the next one's code loads. */}
        <Suspense key={pathname} fallback={<CodeLoading onChange={setCodeLoading} />}>
          {children}
        </Suspense>
      </div>
    </div>
  );
}

/** CodeLoading counts itself while a page's code downloads (it is Suspense's fallback). */
function CodeLoading({ onChange }: { onChange: (f: (n: number) => number) => void }) {
  useEffect(() => {
    onChange((n) => n + 1);
    return () => onChange((n) => n - 1);
  }, [onChange]);
  return null;
}
