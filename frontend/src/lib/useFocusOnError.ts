import { useEffect, useRef } from 'react';

/**
 * useFocusOnError moves the focus to the form's error summary when a new
 * error arrives, so keyboard and screen reader users learn what went wrong.
 */
export function useFocusOnError(error: unknown) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  return ref;
}
