import { nl } from './i18n/nl';

export type Readiness = {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: 'ok' | 'error'; error?: string }>;
};

/** statusText turns the body of /readyz into a sentence for people. */
export function statusText(r: Readiness | null): string {
  if (r === null) return nl.statusUnknown;
  if (r.status === 'ok') return nl.statusOk;
  const down = Object.entries(r.checks)
    .filter(([, c]) => c.status !== 'ok')
    .map(([name]) => name)
    .sort();
  return nl.statusDown(down.join(', ') || r.status);
}
