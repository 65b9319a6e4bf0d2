// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import '../i18n';
import { ErrorSummary } from './ErrorSummary';
import { ApiError } from '../lib/api/error';

afterEach(cleanup);

describe('ErrorSummary', () => {
  it("links each invalid field to its input, by the input's own name where it differs", () => {
    const error = new ApiError(400, {
      invalidParams: [
        { name: 'places', code: 'minimum', reason: 'De waarde moet minimaal 1 zijn.' },
        { name: 'wageMinCents', code: 'minimum', reason: 'De waarde moet minimaal 0 zijn.' },
      ],
    });
    render(
      <form>
        <ErrorSummary error={error} title="Verbeter 2 velden:" fallback="Er ging iets mis." labels={{ places: 'Aantal plekken', wageMinCents: 'Loon vanaf' }}
          targets={{ wageMinCents: 'wageMin' }} />
        <input name="places" aria-label="Aantal plekken" />
        <input name="wageMin" aria-label="Loon vanaf" />
      </form>,
    );
    const places = screen.getByRole('link', { name: 'Aantal plekken: De waarde moet minimaal 1 zijn.' });
    expect(places.getAttribute('href')).toBe('#places');
    fireEvent.click(places);
    expect(document.activeElement).toBe(screen.getByLabelText('Aantal plekken'));
    fireEvent.click(screen.getByRole('link', { name: /^Loon vanaf/ }));
    expect(document.activeElement).toBe(screen.getByLabelText('Loon vanaf'));
    expect(screen.getByText('Verbeter 2 velden:')).toBeTruthy();
  });
});
