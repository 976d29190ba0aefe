import { useMemo } from 'react';
import { CaseMapView, type CasePulse } from '../../features/map/components/case-map-view';
import { CASE_TONES, type LayerGroup } from '../../features/map/layers';
import type { WallMapProps } from '../../features/wall/components/wall-panels';
import styles from '../../features/wall/wall.module.css';

/** The wall shows areas and cases; grids, communities and devices belong to the desk's map. */
const WALL_LAYERS: Record<LayerGroup, boolean> = {
  grids: false,
  districts: true,
  streets: true,
  communities: false,
  cases: true,
  heat: true,
  cameras: false,
  sensors: false,
};

/**
 * 案件分布: the case map of /map (its component and layers), dark and scaled to the wall
 * (composed here, in the surface, since one feature does not import another):
 * today's reports and the open cases of the wall's area (the server picks them, in its
 * scope), clustered, coloured by status, urgent ringed, overdue red; reports just pushed
 * pulse for a moment.
 */
export default function WallMap({ map, live, now, scale }: WallMapProps) {
  const fresh = live.filter((row) => row.freshUntil > now);
  const freshKey = fresh.map((row) => `${row.id}:${row.caseNo}`).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: freshKey stands for the fresh rows
  const pulses = useMemo<CasePulse[]>(
    () => fresh.map((row) => ({ id: row.id, label: `新案件 ${row.caseNo}` })),
    [freshKey],
  );
  const bounds = map.bounds ?? undefined;
  const overdue = useMemo(() => map.points.filter((p) => p.overdue).length, [map.points]);
  return (
    <>
      <div className={styles.map}>
        <CaseMapView
          // Theme and scale are read when the map is made: a resized screen gets a new map.
          key={scale}
          points={map.points}
          visible={WALL_LAYERS}
          bounds={bounds}
          theme="dark"
          scale={scale}
          pulses={pulses}
          label="案件分布地图"
        />
      </div>
      <div className={styles.mapCount} data-testid="wall-map-count">
        今日及在办 <b>{map.points.length.toLocaleString('zh-CN')}</b> 件
        {map.truncated ? '（仅显示最新与最紧迫的部分）' : ''} · 今日上报 {map.today.toLocaleString('zh-CN')} · 超期{' '}
        <b className={styles.mapOverdue}>{overdue.toLocaleString('zh-CN')}</b>
      </div>
      <div className={styles.legend} aria-hidden>
        {(['pending', 'working', 'overdue', 'closed'] as const).map((tone) => (
          <span key={tone}>
            <i className={styles.dot} style={{ background: CASE_TONES[tone].color }} />
            {CASE_TONES[tone].label}
          </span>
        ))}
        <span>
          <i className={styles.dot} style={{ background: '#fff', boxShadow: 'inset 0 0 0 0.15em #a8071a' }} />
          紧急
        </span>
        <span>
          <i className={styles.dot} style={{ border: '0.12em solid #ffc53d', boxSizing: 'border-box' }} />
          新上报
        </span>
      </div>
    </>
  );
}
