// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import i18n from '../i18n';
import { ListPager, ListSearch, ListSort } from './ListControls';
import { useAddressState } from '../lib/useAddressState';

afterEach(cleanup);

const defaults = { zoek: '', sorteer: '-updatedAt' };

function Harness({ total }: { total: number }) {
  const { state, page, set, setPage } = useAddressState(defaults);
  const where = useLocation();
  return (
    <>
      <ListSearch label="Zoek op naam" value={state.zoek} onSearch={(zoek) => set({ zoek })} />
      <ListSort value={state.sorteer} onChange={(sorteer) => set({ sorteer })} options={[{ value: '-updatedAt', label: 'Laatst gewijzigd' }, { value: 'name', label: 'Naam' }]} />
      <ListPager page={page} totalPages={Math.ceil(total / 25)} total={total} onPage={setPage} />
      <div data-testid="address">{where.search}</div>
    </>
  );
}

const address = () => screen.getByTestId('address').textContent;

describe('list controls', () => {
  it('keep search, sort and page in the address (other keys stay); a new search or sort starts at page 1', async () => {
    await i18n.changeLanguage('nl');
    render(
      <MemoryRouter initialEntries={['/kandidaten?als=klant&zoek=jan&pagina=2']}>
        <Harness total={60} />
      </MemoryRouter>,
    );
    const search = screen.getByLabelText('Zoek op naam') as HTMLInputElement;
    expect(search.value).toBe('jan');
    expect(screen.getByText('Pagina 2 van 3')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('60 gevonden');
    expect(screen.getByRole('search')).toBeTruthy();

    const next = screen.getByRole('button', { name: 'Volgende pagina' });
    next.focus();
    act(() => fireEvent.click(next));
    expect(address()).toBe('?als=klant&zoek=jan&pagina=3');
    expect(screen.getByText('Pagina 3 van 3')).toBeTruthy();
    // The last page: the button says so but keeps the focus, and a press does nothing.
    expect(next.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(next);
    act(() => fireEvent.click(next));
    expect(address()).toBe('?als=klant&zoek=jan&pagina=3');

    fireEvent.change(search, { target: { value: '  anna  ' } });
    expect(address()).toBe('?als=klant&zoek=jan&pagina=3'); // typing alone does not search
    act(() => fireEvent.submit(screen.getByRole('search')));
    expect(address()).toBe('?als=klant&zoek=anna');

    act(() => fireEvent.change(screen.getByLabelText('Sorteren op'), { target: { value: 'name' } }));
    expect(address()).toBe('?als=klant&zoek=anna&sorteer=name');
    expect(screen.getByRole('button', { name: 'Vorige pagina' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('leaves the paging out when one page holds everything, but still says how many', async () => {
    await i18n.changeLanguage('en');
    render(
      <MemoryRouter initialEntries={['/x']}>
        <Harness total={1} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('status').textContent).toBe('1 found');
    expect(screen.queryByRole('navigation')).toBeNull();
    await i18n.changeLanguage('nl');
  });
});
