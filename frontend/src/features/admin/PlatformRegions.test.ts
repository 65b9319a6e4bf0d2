import { describe, expect, it } from 'vitest';
import { slugOf } from './PlatformRegions';

describe('slugOf', () => {
  it('suggests a code the API accepts from a region name', () => {
    expect(slugOf('Holland Rijnland')).toBe('holland-rijnland');
    expect(slugOf('  Zuid-Limburg & Omstreken ')).toBe('zuid-limburg-omstreken');
    expect(slugOf('Fryslân')).toBe('fryslan');
    expect(slugOf('x'.repeat(80))).toHaveLength(63);
    for (const s of ['Holland Rijnland', 'Fryslân', "Regio's 2026"]) expect(slugOf(s)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
