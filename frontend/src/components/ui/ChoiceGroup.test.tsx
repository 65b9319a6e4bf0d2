// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18n from '../../i18n';
import { ChoiceGroup } from './ChoiceGroup';

afterEach(cleanup);

const options = [
  { value: 'ma', label: 'maandag' },
  { value: 'di', label: 'dinsdag' },
];

function Days() {
  const [values, setValues] = useState<string[]>(['di']);
  return <ChoiceGroup multiple legend="Dagen" name="days" values={values} onChange={setValues} options={options} description="Kies er zoveel als u wilt" />;
}

function Day({ error }: { error?: string }) {
  const [value, setValue] = useState('');
  return <ChoiceGroup legend="Dag" name="day" value={value} onChange={setValue} options={options} error={error} />;
}

describe('ChoiceGroup', () => {
  it('with multiple, is a group of checkboxes named by its legend that adds and removes values', () => {
    render(<Days />);
    const group = screen.getByRole('group', { name: 'Dagen' });
    expect(group.closest('.wh-checkboxes')?.classList.contains('wh-radios')).toBe(false);
    expect(screen.getByText('Kies er zoveel als u wilt')).toBeTruthy();
    const ma = screen.getByRole('checkbox', { name: 'maandag' }) as HTMLInputElement;
    const di = screen.getByRole('checkbox', { name: 'dinsdag' }) as HTMLInputElement;
    expect([ma.checked, di.checked]).toEqual([false, true]);
    fireEvent.click(ma);
    expect([ma.checked, di.checked]).toEqual([true, true]);
    fireEvent.click(di);
    expect([ma.checked, di.checked]).toEqual([true, false]);
    expect(ma.name).toBe('days');
    expect(ma.value).toBe('ma');
  });

  it('without, is a group of radio buttons with one choice', () => {
    render(<Day />);
    expect(screen.getByRole('group', { name: 'Dag' }).closest('.wh-radios')).toBeTruthy();
    const ma = screen.getByRole('radio', { name: 'maandag' }) as HTMLInputElement;
    const di = screen.getByRole('radio', { name: 'dinsdag' }) as HTMLInputElement;
    fireEvent.click(ma);
    expect([ma.checked, di.checked]).toEqual([true, false]);
    fireEvent.click(di);
    expect([ma.checked, di.checked]).toEqual([false, true]);
  });

  it("shows the server's reason code in words", async () => {
    await i18n.changeLanguage('nl');
    render(<Day error="required" />);
    expect(screen.getByText(i18n.t('fields.required'))).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Dag' }).closest('.utrecht-form-fieldset--invalid')).toBeTruthy();
  });
});
