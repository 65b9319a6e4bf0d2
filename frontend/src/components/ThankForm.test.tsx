// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

// The API client keeps the fetch it was created with: replace it first.
const server = await vi.hoisted(async () => (await import('../test/fakeApi')).installFakeApi());

import '../i18n';
import { ThankForm } from './ThankForm';
import { thanksCheck, type Recipient, type Thanking } from '../lib/thanks';

afterEach(() => {
  cleanup();
  server.sent.length = 0;
});

function renderForm(what: Thanking, thanked?: Recipient[]) {
  const qc = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <ThankForm what={what} thanked={thanked} />
    </QueryClientProvider>,
  );
}

describe('thanksCheck', () => {
  it('wants 1 to 500 characters after trimming', () => {
    expect(thanksCheck('   ')).toBe('required');
    expect(thanksCheck('Dank!')).toBeUndefined();
    expect(thanksCheck('é'.repeat(500))).toBeUndefined();
    expect(thanksCheck('é'.repeat(501))).toBe('maxLength');
  });
});

describe('ThankForm', () => {
  it('lets an organisation thank the accountmanager, and sends nothing empty', async () => {
    renderForm({ placementId: 'p1' });
    fireEvent.click(screen.getByRole('button', { name: 'Bedanken' }));
    fireEvent.click(screen.getByRole('button', { name: 'Bedankje versturen' }));
    await screen.findByText('Schrijf een kort bedankje.');
    expect(server.sent).toHaveLength(0);
    fireEvent.click(screen.getByLabelText('Uw accountmanager'));
    fireEvent.change(screen.getByLabelText(/Uw bedankje/), { target: { value: '  Dank voor de hulp!  ' } });
    server.answers.push({ status: 201, body: { id: 't1', placementId: 'p1', to: 'accountmanager', message: 'Dank voor de hulp!', createdAt: '2026-12-04T10:00:00Z' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bedankje versturen' }));
    await screen.findByText('Uw bedankje is verstuurd.');
    expect(server.sent[0].url).toMatch(/\/placements\/p1\/thank-yous$/);
    expect(server.sent[0].body).toEqual({ to: 'accountmanager', message: 'Dank voor de hulp!' });
  });

  it("lets the kandidaat thank their klantmanager and shows the server's answer to a second thank-you", async () => {
    renderForm({ inviteId: 'i1' });
    fireEvent.click(screen.getByRole('button', { name: 'Bedank je klantmanager' }));
    expect(screen.queryByText('Wie wilt u bedanken?')).toBeNull();
    fireEvent.change(screen.getByLabelText(/Je bericht/), { target: { value: 'Dank je wel!' } });
    server.answers.push({ status: 409, body: { status: 409, code: 'alreadyThanked', detail: 'Er is voor deze plaatsing al een bedankje verstuurd.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Versturen' }));
    await screen.findByText('Er is voor deze plaatsing al een bedankje verstuurd.');
    await waitFor(() => expect(server.sent).toHaveLength(1));
    expect(server.sent[0].url).toMatch(/\/me\/invites\/i1\/thank-yous$/);
    expect(server.sent[0].body).toEqual({ message: 'Dank je wel!' });
  });

  it('offers only whom the organisation did not thank yet, and nothing once both are thanked', () => {
    renderForm({ placementId: 'p1' }, ['klantmanager']);
    fireEvent.click(screen.getByRole('button', { name: 'Bedanken' }));
    expect((screen.getByLabelText('Uw accountmanager') as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByLabelText('De klantmanager van de kandidaat')).toBeNull();
    cleanup();
    renderForm({ placementId: 'p1' }, ['klantmanager', 'accountmanager']);
    expect(screen.queryByRole('button', { name: 'Bedanken' })).toBeNull();
    screen.getByText('U heeft de klantmanager en de accountmanager voor deze plaatsing bedankt.');
  });
});
