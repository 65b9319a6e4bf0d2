import { describe, expect, it } from 'vitest';
import { statusText } from './status';

describe('statusText', () => {
  it('says all is well when every check passes', () => {
    expect(statusText({ status: 'ok', checks: { postgres: { status: 'ok' } } })).toBe('Systeemstatus: alles werkt');
  });
  it('names the failing dependencies', () => {
    expect(
      statusText({
        status: 'unavailable',
        checks: { postgres: { status: 'ok' }, meilisearch: { status: 'error', error: 'unreachable' } },
      }),
    ).toBe('Systeemstatus: verstoring (meilisearch)');
  });
  it('handles an unreachable server', () => {
    expect(statusText(null)).toContain('onbekend');
  });
});
