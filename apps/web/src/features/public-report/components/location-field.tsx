import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePlaceName } from '../api/public-report';
import { useLocate } from '../hooks/use-locate';
import styles from './public.module.css';

export interface PickedPoint {
  lng: number;
  lat: number;
  source: 'gps' | 'map';
  accuracy: number | null;
}

/** What the page hands the map it draws: the point, where to look, and what a tap does. */
export interface MapSlotProps {
  point: PickedPoint | null;
  bounds: [number, number, number, number] | undefined;
  onPick: (point: { lng: number; lat: number }) => void;
}

interface LocationFieldProps {
  point: PickedPoint | null;
  onPoint: (point: PickedPoint) => void;
  address: string;
  onAddress: (address: string) => void;
  cityBounds: [number, number, number, number] | undefined;
  /** The map, drawn by the page (this feature does not own one). */
  renderMap: (props: MapSlotProps) => ReactNode;
  error?: string | undefined;
  disabled?: boolean;
}

/** A box of about ±200 m around a point: the view after locating. */
function around(point: PickedPoint): [number, number, number, number] {
  return [point.lng - 0.0025, point.lat - 0.002, point.lng + 0.0025, point.lat + 0.002];
}

/** 问题位置: 定位 by GPS, a small map to tap the exact spot, and an optional address line. */
export function LocationField({
  point,
  onPoint,
  address,
  onAddress,
  cityBounds,
  renderMap,
  error,
  disabled = false,
}: LocationFieldProps) {
  const geo = useLocate();
  const place = usePlaceName(point);
  const locate = async () => {
    const fix = await geo.locate();
    if (fix) onPoint({ lng: fix.lng, lat: fix.lat, source: 'gps', accuracy: fix.accuracy });
  };
  const bounds = point?.source === 'gps' ? around(point) : cityBounds;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
      <Button
        type="primary"
        size="large"
        block
        icon={<AimOutlined aria-hidden="true" />}
        loading={geo.locating}
        onClick={() => void locate()}
        disabled={disabled}
        style={{ height: 48, fontSize: 16 }}
      >
        {geo.locating ? '正在定位…' : point?.source === 'gps' ? '重新定位' : '定位到我的位置'}
      </Button>
      {geo.problem ? <Alert type="warning" showIcon title={geo.problem} /> : null}
      <div className={styles.map}>
        {renderMap({ point, bounds, onPick: (p) => onPoint({ ...p, source: 'map', accuracy: null }) })}
      </div>
      <div role="status" aria-live="polite" className={styles.hint}>
        {point ? (
          <span>
            <EnvironmentOutlined aria-hidden="true" style={{ color: '#1558b0', marginRight: 4 }} />
            已选位置：
            <strong data-testid="place-name">
              {place.isPending
                ? '正在识别地点…'
                : place.data
                  ? place.data.name
                  : place.data === null
                    ? '该位置不在本市范围内'
                    : '地图上标记的位置'}
            </strong>
            {point.source === 'gps' && point.accuracy !== null ? `（定位精度约 ${Math.round(point.accuracy)} 米）` : ''}
            。不准确可点击地图调整。
          </span>
        ) : (
          '点击「定位到我的位置」，或在地图上点选问题所在位置。'
        )}
      </div>
      {error ? (
        <Typography.Text className={styles.error} role="alert">
          {error}
        </Typography.Text>
      ) : null}
      <label htmlFor="public-address" className={styles.fieldLabel} style={{ marginTop: 4 }}>
        详细地址（选填）
      </label>
      <Input
        id="public-address"
        size="large"
        maxLength={200}
        placeholder="如：望江街道滨江路 88 号门口"
        value={address}
        onChange={(event) => onAddress(event.target.value)}
        disabled={disabled}
      />
    </div>
  );
}
