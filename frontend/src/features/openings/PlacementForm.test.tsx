// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

// The API client keeps the fetch and Request it was created with: replace
// them first (Node's Request does not take the client's relative URLs).
const server = vi.hoisted(() => {
  const NodeRequest = globalThis.Request;
  globalThis.Request = class extends NodeRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' && input.startsWith('/') ? `http://localhost${input}` : input, init);
    }
  } as typeof Request;
  const answers: { status: number; body: unknown }[] = [];
  const sent: { url: string; body: unknown }[] = [];
  globalThis.fetch = vi.fn(async (input: RequestInfo | URL) => {
    const req = input instanceof Request ? input : new Request(input);
    if (req.url.endsWith('/sessions/current')) return new Response(JSON.stringify({ csrfToken: 't', signedIn: true }), { status: 200 });
    sent.push({ url: req.url, body: await req.clone().json() });
    const a = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'Content-Type': a.status < 300 ? 'application/json' : 'application/problem+json' } });
  }) as typeof fetch;
  return { answers, sent };
});

import '../../i18n';
import { PlacementForm } from './Introduction';
import type { Invite } from './api';

afterEach(() => {
  cleanup();
  server.sent.length = 0;
});

function renderForm() {
  const qc = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <PlacementForm invite={{ id: 'i1' } as Invite} />
    </QueryClientProvider>,
  );
  fireEvent.change(screen.getByLabelText(/Eerste werkdag/), { target: { value: '2026-12-14' } });
  fireEvent.change(screen.getByLabelText(/Uren per week/), { target: { value: '24' } });
}

describe('PlacementForm', () => {
  it('asks the reason when the server says the wage is below the minimum wage, and sends it', async () => {
    server.answers.push({
      status: 400,
      body: {
        status: 400, code: 'paramsValidation', detail: 'Een of meer velden zijn ongeldig.',
        invalidParams: [{ name: 'hourlyWageCents', code: 'belowMinimumWage', reason: 'Dit is minder dan het minimumloon vanaf 21 jaar (€ 14,71 per uur vanaf 2026-01-01). Kies de reden: jeugdloon of loondispensatie.' }],
      },
    });
    renderForm();
    fireEvent.change(screen.getByLabelText(/Uurloon in euro/), { target: { value: '9,50' } });
    expect(screen.queryByLabelText(/Reden voor een loon onder het minimumloon/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Plaatsing opslaan' }));
    await screen.findByText(/minder dan het minimumloon vanaf 21 jaar/);
    fireEvent.change(screen.getByLabelText(/Reden voor een loon onder het minimumloon/), { target: { value: 'jeugdloon' } });
    server.answers.push({ status: 201, body: { id: 'i1', state: 'placed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Plaatsing opslaan' }));
    await waitFor(() => expect(server.sent).toHaveLength(2));
    expect(server.sent[0].body).toMatchObject({ hourlyWageCents: 950 });
    expect(server.sent[0].body).not.toHaveProperty('belowMinimumWageReason');
    expect(server.sent[1].body).toMatchObject({ hourlyWageCents: 950, belowMinimumWageReason: 'jeugdloon' });
  });

  it('asks no wage for a proefplaatsing and sends 0', async () => {
    server.answers.push({ status: 201, body: { id: 'i1', state: 'placed' } });
    renderForm();
    fireEvent.change(screen.getByLabelText(/Soort contract/), { target: { value: 'proefplaatsing' } });
    expect(screen.queryByLabelText(/Uurloon in euro/)).toBeNull();
    expect(screen.getByText('Een proefplaatsing of een plaatsing zonder contract heeft geen loon.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Plaatsing opslaan' }));
    await waitFor(() => expect(server.sent).toHaveLength(1));
    expect(server.sent[0].body).toMatchObject({ contractType: 'proefplaatsing', hourlyWageCents: 0 });
  });
});
