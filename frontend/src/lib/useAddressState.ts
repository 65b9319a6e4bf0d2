import { useState } from 'react';
import { useSearchParams } from 'react-router';

/** ListState is a list page's state in the address: text values by address key ('' or the default is left out). */
export type ListState = Record<string, string>;

/** fromAddress reads the keys of defaults from the address; a missing or empty key keeps its default. */
export function fromAddress<T extends ListState>(defaults: T, params: URLSearchParams): T {
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const v = params.get(key);
    if (v) (out as ListState)[key] = v;
  }
  return out;
}

/** toAddress writes state into an address, leaving out defaults and empty values, in the defaults' key order. */
export function toAddress<T extends ListState>(defaults: T, state: T): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of Object.keys(defaults)) {
    const v = state[key];
    if (v && v !== defaults[key]) out.set(key, v);
  }
  return out;
}

/**
 * useAddressState keeps a list page's search, sort, filters and page in the address, so a reload or a shared link
 * shows the same list (as the pool's filters do, features/openings/Pool.tsx). The router writes the address in a
 * transition, so a control read straight from it would spring back until that commits: the page keeps its own copy,
 * changed at once, and takes the address's only when the address changes to something the page did not write itself
 * (back, forward, a link).
 *
 * set changes values and goes back to page 1 (a new search or sort starts at the top), replacing the history entry;
 * setPage adds one, so Back returns to the previous page. The page lives under the key `pagina`.
 */
export function useAddressState<T extends ListState>(defaults: T) {
  const [params, setParams] = useSearchParams();
  const address = params.toString();
  const all = { ...defaults, pagina: '1' };
  const [own, setOwn] = useState(() => ({ seen: address, wrote: address, state: fromAddress(all, params) }));
  let current = own;
  if (own.seen !== address) {
    current = address === own.wrote ? { ...own, seen: address } : { seen: address, wrote: address, state: fromAddress(all, params) };
    // An updater, so a change queued before this render is not lost.
    setOwn((s) => (s.seen === address ? s : address === s.wrote ? { ...s, seen: address } : { seen: address, wrote: address, state: fromAddress(all, params) }));
  }
  const go = (next: T & { pagina: string }, replace: boolean) => {
    // Keys the page does not own (e.g. a tab's) stay as they are.
    const to = new URLSearchParams([...params].filter(([key]) => !(key in all)));
    for (const [key, v] of toAddress(all, next)) to.set(key, v);
    setOwn((s) => ({ ...s, wrote: to.toString(), state: next }));
    setParams(to, { replace, preventScrollReset: true });
  };
  const state = current.state;
  const page = Math.max(1, Math.floor(Number(state.pagina)) || 1);
  return {
    state: state as T,
    page,
    set: (patch: Partial<T>) => go({ ...state, ...patch, pagina: '1' }, true),
    setPage: (p: number) => go({ ...state, pagina: String(p) }, false),
  };
}
