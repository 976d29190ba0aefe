import { Alert, Grid } from 'antd';
import { useState } from 'react';
import { GridInfoPanel } from '../../features/map/components/grid-info-panel';
import { GridMap } from '../../features/map/components/grid-map';
import { apiErrorMessage } from '../../lib/api-error';
import { useGridAreas, useGridAt, useMapHome } from '../../lib/map/geo-api';
import '../../lib/map/maplibre';
import { PageHeader } from '../../lib/ui/page-header';
import styles from './map-page.module.css';

export function MapPage() {
  const screens = Grid.useBreakpoint();
  const home = useMapHome();
  const grids = useGridAreas();
  const [point, setPoint] = useState<{ lng: number; lat: number } | null>(null);
  const picked = useGridAt(point);
  const homeBounds = home.data?.bounds;
  const bounds = homeBounds?.every((v) => typeof v === 'number')
    ? ([homeBounds[0], homeBounds[1], homeBounds[2], homeBounds[3]] as [number, number, number, number])
    : undefined;
  const count = grids.data?.features.length;
  const failure = home.error ?? grids.error;

  return (
    <div className={styles.page}>
      <PageHeader
        title="网格地图"
        description={
          home.data ? `${home.data.name}${count === undefined ? '' : ` · 共 ${count} 个单元网格`}` : '正在加载辖区…'
        }
      />
      {failure ? <Alert type="error" showIcon title={apiErrorMessage(failure)} style={{ marginBottom: 12 }} /> : null}
      <div className={styles.mapFrame}>
        <GridMap grids={grids.layers} bounds={bounds} selectedGridId={picked.data?.id ?? null} onPick={setPoint} />
        <div className={screens.md === false ? styles.panelPhone : styles.panel}>
          <GridInfoPanel point={point} grid={picked.data} loading={picked.isFetching} error={picked.error} />
        </div>
      </div>
    </div>
  );
}
