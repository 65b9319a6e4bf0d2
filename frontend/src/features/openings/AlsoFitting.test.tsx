// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';

// The API client keeps the fetch it was created with: replace it first.
const server = await vi.hoisted(async () =>
  (await import('../../test/fakeApi')).installFakeApi((url) => ({
    status: 200,
    body: url.includes('/occupations/m1/related-occupations')
      ? {
          items: [
            { id: 'b1', label: 'bakker', iscoGroup: '7512', strength: 'close', source: 'family', family: 'Bakkerij' },
            { id: 'g1', label: 'gebakmaker', iscoGroup: '7512', strength: 'related', source: 'iscoGroup' },
          ],
        }
      : { items: [] },
  })),
);

import '../../i18n';
import { AlsoFitting, acceptableError } from './AlsoFitting';
import i18n from '../../i18n';
import { fewReach, reachText, usePoolEstimates } from '../reference';

afterEach(cleanup);

function Harness({ onChange }: { onChange: (ids: string[]) => void }) {
  const [value, setValue] = useState<{ id: string; label: string }[]>([]);
  const estimates = new Map([
    ['b1', { occupationId: 'b1', count: 14, fewerThanFive: false }],
    ['g1', { occupationId: 'g1', count: null, fewerThanFive: true }],
  ]);
  return (
    <AlsoFitting main={{ id: 'm1', label: 'bakkerijmedewerker' }} value={value} estimates={estimates}
      reach={{ postcode: '3511AB', maxTravelKm: 15, kind: 'vacature' }}
      onChange={(v) => {
        setValue(v);
        onChange(v.map((o) => o.id));
      }} />
  );
}

describe('AlsoFitting', () => {
  it('suggests related occupations with their reach and adds one', async () => {
    const onChange = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Harness onChange={onChange} />
      </QueryClientProvider>,
    );
    const add = await screen.findByRole('button', { name: 'Voeg toe: bakker' });
    expect(add.closest('li')?.textContent).toContain('bakker — 14 kandidaten · lijkt veel op dit beroep');
    expect(screen.getByRole('button', { name: 'Voeg toe: gebakmaker' }).closest('li')?.textContent).toContain('minder dan 5 kandidaten');
    fireEvent.click(add);
    expect(onChange).toHaveBeenLastCalledWith(['b1']);
    // A chosen suggestion leaves the suggestions and shows as a chip.
    expect(screen.queryByRole('button', { name: 'Voeg toe: bakker' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Verwijder bakker' })).toBeTruthy();
    expect(server.sent.some(({ url: u }) => u.endsWith('/api/v1/occupations/m1/related-occupations'))).toBe(true);
  });
});

function Estimates({ reach }: { reach: { postcode: string; maxTravelKm: number; kind: 'vacature' } | null }) {
  usePoolEstimates(['b1', 'a1', 'b1', ''], reach);
  return null;
}

describe('usePoolEstimates', () => {
  it('asks once the postcode is complete, ids comma-separated and once each', async () => {
    const qc = new QueryClient();
    const { rerender } = render(
      <QueryClientProvider client={qc}>
        <Estimates reach={{ postcode: '3511', maxTravelKm: 15, kind: 'vacature' }} />
      </QueryClientProvider>,
    );
    rerender(
      <QueryClientProvider client={qc}>
        <Estimates reach={{ postcode: '3511 ab', maxTravelKm: 15, kind: 'vacature' }} />
      </QueryClientProvider>,
    );
    await vi.waitFor(() => expect(server.sent.some(({ url: u }) => u.includes('/pool-estimates'))).toBe(true));
    const asked = server.sent.map((s) => s.url).filter((u) => u.includes('/pool-estimates'));
    expect(asked).toHaveLength(1);
    const q = new URL(asked[0]).searchParams;
    expect(q.get('occupationIds')).toBe('a1,b1');
    expect(q.get('postcode')).toBe('3511AB');
    expect(q.get('maxTravelKm')).toBe('15');
    expect(q.get('kind')).toBe('vacature');
  });
});

describe('reach', () => {
  it('says counts in words, under five without a number', () => {
    const t = i18n.getFixedT('nl');
    expect(reachText(t, { occupationId: 'a', count: 14, fewerThanFive: false })).toBe('14 kandidaten');
    expect(reachText(t, { occupationId: 'a', count: 0, fewerThanFive: false })).toBe('0 kandidaten');
    expect(reachText(t, { occupationId: 'a', count: null, fewerThanFive: true })).toBe('minder dan 5 kandidaten');
    expect(reachText(t, undefined)).toBeUndefined();
    expect(fewReach({ occupationId: 'a', count: 0, fewerThanFive: false })).toBe(true);
    expect(fewReach({ occupationId: 'a', count: null, fewerThanFive: true })).toBe(true);
    expect(fewReach({ occupationId: 'a', count: 5, fewerThanFive: false })).toBe(false);
  });
});

describe('acceptableError', () => {
  const value = [
    { id: 'a', label: 'bakker' },
    { id: 'b', label: 'kok' },
  ];
  it('names the occupation at the index the server names', () => {
    expect(acceptableError([{ name: 'acceptableOccupationIds[1]', code: 'unknown', reason: 'Onbekend beroep.' }], value)).toEqual({
      error: 'unknown',
      message: 'kok: Onbekend beroep.',
    });
  });
  it('takes the whole list and leaves other fields alone', () => {
    expect(acceptableError([{ name: 'acceptableOccupationIds', code: 'maxItems', reason: 'Hoogstens 10.' }], value)).toEqual({ error: 'maxItems', message: 'Hoogstens 10.' });
    expect(acceptableError([{ name: 'title', code: 'required', reason: 'Vul in.' }], value)).toEqual({});
  });
});
