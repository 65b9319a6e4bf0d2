// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import '../../i18n';
import { FairnessFeedback } from './FairnessFeedback';
import type { FairnessHit } from './api';

afterEach(cleanup);

const hit: FairnessHit = { category: 'leeftijd', field: 'description', length: 6, match: 'max 30', reasonEn: 'Age', reasonNl: 'Leeftijd', rule: 'age', start: 0 };

describe('FairnessFeedback', () => {
  it('tells the organisation to change the text or ask its accountmanager', () => {
    render(<FairnessFeedback hits={[hit]} />);
    expect(screen.getByText(/of uw accountmanager laat meekijken/)).toBeTruthy();
  });
  it('tells staff to change the text or publish it with a reason, not to ask their accountmanager', () => {
    render(<FairnessFeedback hits={[hit]} staff />);
    expect(screen.getByText('Deze tekst bevat een eis die niet mag. Pas hem aan, of publiceer hem met een reden.')).toBeTruthy();
    expect(screen.queryByText(/uw accountmanager/)).toBeNull();
  });
});
