import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { useGridAreas, useGridAt, useMapHome } from '../../../lib/map/geo-api';
import { PinMap } from '../../../lib/map/pin-map';
import { useGeolocation } from '../hooks/use-geolocation';
import type { LngLat } from '../lib/distance';
import styles from './phone.module.css';
import { BIG_BUTTON } from './phone-styles';

export interface PickedLocation extends LngLat {
  /** How it was chosen: GPS (with its accuracy in metres) or a tap on the map. */
  source: 'gps' | 'map';
  accuracy: number | null;
}

type Bounds = [number, number, number, number];

/** A box of about ±200 m around a point: the view after locating. */
function around(point: LngLat): Bounds {
  return [point.lng - 0.0025, point.lat - 0.002, point.lng + 0.0025, point.lat + 0.002];
}

interface LocationPickerProps {
  value: PickedLocation | null;
  onChange: (value: PickedLocation) => void;
  /** The form's own message (e.g. no location chosen yet). */
  error?: string | null;
}

/**
 * 问题位置: 定位 (GPS, high accuracy) and a small map to move the pin by tapping; the
 * unit grid under the pin comes from geo.gridAt, which also refuses points outside the city.
 */
export function LocationPicker({ value, onChange, error }: LocationPickerProps) {
  const geo = useGeolocation();
  const home = useMapHome();
  const grids = useGridAreas();
  const grid = useGridAt(value ? { lng: value.lng, lat: value.lat } : null);
  const homeBounds = home.data?.bounds;

  // The view follows GPS fixes (and a restored draft), never the user's own taps.
  const focus = value && value.source === 'gps' ? `${value.lng},${value.lat}` : null;
  const bounds = useMemo<Bounds | undefined>(() => {
    if (focus) {
      const [lng = 0, lat = 0] = focus.split(',').map(Number);
      return around({ lng, lat });
    }
    if (homeBounds?.every((v) => typeof v === 'number')) {
      return [homeBounds[0], homeBounds[1], homeBounds[2], homeBounds[3]] as Bounds;
    }
    return undefined;
  }, [focus, homeBounds]);

  const pins = value ? [{ id: 1, lng: value.lng, lat: value.lat, tone: 'picked' as const }] : [];

  const locate = async () => {
    const fix = await geo.locate();
    if (fix) onChange({ lng: fix.lng, lat: fix.lat, source: 'gps', accuracy: fix.accuracy });
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
      <Button
        type="primary"
        size="large"
        block
        icon={<AimOutlined aria-hidden="true" />}
        loading={geo.locating}
        onClick={() => void locate()}
        style={BIG_BUTTON}
      >
        {geo.locating ? '正在定位…' : value?.source === 'gps' ? '重新定位' : '定位'}
      </Button>
      {geo.error ? <Alert type="warning" showIcon title={geo.error} /> : null}
      <div className={styles.map}>
        <PinMap
          ariaLabel="问题位置地图（点击地图可调整位置）"
          pins={pins}
          bounds={bounds}
          grids={grids.layers?.outlines}
          selectedGridId={grid.data?.id ?? null}
          fitPins={false}
          onPick={(point) => onChange({ ...point, source: 'map', accuracy: null })}
        />
      </div>
      <Typography.Text className={styles.hint}>
        {value ? '位置不准？点击地图上的正确位置即可调整。' : '点击「定位」获取当前位置，或直接在地图上点选问题位置。'}
      </Typography.Text>
      <div role="status" aria-live="polite">
        {value && grid.isFetching ? <Spin size="small" description="正在查询所在网格…" /> : null}
        {value && grid.data && !grid.isFetching ? (
          <div className={styles.cardLine}>
            <EnvironmentOutlined style={{ color: '#1558b0' }} aria-hidden="true" />
            <span>
              所在网格：<strong>{grid.data.name}</strong>（{grid.data.code}）
              {value.source === 'gps' && value.accuracy !== null ? `，定位精度约 ${Math.round(value.accuracy)} 米` : ''}
            </span>
          </div>
        ) : null}
        {value && grid.isError && !grid.isFetching ? (
          <Alert type="error" showIcon title={apiErrorMessage(grid.error)} description="请在地图上重新选择问题位置" />
        ) : null}
      </div>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </div>
  );
}

/** The grid lookup state for the form's own checks (submit waits for a valid grid). */
export function useLocationGrid(value: LngLat | null) {
  return useGridAt(value ? { lng: value.lng, lat: value.lat } : null);
}
