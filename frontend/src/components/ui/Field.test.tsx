// @vitest-environment jsdom
import { describe, expect, it, afterEach } from 'vitest';
import { cleanup, render, screen, fireEvent } from '@testing-library/react';
import '../../i18n';
import { Field } from './index';
import { ApiError } from '../../lib/api/error';

afterEach(cleanup);

describe('Field', () => {
  it('labels its input and shows the server reason in Dutch, linked for screen readers', () => {
    let value = '';
    render(<Field label="E-mailadres" name="email" value="" onChange={(v) => (value = v)} error="unique" description="Uw werkadres" />);
    const input = screen.getByLabelText('E-mailadres');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Uw werkadres', 'Dit bestaat al.']);
    fireEvent.change(input, { target: { value: 'a@b.nl' } });
    expect(value).toBe('a@b.nl');
  });
});

describe('ApiError', () => {
  it('maps invalidParams onto form fields', () => {
    const err = new ApiError(400, {
      status: 400,
      detail: 'Een of meer velden zijn ongeldig.',
      invalidParams: [
        { name: 'email', code: 'unique', reason: 'bestaat al' },
        { name: 'kvkNummer', code: 'pattern', reason: '8 cijfers' },
      ],
    });
    expect(err.fieldErrors()).toEqual({ email: 'unique', kvkNummer: 'pattern' });
    expect(err.message).toBe('Een of meer velden zijn ongeldig.');
  });
});
