import { describe, expect, it } from 'vitest';
import { emptyProfile, fromCandidate, licenceSkill, toProfile } from './ProfileForm';
import type { Candidate } from './api';

describe('the driving licence is one fact', () => {
  it('sends rijbewijs-b exactly when the checkbox is ticked', () => {
    const s = { ...emptyProfile(), skills: ['haccp'] };
    expect(toProfile({ ...s, drivingLicence: true }).skills).toEqual(['haccp', licenceSkill]);
    expect(toProfile({ ...s, drivingLicence: false }).skills).toEqual(['haccp']);
    // A skill list that still holds it never disagrees with the checkbox.
    expect(toProfile({ ...s, skills: ['haccp', licenceSkill], drivingLicence: false }).skills).toEqual(['haccp']);
  });

  it('keeps rijbewijs-b out of the skills shown and ticks the checkbox for it', () => {
    const c = {
      status: 'available',
      occupationLabels: [],
      profile: { ...toProfile(emptyProfile()), skills: ['haccp', licenceSkill], drivingLicence: true },
    } as unknown as Candidate;
    const s = fromCandidate(c);
    expect(s.skills).toEqual(['haccp']);
    expect(s.drivingLicence).toBe(true);
    expect(toProfile(s).skills).toEqual(['haccp', licenceSkill]);
  });
});
