import { describe, expect, it } from 'vitest';
import { matchSkills } from './Pickers';
import type { Skill } from './api';

describe('matchSkills', () => {
  const skills: Skill[] = [
    { id: 'heftruckcertificaat', category: 'certificaat', labelNl: 'Heftruckcertificaat', labelEn: 'Forklift certificate', synonyms: ['vorkheftruck'] },
    { id: 'reachtruck', category: 'certificaat', labelNl: 'Reachtruckcertificaat', labelEn: 'Reach truck certificate', synonyms: [] },
    { id: 'kassasysteem', category: 'vaardigheid', labelNl: 'Werken met een kassasysteem', labelEn: 'Using a till', synonyms: ['kassa'] },
  ];
  it('matches labels and synonyms without accents, label starts first, chosen ones left out', () => {
    expect(matchSkills(skills, 'truck', [], 'nl').map((s) => s.id)).toEqual(['heftruckcertificaat', 'reachtruck']);
    expect(matchSkills(skills, 'kassá', [], 'nl').map((s) => s.id)).toEqual(['kassasysteem']);
    expect(matchSkills(skills, 'truck', ['reachtruck'], 'nl').map((s) => s.id)).toEqual(['heftruckcertificaat']);
    expect(matchSkills(skills, '  ', [], 'nl')).toEqual([]);
    // Each word counts wherever it stands: "truck reach" finds the reach truck.
    expect(matchSkills(skills, 'truck reach', [], 'nl').map((s) => s.id)).toEqual(['reachtruck']);
  });
});
