// @vitest-environment jsdom
import { describe, expect, it, afterEach } from 'vitest';
import { useState } from 'react';
import { cleanup, render, screen, fireEvent } from '@testing-library/react';
import '../../i18n';
import { Combobox, type ComboOption } from './Combobox';

afterEach(cleanup);

const options: ComboOption[] = [
  { id: 'a', label: 'orderpicker' },
  { id: 'b', label: 'magazijnmedewerker' },
];

function Harness({ onPick }: { onPick: (o: ComboOption) => void }) {
  const [text, setText] = useState('');
  return <Combobox label="Beroep" name="beroep" text={text} onText={setText} options={text ? options : []} onSelect={onPick} />;
}

describe('Combobox', () => {
  it('opens on typing, moves with the arrow keys and picks with Enter', () => {
    let picked: ComboOption | undefined;
    render(<Harness onPick={(o) => (picked = o)} />);
    const input = screen.getByRole('combobox', { name: 'Beroep' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.change(input, { target: { value: 'order' } });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = input.getAttribute('aria-activedescendant');
    expect(document.getElementById(active ?? '')?.textContent).toBe('magazijnmedewerker');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(picked?.id).toBe('b');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('Combobox in a form', () => {
  function FormHarness({ onPick, onSubmit, clearOnBlur }: { onPick: (o: ComboOption) => void; onSubmit: () => void; clearOnBlur?: boolean }) {
    const [text, setText] = useState('');
    const shown = options.filter((o) => text && o.label.includes(text));
    return (
      <form onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
        <Combobox label="Vaardigheid" name="skills" text={text} onText={setText} options={shown} onSelect={(o) => { onPick(o); setText(''); }} clearOnBlur={clearOnBlur} />
        <button type="submit">Opslaan</button>
      </form>
    );
  }
  it('Enter picks the only suggestion and never submits the form', () => {
    let picked: ComboOption | undefined;
    let submitted = 0;
    render(<FormHarness onPick={(o) => (picked = o)} onSubmit={() => submitted++} />);
    const input = screen.getByRole('combobox', { name: 'Vaardigheid' });
    fireEvent.change(input, { target: { value: 'r' } });
    // Two suggestions, none chosen: Enter keeps the form as it is.
    expect(fireEvent.keyDown(input, { key: 'Enter' })).toBe(false);
    expect(picked).toBeUndefined();
    fireEvent.change(input, { target: { value: 'magazijn' } });
    expect(fireEvent.keyDown(input, { key: 'Enter' })).toBe(false);
    expect(picked?.id).toBe('b');
    expect(submitted).toBe(0);
  });
  it('clears text that was not picked when the focus leaves, so it does not run into the next search', () => {
    render(<FormHarness onPick={() => {}} onSubmit={() => {}} clearOnBlur />);
    const input = screen.getByRole('combobox', { name: 'Vaardigheid' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'deeg' } });
    fireEvent.blur(input);
    expect(input.value).toBe('');
  });
});
