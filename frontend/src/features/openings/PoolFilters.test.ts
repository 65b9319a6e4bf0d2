import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { activeFilters } from './PoolFilters';
import { noFilters, toQuery } from './queries';

describe('pool filters', () => {
  it('ask the API only for what is set, lists in a fixed order', () => {
    expect(toQuery(noFilters, 1)).toEqual({ page: 1 });
    expect(
      toQuery({ ...noFilters, radius: '10', rungMin: '2', languages: ['nl', 'ar'], flags: ['lksIndicatie', 'doelgroepregister'], options: ['drivingLicence'], occupations: ['any'] }, 3),
    ).toEqual({ page: 3, radiusKm: 10, rungMin: 2, languages: ['ar', 'nl'], flags: ['doelgroepregister', 'lksIndicatie'], drivingLicence: true, anyOccupation: true });
  });

  it('say in words what narrows the pool; every occupation only counts', async () => {
    await i18n.changeLanguage('nl');
    expect(activeFilters(noFilters, i18n.t, 'nl', false)).toEqual({ words: [], any: false, count: 0 });
    expect(activeFilters({ ...noFilters, occupations: ['any'] }, i18n.t, 'nl', false)).toEqual({ words: [], any: true, count: 1 });
    const f = { ...noFilters, radius: '10', rungMin: '2', rungMax: '4', options: ['drivingLicence', 'offeredSupport'] };
    expect(activeFilters(f, i18n.t, 'nl', false).words).toEqual(['Afstand 10 km', 'trede 2 tot en met 4', 'met rijbewijs', 'uw ondersteuning is genoeg']);
    expect(activeFilters(f, i18n.t, 'nl', true).words[3]).toBe('de ondersteuning van de organisatie is genoeg');
  });
});
