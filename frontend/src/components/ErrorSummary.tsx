import { useEffect, useRef, type ReactNode } from 'react';
import { Notice } from './ui';
import type { ApiError } from '../lib/api/error';

type ErrorSummaryProps = {
  error?: ApiError;
  /** labels are the visible labels of the form's fields, by the API's field name. */
  labels: Record<string, string>;
  /** targets name a field's input where it differs from the API's name (wageMinCents → wageMin). */
  targets?: Record<string, string>;
  /** title heads the list of invalid fields. */
  title: ReactNode;
  /** fallback is said for a server error (5xx) without fields. */
  fallback: string;
};

/**
 * ErrorSummary lists a form's invalid fields, each a link that moves the focus to its
 * field (by name); it takes the focus itself when a new error arrives (WCAG 3.3.1).
 */
export function ErrorSummary({ error, labels, targets = {}, title, fallback }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  const params = error?.invalidParams ?? [];
  const known = params.filter((p) => p.name in labels);
  return (
    <div ref={ref} tabIndex={-1} className="wh-focus-target">
      {error && (
        <>
          <Notice type="error">{known.length > 0 ? title : error.status < 500 ? error.message : fallback}</Notice>
          {known.length > 0 && (
            <ul className="wh-error-summary">
              {known.map((p) => {
                const target = targets[p.name] ?? p.name;
                return (
                  <li key={p.name}>
                    <a
                      href={`#${target}`}
                      onClick={(e) => {
                        e.preventDefault();
                        const el = document.querySelector<HTMLElement>(`[name="${target}"]`);
                        el?.focus();
                      }}
                    >
                      {labels[p.name]}: {p.reason}
                    </a>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
