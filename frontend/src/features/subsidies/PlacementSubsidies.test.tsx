// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

// The API client keeps the fetch it was created with: replace it first.
const server = await vi.hoisted(async () => (await import('../../test/fakeApi')).installFakeApi());

import '../../i18n';
import { PlacementSubsidies } from './PlacementSubsidies';
import type { InviteSubsidies, PlacementScheme } from './api';
import { formatEuro } from '../../lib/format';

afterEach(() => {
  cleanup();
  server.sent.length = 0;
  server.answers.length = 0;
});

const scheme = (s: Partial<PlacementScheme> & Pick<PlacementScheme, 'scheme' | 'decidedBy'>): PlacementScheme => ({
  applies: true,
  conditions: [],
  deadlines: [],
  parameters: [],
  ...s,
});

function answer(placed: boolean): InviteSubsidies {
  return {
    inviteId: 'i1',
    openingTitle: 'Bakker',
    organisationName: 'Bakkerij',
    candidateCode: 'K-1',
    basis: placed ? 'placement' : 'opening',
    ...(placed ? { startDate: '2026-12-07', contractType: 'tijdelijk' } : {}),
    hoursMin: placed ? 24 : 20,
    hoursMax: placed ? 24 : 30,
    parametersOn: '2026-12-07',
    extrapolated: false,
    schemes: [
      scheme({
        scheme: 'lks',
        decidedBy: 'gemeente',
        amount: { period: 'month', fromCents: 41234, toCents: 123456 },
        flatRate: { period: 'month', fromCents: 80000, toCents: 80000 },
        flatRateMonths: 6,
        conditions: [{ code: 'employmentContract' }, { code: 'applyMonths', value: 6 }],
        deadlines: [{ code: 'lksApply', months: 6, parameter: 'lks_apply_months', extrapolated: true, ...(placed ? { due: '2027-06-07' } : {}) }],
      }),
      scheme({ scheme: 'lkv', decidedBy: 'uwv', applies: false, reason: 'notInDoelgroepregister', conditions: [{ code: 'doelgroepverklaring', value: 3 }] }),
      scheme({ scheme: 'no_riskpolis', decidedBy: 'uwv', applies: false, reason: 'notInDoelgroepregister' }),
      scheme({ scheme: 'proefplaatsing', decidedBy: 'gemeente', lengthMonths: 2, extendMonths: 1 }),
      scheme({ scheme: 'jobcoaching', decidedBy: 'gemeente', conditions: [{ code: 'askGemeente' }] }),
    ],
    parameters: [
      { key: 'wml_month', scope: 'national', unit: 'cents', value: 229440, validFrom: '2026-01-01', source: 'Wet minimumloon' },
      { key: 'lks_apply_months', scope: 'regional', unit: 'months', value: 6, validFrom: '2025-01-01', source: 'Demo-regio' },
    ],
  };
}

function show(state: 'invited' | 'accepted' | 'placed', body?: InviteSubsidies) {
  if (body) server.answers.push({ status: 200, body });
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <PlacementSubsidies inviteId="i1" state={state} placementId={state === 'placed' ? 'p1' : undefined} />
    </QueryClientProvider>,
  );
}

describe('PlacementSubsidies', () => {
  it('shows every scheme before the placement: who decides, ranges, reasons, conditions and terms', async () => {
    show('accepted', answer(false));
    await screen.findByRole('heading', { name: 'Subsidies en regelingen' });
    expect(server.sent[0].url).toMatch(/\/api\/v1\/invites\/i1\/subsidies$/);
    expect(screen.getByText(/Berekend voor 20–30 uur per week/)).toBeTruthy();
    const lks = screen.getByRole('region', { name: 'Loonkostensubsidie (LKS)' });
    expect(within(lks).getByText('Indicatief — de gemeente beslist')).toBeTruthy();
    expect(within(lks).getByText(`${formatEuro(41234, 'nl')} – ${formatEuro(123456, 'nl')} per maand. Het lage bedrag hoort bij een loonwaarde van 80%, het hoge bij het maximum.`.replace(/\s+/g, ' '))).toBeTruthy();
    expect(within(lks).getByText(/^€\s800,00 per maand in de eerste 6 maanden/)).toBeTruthy();
    expect(within(lks).getByText('Vraag het aan binnen 6 maanden na de eerste werkdag.')).toBeTruthy();
    expect(within(lks).getByText('Binnen 6 maanden na de eerste werkdag: loonkostensubsidie aanvragen bij de gemeente')).toBeTruthy();
    const lkv = screen.getByRole('region', { name: 'Loonkostenvoordeel (LKV)' });
    expect(within(lkv).getByText('Indicatief — UWV beslist')).toBeTruthy();
    expect(within(lkv).getByText(/^Nee\. De kandidaat staat niet in het doelgroepregister van UWV\./)).toBeTruthy();
    expect(within(lkv).queryByText(/per jaar/)).toBeNull();
    const proef = screen.getByRole('region', { name: 'Proefplaatsing' });
    expect(within(proef).getByText('2 maanden. De gemeente kan dit met 1 maand verlengen.')).toBeTruthy();
    // "Indicatief — … beslist" stands with every scheme.
    expect(screen.getAllByText(/^Indicatief — (de gemeente|UWV) beslist$/)).toHaveLength(5);
  });

  it('shows dates counted from the placement start once there is one', async () => {
    show('placed', { ...answer(true), extrapolated: true });
    const lks = await screen.findByRole('region', { name: 'Loonkostensubsidie (LKS)' });
    expect(screen.getByText('Het minimumloon voor deze datum is nog niet ingevoerd. De bedragen gebruiken het minimumloon vanaf 1 januari 2026.')).toBeTruthy();
    expect(screen.getByText(/Berekend voor deze plaatsing: 24 uur per week, eerste werkdag 7 december 2026\./)).toBeTruthy();
    expect(within(lks).getByText('Uiterlijk 7 juni 2027: loonkostensubsidie aanvragen bij de gemeente (de bedragen na deze datum zijn nog niet bekend)')).toBeTruthy();
  });

  it('asks nothing before the kandidaat said yes', () => {
    show('invited');
    expect(screen.queryByRole('heading', { name: 'Subsidies en regelingen' })).toBeNull();
    expect(server.sent).toHaveLength(0);
  });
});
