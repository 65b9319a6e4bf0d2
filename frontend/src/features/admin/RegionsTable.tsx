import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Region } from './api';

/**
 * RegionsTable lists regions by name and code: the region admin's Regio's page, and the platform administrator's,
 * which adds whether each region's first admin was invited or signed up (withAdminStatus).
 */
export function RegionsTable({ regions, withAdminStatus = false }: { regions: Region[]; withAdminStatus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table className="wh-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('admin.name')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('admin.slug')}</TableHeaderCell>
          {withAdminStatus && <TableHeaderCell scope="col">{t('platform.adminStatus')}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {regions.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{r.name}</TableCell>
            <TableCell>{r.slug}</TableCell>
            {withAdminStatus && <TableCell>{t(`platform.adminStatuses.${r.adminStatus ?? 'none'}`)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
