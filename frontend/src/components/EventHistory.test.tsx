// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import i18n from '../i18n';
import { EventHistory } from './EventHistory';

afterEach(cleanup);

describe('EventHistory', () => {
  it('is a section named by its heading with one line per step: when · who: what · note', async () => {
    await i18n.changeLanguage('nl');
    render(
      <EventHistory
        id="log-1"
        title="Geschiedenis"
        level={3}
        className="wh-section"
        entries={[
          { at: '2026-03-02T08:30:00Z', actor: 'Werkgever', what: 'aangevraagd' },
          { at: '2026-03-03T13:05:00Z', actor: 'Accountmanager', what: 'goedgekeurd', note: 'Na overleg' },
        ]}
      />,
    );
    const section = screen.getByRole('region', { name: 'Geschiedenis' });
    expect(section.className).toBe('wh-section');
    expect(screen.getByRole('heading', { level: 3, name: 'Geschiedenis' })).toBeTruthy();
    const lines = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual(['2 maart 2026 om 09:30 · Werkgever: aangevraagd', '3 maart 2026 om 14:05 · Accountmanager: goedgekeurd · Na overleg']);
  });

  it('shows a dash when nothing happened yet', () => {
    render(<EventHistory id="log-2" title="History" entries={[]} />);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('—')).toBeTruthy();
  });
});
