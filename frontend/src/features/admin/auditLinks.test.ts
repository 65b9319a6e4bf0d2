import { describe, expect, it } from 'vitest';
import { auditSubjectHref, auditSubjectText } from './auditLinks';

describe('audit subjects', () => {
  it('links a subject to its page where there is one', () => {
    expect(auditSubjectHref('candidate', 'c1')).toBe('/kandidaten/c1');
    expect(auditSubjectHref('opening', 'o1')).toBe('/vacatures/o1');
    expect(auditSubjectHref('organisation', 'g1')).toBe('/organisaties/g1');
    expect(auditSubjectHref('booking', 'b1')).toBe('/boekingen/b1');
    expect(auditSubjectHref('user', 'u1')).toBe('/beheer/gebruikers');
    expect(auditSubjectHref('region', 'r1')).toBeUndefined();
    expect(auditSubjectHref('candidate', undefined)).toBeUndefined();
  });
  it('names a subject by kind and name, never by a bare id', () => {
    expect(auditSubjectText('Kandidaat', 'K-7F3A2')).toBe('Kandidaat: K-7F3A2');
    expect(auditSubjectText('Regio', undefined)).toBe('Regio');
    expect(auditSubjectText(undefined, undefined)).toBe('—');
  });
});
