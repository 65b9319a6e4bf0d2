import { useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * AddressState is a page's state in the address: text values, or lists (a group of checkboxes) written
 * comma-separated. A value equal to its default, an empty text or an empty list is left out.
 */
export type AddressState = Record<string, string | string[]>;

/** ListState is a list page's state: text values only. */
export type ListState = Record<string, string>;

/** AddressNames names a state's keys in the address where they differ (e.g. radius → straal); a key not named is its own name. */
export type AddressNames<T> = Partial<Record<keyof T & string, string>>;

const nameOf = (names: Partial<Record<string, string>> | undefined, key: string) => names?.[key] ?? key;

/** fromAddress reads the keys of defaults from the address; a missing or empty key keeps its default. */
export function fromAddress<T extends AddressState>(defaults: T, params: URLSearchParams, names?: AddressNames<T>): T {
  const out: AddressState = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const v = params.get(nameOf(names, key));
    if (!v) continue;
    out[key] = Array.isArray(defaults[key]) ? v.split(',').filter(Boolean) : v;
  }
  return out as T;
}

/** toAddress writes state into an address, leaving out defaults and empty values, in the defaults' key order. */
export function toAddress<T extends AddressState>(defaults: T, state: T, names?: AddressNames<T>): URLSearchParams {
  const out = new URLSearchParams();
  const text = (v: string | string[]) => (Array.isArray(v) ? v.join(',') : v);
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const v = text(state[key]);
    if (v && v !== text(defaults[key])) out.set(nameOf(names, key), v);
  }
  return out;
}

const toPage = (v: string | null) => Math.max(1, Math.floor(Number(v ?? '1')) || 1);

/** pageOf is the list page an address asks for (`pagina`; 1 when missing or not a number). */
export const pageOf = (params: URLSearchParams) => toPage(params.get('pagina'));

/**
 * useAddressState keeps a page's search, sort, filters and page in the address, so a reload or a shared link
 * shows the same page (the lists, the pool's filters). The router writes the address in a transition, so a control
 * read straight from it would spring back until that commits (a checkbox 'did not change its state'): the page keeps
 * its own copy, changed at once, and takes the address's only when the address changes to something the page did not
 * write itself (back, forward, a link).
 *
 * set changes values and goes back to page 1 (a new search or filter starts at the top), replacing the history entry;
 * setPage adds one, so Back returns to the previous page. The page lives under the key `pagina`. names gives keys
 * their address names where those differ. Keys the page does not own (e.g. a tab's) stay in the address as they are.
 */
export function useAddressState<T extends AddressState>(defaults: T, names?: AddressNames<T>) {
  type WithPage = T & { pagina: string };
  const [params, setParams] = useSearchParams();
  const address = params.toString();
  const all = { ...defaults, pagina: '1' } as WithPage;
  const allNames = names as AddressNames<WithPage> | undefined;
  const read = () => ({ seen: address, wrote: address, state: fromAddress(all, params, allNames) });
  const [own, setOwn] = useState(read);
  let current = own;
  if (own.seen !== address) {
    current = address === own.wrote ? { ...own, seen: address } : read();
    // An updater, so a change queued before this render is not lost.
    setOwn((s) => (s.seen === address ? s : address === s.wrote ? { ...s, seen: address } : read()));
  }
  const go = (next: WithPage, replace: boolean) => {
    const owned = new Set(Object.keys(all).map((key) => nameOf(allNames, key)));
    const to = new URLSearchParams([...params].filter(([key]) => !owned.has(key)));
    for (const [key, v] of toAddress(all, next, allNames)) to.set(key, v);
    setOwn((s) => ({ ...s, wrote: to.toString(), state: next }));
    setParams(to, { replace, preventScrollReset: true });
  };
  const state = current.state;
  const page = toPage(state.pagina);
  return {
    state: state as T,
    page,
    set: (patch: Partial<T>) => go({ ...state, ...patch, pagina: '1' }, true),
    setPage: (p: number) => go({ ...state, pagina: String(p) }, false),
  };
}
