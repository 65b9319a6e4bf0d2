import { describe, expect, it } from 'vitest';
import { navFor } from './nav';
import nl from '../i18n/nl.json';
import en from '../i18n/en.json';

describe('navFor', () => {
  it('gives each role its own menu', () => {
    expect(navFor('werkgever').map((i) => i.key)).toEqual(['vacatures', 'opvolging', 'diensten', 'boekingen', 'subsidies', 'loonkostensubsidie', 'resultaten', 'berichten', 'organisatie']);
    expect(navFor('accountmanager').map((i) => i.key)).toEqual(['portefeuille', 'berichten', 'aanmeldingen', 'alleVacatures', 'opvolging', 'diensten', 'alleBoekingen', 'subsidies', 'lksBesluiten', 'verwanteBeroepen', 'cijfers']);
    expect(navFor('klantmanager').map((i) => i.key)).toEqual(['caseload', 'subsidies']);
    expect(navFor('kandidaat').map((i) => i.key)).toEqual(['uitnodigingen', 'gegevens']);
    expect(navFor('admin').map((i) => i.key)).toEqual(['gebruikers', 'organisaties', 'regios', 'dienstenBeheer', 'subsidiesBeheer', 'lksBesluiten', 'verwanteBeroepen', 'cijfers', 'audit']);
  });
  it("sends the kandidaat to Mijn uitnodigingen (the invite pages), not the organisation's /uitnodigingen", () => {
    expect(navFor('kandidaat').find((i) => i.key === 'uitnodigingen')?.path).toBe('/mijn-uitnodigingen');
    expect(navFor('werkgever').find((i) => i.key === 'opvolging')?.path).toBe('/opvolging');
  });
  it('gives a provider its own menu, opening on its work', () => {
    expect(navFor('zorgaanbieder', { provider: true }).map((i) => i.key)).toEqual(['opdrachten', 'agenda', 'uitbetalingen', 'diensten', 'berichten', 'organisatie']);
    expect(navFor('zorgaanbieder', { provider: true })[0].path).toBe('/opdrachten');
    expect(navFor('zorgaanbieder', { provider: false }).map((i) => i.key)).toEqual(navFor('werkgever').map((i) => i.key));
    expect(navFor('accountmanager', { provider: true })).toEqual(navFor('accountmanager'));
    for (const k of ['opdrachten', 'agenda']) {
      expect(nl.nav).toHaveProperty(k);
      expect(en.nav).toHaveProperty(k);
    }
  });
  it('leads organisations and accountmanagers to the bookings, admins to the service catalogue', () => {
    expect(navFor('zorgaanbieder').find((i) => i.key === 'boekingen')?.path).toBe('/boekingen');
    expect(navFor('accountmanager').find((i) => i.key === 'alleBoekingen')?.path).toBe('/boekingen');
    expect(navFor('admin').find((i) => i.key === 'dienstenBeheer')?.path).toBe('/beheer/diensten');
  });
  it("leads accountmanagers and admins, not organisations, to the region's related occupations", () => {
    expect(navFor('accountmanager').find((i) => i.key === 'verwanteBeroepen')?.path).toBe('/verwante-beroepen');
    expect(navFor('admin').find((i) => i.key === 'verwanteBeroepen')?.path).toBe('/verwante-beroepen');
    expect(navFor('werkgever').some((i) => i.key === 'verwanteBeroepen')).toBe(false);
  });
  it('leads organisations and municipal staff to the subsidies, admins to their parameters', () => {
    for (const role of ['werkgever', 'zorgaanbieder', 'accountmanager', 'klantmanager'] as const) {
      expect(navFor(role).find((i) => i.key === 'subsidies')?.path).toBe('/subsidies');
    }
    expect(navFor('admin').find((i) => i.key === 'subsidiesBeheer')?.path).toBe('/beheer/subsidies');
    expect(navFor('kandidaat').some((i) => i.key === 'subsidies')).toBe(false);
  });
  it('leads organisations and accountmanagers to Berichten, with no placeholder in any menu', () => {
    for (const role of ['werkgever', 'zorgaanbieder', 'accountmanager'] as const) {
      expect(navFor(role).find((i) => i.key === 'berichten')?.path).toBe('/berichten');
    }
    for (const role of ['platform', 'admin', 'accountmanager', 'klantmanager', 'werkgever', 'zorgaanbieder', 'kandidaat'] as const) {
      for (const item of navFor(role)) {
        expect(nl.nav[item.key as keyof typeof nl.nav]).not.toMatch(/binnenkort/i);
      }
    }
  });
  it('leads accountmanagers and admins to Cijfers, organisations to their own Resultaten, klantmanagers and kandidaten to neither', () => {
    expect(navFor('accountmanager').find((i) => i.key === 'cijfers')?.path).toBe('/cijfers');
    expect(navFor('admin').find((i) => i.key === 'cijfers')?.path).toBe('/cijfers');
    expect(navFor('werkgever').find((i) => i.key === 'resultaten')?.path).toBe('/resultaten');
    expect(navFor('zorgaanbieder').find((i) => i.key === 'resultaten')?.path).toBe('/resultaten');
    for (const role of ['klantmanager', 'kandidaat'] as const) {
      expect(navFor(role).some((i) => i.key === 'cijfers' || i.key === 'resultaten')).toBe(false);
    }
  });
  it('gives the platform administrator, of no region, the regions and nothing else', () => {
    expect(navFor('platform')).toEqual([{ key: 'regios', path: '/platform/regios' }]);
  });
  it('has a Dutch and an English label for every item', () => {
    for (const role of ['platform', 'admin', 'accountmanager', 'klantmanager', 'werkgever', 'zorgaanbieder', 'kandidaat'] as const) {
      for (const item of navFor(role)) {
        expect(nl.nav).toHaveProperty(item.key);
        expect(en.nav).toHaveProperty(item.key);
      }
    }
  });
});

describe('catalogues', () => {
  it('have the same keys in Dutch and English', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });
});
