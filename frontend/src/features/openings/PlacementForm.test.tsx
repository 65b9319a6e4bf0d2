// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

// The API client keeps the fetch it was created with: replace it first.
const server = await vi.hoisted(async () => (await import('../../test/fakeApi')).installFakeApi());

import '../../i18n';
import { PlacementForm, monthlyToHourly } from './Introduction';
import { type Invite } from '../invites';

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

describe('monthlyToHourly', () => {
  it('turns a monthly wage into an hourly one at the hours a week (52 weeks / 12 months)', () => {
    expect(monthlyToHourly(240000, 36)).toBe(1538);
    expect(monthlyToHourly(280000, 24)).toBe(2692);
  });
});

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
