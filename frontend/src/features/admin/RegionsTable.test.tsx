// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import i18n from '../../i18n';
import type { Region } from './api';
import { RegionsTable } from './RegionsTable';

afterEach(cleanup);

const region = (id: string, name: string, adminStatus?: Region['adminStatus']): Region => ({
  id,
  name,
  slug: name.toLowerCase(),
  adminStatus,
  city: '',
  contactEmail: '',
  contactPhone: '',
  createdAt: '2026-01-01T00:00:00Z',
  kvkNummer: '',
  legalName: '',
  postcode: '',
  street: '',
  vatNumber: '',
});

const rows = () => screen.getAllByRole('row').map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('RegionsTable', () => {
  it("lists name and code; the platform's adds the first admin's state", async () => {
    await i18n.changeLanguage('nl');
    const regions = [region('1', 'Utrecht', 'active'), region('2', 'Zeist')];
    render(<RegionsTable regions={regions} />);
    expect(rows()).toEqual([
      [i18n.t('admin.name'), i18n.t('admin.slug')],
      ['Utrecht', 'utrecht'],
      ['Zeist', 'zeist'],
    ]);
    cleanup();
    render(<RegionsTable regions={regions} withAdminStatus />);
    expect(rows()).toEqual([
      [i18n.t('admin.name'), i18n.t('admin.slug'), i18n.t('platform.adminStatus')],
      ['Utrecht', 'utrecht', i18n.t('platform.adminStatuses.active')],
      ['Zeist', 'zeist', i18n.t('platform.adminStatuses.none')],
    ]);
  });
});
