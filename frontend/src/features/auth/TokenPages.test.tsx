// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import '../../i18n';
import { ApiError } from '../../lib/api/error';
import { MagicLinkRequest } from './TokenPages';

const state = vi.hoisted(() => ({ answer: undefined as unknown }));

vi.mock('../../lib/api/client', () => ({
  api: {
    POST: async () => {
      if (state.answer instanceof Error) throw state.answer;
      return { data: undefined };
    },
  },
}));
vi.mock('../../lib/session', () => ({ tokenFromHash: () => '', useSignedIn: () => () => {} }));

function ask(answer: unknown) {
  state.answer = answer;
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <MagicLinkRequest />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  fireEvent.change(screen.getByLabelText(/E-mailadres/), { target: { value: 'iemand@example.org' } });
  fireEvent.click(screen.getByRole('button', { name: 'Verstuur' }));
}

afterEach(cleanup);

describe('asking for a mailed link', () => {
  it('says a mail is on its way, and how many a person gets at most', async () => {
    ask(undefined);
    expect(await screen.findByText(/Als dit e-mailadres bij ons bekend is.*hooguit 3 e-mails per uur/)).toBeTruthy();
  });

  it('says how long to wait when this connection asked too often', async () => {
    ask(new ApiError(429, { status: 429, code: 'tooManyAttempts' }, 1500));
    expect(await screen.findByText('Te veel pogingen. Probeer het over 25 minuten opnieuw.')).toBeTruthy();
    expect(screen.queryByText(/Er ging iets mis/)).toBeNull();
  });
});
