// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

// The API client keeps the fetch it was created with: replace it first.
const server = await vi.hoisted(async () => (await import('../../test/fakeApi')).installFakeApi());

import '../../i18n';
import { InviteDialog } from './InviteDialog';

afterEach(() => {
  cleanup();
  server.sent.length = 0;
});

function renderDialog(onInvited = vi.fn()) {
  const qc = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <InviteDialog openingId="o1" open openNow={3} picked={[{ id: 'a', code: 'K-AAAAA' }, { id: 'b', code: 'K-BBBBB' }]}
        onClose={() => {}} onRemove={() => {}} onInvited={onInvited} />
    </QueryClientProvider>,
  );
  fireEvent.change(screen.getByLabelText('Uw bericht aan de kandidaten'), { target: { value: 'Kom kennismaken!' } });
  fireEvent.click(screen.getByRole('button', { name: '2 uitnodigingen versturen' }));
}

describe('InviteDialog', () => {
  it('shows the limits and sends the picked ids with the message', async () => {
    server.answers.push({ status: 201, body: { items: [{ id: 'i1', state: 'invited' }, { id: 'i2', state: 'invited' }] } });
    const onInvited = vi.fn();
    renderDialog(onInvited);
    expect(screen.getByText(/Per vacature kunnen 25 uitnodigingen tegelijk openstaan \(nu 3\)/)).toBeTruthy();
    await waitFor(() => expect(onInvited).toHaveBeenCalled());
    expect(server.sent[0].url).toMatch(/\/api\/v1\/openings\/o1\/invites$/);
    expect(server.sent[0].body).toEqual({ candidateIds: ['a', 'b'], message: 'Kom kennismaken!' });
  });

  it('puts a refusal next to the candidate it names', async () => {
    server.answers.push({
      status: 409,
      body: { status: 409, code: 'notInvitable', detail: 'Niet elke kandidaat…', invalidParams: [{ name: 'candidateIds[1]', code: 'unreachable', reason: 'K-BBBBB heeft geen e-mailadres / no e-mail' }] },
    });
    renderDialog();
    const problem = await screen.findByText(/Heeft geen e-mailadres/);
    const remove = screen.getByRole('button', { name: 'K-BBBBB weghalen' });
    expect(remove.getAttribute('aria-describedby')).toBe(problem.id);
    expect(remove.closest('li')?.textContent).toContain('K-BBBBB');
    expect(screen.getByRole('button', { name: 'K-AAAAA weghalen' }).getAttribute('aria-describedby')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Er is niemand uitgenodigd');
  });

  it('names the limit of a 429', async () => {
    server.answers.push({ status: 429, body: { status: 429, code: 'invitesPerOpening', limit: 10, detail: '…' } });
    renderDialog();
    expect((await screen.findByRole('alert')).textContent).toContain('maximaal 10 uitnodigingen tegelijk');
  });
});
