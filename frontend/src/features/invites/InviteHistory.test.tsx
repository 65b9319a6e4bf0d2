// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import i18n from '../../i18n';
import { InviteHistory } from './InviteHistory';

afterEach(cleanup);

describe('InviteHistory', () => {
  it("puts an invite's steps into words (InviteHistory)", async () => {
    await i18n.changeLanguage('nl');
    render(
      <InviteHistory
        id="i1"
        events={[
          { at: '2026-03-02T08:30:00Z', actor: 'organisation', to: 'invited' },
          { at: '2026-03-04T08:30:00Z', actor: 'kandidaat', from: 'viewed', to: 'declined', reason: 'reistijd' },
        ]}
      />,
    );
    const lines = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(lines[0]).toBe(`2 maart 2026 om 09:30 · ${i18n.t('invites.actors.organisation')}: ${i18n.t('invites.states.invited')}`);
    expect(lines[1]).toBe(
      `4 maart 2026 om 09:30 · ${i18n.t('invites.actors.kandidaat')}: ${i18n.t('invites.fromTo', { from: i18n.t('invites.states.viewed'), to: i18n.t('invites.states.declined') })} · De reistijd is te lang`,
    );
  });
});
