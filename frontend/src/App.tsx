import { useEffect, useState } from 'react';
import { nl } from './i18n/nl';
import { statusText, type Readiness } from './status';

export function App() {
  const [readiness, setReadiness] = useState<Readiness | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    fetch('/readyz', { headers: { Accept: 'application/json' } })
      .then((res) => res.json() as Promise<Readiness>)
      .then((body) => !cancelled && setReadiness(body))
      .catch(() => !cancelled && setReadiness(null));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <>
      <header className="wh-header">
        <p className="wh-logo">{nl.title}</p>
      </header>
      <main className="wh-main">
        <h1>{nl.title}</h1>
        <p>{nl.intro}</p>
        <p>{nl.comingSoon}</p>
        <p role="status" aria-live="polite">
          {readiness === undefined ? nl.statusChecking : statusText(readiness)}
        </p>
        <p>
          <a href="/api/docs">{nl.apiDocs}</a>
        </p>
      </main>
    </>
  );
}
