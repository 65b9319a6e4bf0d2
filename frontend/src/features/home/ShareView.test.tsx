// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../../i18n';
import { ShareView } from './Home';

afterEach(cleanup);

describe('ShareView', () => {
  it("shows the figures and who thanked: the organisation's name or \"een kandidaat\"", () => {
    render(
      <MemoryRouter>
        <ShareView share={{
          from: '2025-12-04', to: '2026-12-04', placements: 3,
          week13: { due: 2, stillEmployed: 1, ended: 1, unanswered: 0 },
          week26: { due: 0, stillEmployed: 0, ended: 0, unanswered: 0 },
          thankYous: [
            { id: 'a', message: 'Top geholpen!', from: 'organisation', organisationName: 'Zorghotel Het Anker', createdAt: '2026-12-01T10:00:00Z' },
            { id: 'b', message: 'Dank je wel', from: 'kandidaat', createdAt: '2026-12-02T10:00:00Z' },
          ],
        }} />
      </MemoryRouter>,
    );
    expect(screen.getByText('3')).toBeTruthy();
    expect(screen.getByText(/1 van 2/)).toBeTruthy();
    expect(screen.getByText('nog geen')).toBeTruthy();
    expect(screen.getByText(/Van Zorghotel Het Anker/)).toBeTruthy();
    expect(screen.getByText(/Van een kandidaat/)).toBeTruthy();
  });
});
