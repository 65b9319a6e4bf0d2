import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { DataState, PageTitle } from '../../components/ui';
import { useRegions } from './api';
import { RegionSettings } from './ServiceArea';

export function Regions() {
  const { t } = useTranslation();
  const regions = useRegions();
  return (
    <>
      <PageTitle>{t('admin.regionsTitle')}</PageTitle>
      <DataState isLoading={regions.isLoading} error={regions.error}>
        <Table className="wh-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('admin.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.slug')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {regions.data?.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.slug}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {regions.data?.map((r) => <RegionSettings key={r.id} region={r} />)}
      </DataState>
    </>
  );
}
