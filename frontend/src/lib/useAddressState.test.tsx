// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { fromAddress, toAddress, useAddressState } from './useAddressState';

afterEach(cleanup);

const defaults = { radius: '', options: [] as string[], sort: 'name' };
const names = { radius: 'straal', options: 'alleen' };

describe('fromAddress and toAddress', () => {
  it('read and write text values under their own names', () => {
    const all = { zoek: '', sorteer: '-updatedAt', pagina: '1' };
    expect(fromAddress(all, new URLSearchParams('zoek=jan&pagina=3&other=x'))).toEqual({ zoek: 'jan', sorteer: '-updatedAt', pagina: '3' });
    expect(toAddress(all, { zoek: 'an na', sorteer: '-updatedAt', pagina: '1' }).toString()).toBe('zoek=an+na');
    expect(toAddress(all, { zoek: '', sorteer: 'name', pagina: '2' }).toString()).toBe('sorteer=name&pagina=2');
  });

  it('read lists comma-separated and keys under their address names', () => {
    const all = { ...defaults, pagina: '1' };
    expect(fromAddress(all, new URLSearchParams('straal=10&alleen=a,,b&sort=x&pagina=2&radius=99'), names)).toEqual({ radius: '10', options: ['a', 'b'], sort: 'x', pagina: '2' });
    expect(fromAddress(all, new URLSearchParams(''), names)).toEqual(all);
  });

  it('write only what differs from the defaults, in the defaults order', () => {
    const all = { ...defaults, pagina: '1' };
    expect(toAddress(all, { radius: '5', options: ['b', 'a'], sort: 'name', pagina: '1' }, names).toString()).toBe('straal=5&alleen=b%2Ca');
    expect(toAddress(all, { radius: '', options: [], sort: '-date', pagina: '3' }, names).toString()).toBe('sort=-date&pagina=3');
  });
});

function Harness() {
  const { state, page, set, setPage } = useAddressState(defaults, names);
  const where = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <input type="checkbox" aria-label="a" checked={state.options.includes('a')} onChange={(e) => set({ options: e.target.checked ? [...state.options, 'a'] : state.options.filter((o) => o !== 'a') })} />
      <select aria-label="straal" value={state.radius} onChange={(e) => set({ radius: e.target.value })}>
        <option value="">-</option>
        <option value="10">10</option>
      </select>
      <button onClick={() => setPage(page + 1)}>next</button>
      <button onClick={() => navigate(-1)}>back</button>
      <button onClick={() => navigate('/p?straal=10&tab=x')}>link</button>
      <div data-testid="page">{page}</div>
      <div data-testid="address">{where.search}</div>
    </>
  );
}

const address = () => screen.getByTestId('address').textContent;
const start = (at: string) =>
  render(
    <MemoryRouter initialEntries={['/start', at]} initialIndex={1}>
      <Harness />
    </MemoryRouter>,
  );

describe('useAddressState', () => {
  it('reads the address, changes a checkbox at once and writes it; a filter goes back to page 1', () => {
    start('/p?straal=10&pagina=2&tab=kaart');
    const box = screen.getByLabelText('a') as HTMLInputElement;
    expect((screen.getByLabelText('straal') as HTMLSelectElement).value).toBe('10');
    expect(screen.getByTestId('page').textContent).toBe('2');
    act(() => fireEvent.click(box));
    expect(box.checked).toBe(true);
    // The tab's key is not the page's: it stays.
    expect(address()).toBe('?tab=kaart&straal=10&alleen=a');
    expect(screen.getByTestId('page').textContent).toBe('1');
    act(() => fireEvent.click(box));
    expect(box.checked).toBe(false);
    expect(address()).toBe('?tab=kaart&straal=10');
  });

  it('adds a history entry for a page, replaces it for a filter, and follows back and links', () => {
    start('/p');
    act(() => fireEvent.click(screen.getByText('next')));
    expect(address()).toBe('?pagina=2');
    act(() => fireEvent.change(screen.getByLabelText('straal'), { target: { value: '10' } }));
    expect(address()).toBe('?straal=10');
    // The filter replaced page 2; Back goes to page 1 without filters.
    act(() => fireEvent.click(screen.getByText('back')));
    expect(address()).toBe('');
    expect((screen.getByLabelText('straal') as HTMLSelectElement).value).toBe('');
    expect(screen.getByTestId('page').textContent).toBe('1');
    act(() => fireEvent.click(screen.getByText('link')));
    expect(address()).toBe('?straal=10&tab=x');
    expect((screen.getByLabelText('straal') as HTMLSelectElement).value).toBe('10');
  });
});
