import { describe, expect, it } from 'vitest';
import { parsePC4s } from './ServiceArea';

describe('parsePC4s', () => {
  it('reads every 4-digit code of a CSV file, a header and postcode letters aside', () => {
    const csv = 'pc4;gemeente\n3511;Utrecht\n3512 AB;Utrecht\n"3439",Nieuwegein\r\n35123;te lang\n0123\n';
    expect(parsePC4s(csv)).toEqual(['3511', '3512', '3439', '0123']);
  });
  it('reads a typed list separated by commas or lines', () => {
    expect(parsePC4s('3511, 3512,3513\n3514')).toEqual(['3511', '3512', '3513', '3514']);
  });
});
