import { useTranslation } from 'react-i18next';
import { DataState, PageTitle } from '../../components/ui';
import { useRegions } from './api';
import { RegionSettings } from './ServiceArea';
import { RegionsTable } from './RegionsTable';

export function Regions() {
  const { t } = useTranslation();
  const regions = useRegions();
  return (
    <>
      <PageTitle>{t('admin.regionsTitle')}</PageTitle>
      <DataState isLoading={regions.isLoading} error={regions.error}>
        <RegionsTable regions={regions.data ?? []} />
        {regions.data?.map((r) => <RegionSettings key={r.id} region={r} />)}
      </DataState>
    </>
  );
}
