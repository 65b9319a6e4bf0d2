// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import '../../i18n';
import { ApiError } from '../../lib/api/error';
import { SignIn, backTo } from './SignIn';

const state = vi.hoisted(() => ({ answer: undefined as unknown, posted: [] as unknown[] }));

vi.mock('../../lib/api/client', () => ({
  api: {
    POST: async (_path: string, init: { body: unknown }) => {
      state.posted.push(init.body);
      if (state.answer instanceof Error) throw state.answer;
      return { data: { signedIn: true, csrfToken: 't' } };
    },
  },
}));

const assign = vi.fn();

beforeEach(() => {
  state.posted = [];
  assign.mockReset();
  // The page leaves with a full page load: jsdom has none, so it is watched here.
  vi.stubGlobal('location', { ...window.location, search: '?terug=%2Fvacatures%2F7', assign });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function signIn(answer: unknown) {
  state.answer = answer;
  render(<SignIn />);
  fireEvent.change(screen.getByLabelText(/E-mailadres/), { target: { value: 'hr@example.org' } });
  fireEvent.change(screen.getByLabelText(/Wachtwoord/), { target: { value: 'geheim-genoeg-12' } });
  fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
}

describe('the sign-in page', () => {
  it('goes on to the page that sent the user here once signed in', async () => {
    signIn(undefined);
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith('/vacatures/7'));
    expect(state.posted).toEqual([{ email: 'hr@example.org', password: 'geheim-genoeg-12' }]);
    // Until the next page is there the button says it is busy, and a second click sends nothing.
    const busy = screen.getByRole('button', { name: 'Bezig met inloggen…' });
    fireEvent.click(busy);
    expect(state.posted).toHaveLength(1);
  });

  it('says when the e-mail address or the password is wrong, and stays', async () => {
    signIn(new ApiError(401, { status: 401, code: 'badCredentials' }));
    expect(await screen.findByText('Het e-mailadres of het wachtwoord klopt niet.')).toBeTruthy();
    expect(assign).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Inloggen' })).toBeTruthy();
  });

  it('says how long to wait after too many tries', async () => {
    signIn(new ApiError(429, { status: 429, code: 'tooManyAttempts' }, 600));
    expect(await screen.findByText('Te veel pogingen. Probeer het over 10 minuten opnieuw.')).toBeTruthy();
  });
});

describe('backTo', () => {
  it('goes back only to a path on this site', () => {
    expect(backTo('/vacatures/7?tab=pool')).toBe('/vacatures/7?tab=pool');
    expect(backTo(null)).toBe('/');
    expect(backTo('')).toBe('/');
    // Another site, however it is written.
    for (const elsewhere of ['//elders.example/x', '/\\elders.example', 'https://elders.example', 'javascript:alert(1)', 'vacatures']) {
      expect(backTo(elsewhere)).toBe('/');
    }
  });
});
