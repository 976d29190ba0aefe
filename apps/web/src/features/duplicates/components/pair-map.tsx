import { Typography } from 'antd';
import { useMemo } from 'react';
import { useGridAreas } from '../../../lib/map/geo-api';
import { PIN_COLORS } from '../../../lib/map/pin-layers';
import { PinMap } from '../../../lib/map/pin-map';
import type { SuspectPair } from '../api/duplicates';
import { formatMetres } from '../pair-format';

/** The colours of the two sides, shared by the map pins and the column markers. */
export const SIDE_TONES = { left: PIN_COLORS.none, right: PIN_COLORS.picked } as const;

/** Both cases on one map, with how far apart they are. */
export function PairMap({ pair }: { pair: SuspectPair }) {
  const { left, right } = pair;
  const grids = useGridAreas();
  const pins = useMemo(
    () => [
      { id: left.id, lng: left.lng, lat: left.lat, tone: 'none' as const, label: `左侧 ${left.caseNo}` },
      { id: right.id, lng: right.lng, lat: right.lat, tone: 'picked' as const, label: `右侧 ${right.caseNo}` },
    ],
    [left, right],
  );
  return (
    <div>
      <div style={{ position: 'relative', height: 300, borderRadius: 6, overflow: 'hidden' }}>
        <PinMap
          pins={pins}
          grids={grids.layers}
          selectedGridId={right.gridId}
          ariaLabel="两案位置对比地图"
          singleZoom={16}
        />
      </div>
      <div
        data-testid="pair-distance"
        style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 20px', marginTop: 8, alignItems: 'center' }}
      >
        <span>
          <span style={{ color: SIDE_TONES.left }}>●</span> 左侧 {left.caseNo}
        </span>
        <span>
          <span style={{ color: SIDE_TONES.right }}>●</span> 右侧 {right.caseNo}
        </span>
        <span>
          两处相距 <Typography.Text strong>{formatMetres(pair.factors.distanceM)}</Typography.Text>
          {pair.factors.distanceM === 0 ? '（位置重合）' : ''}
        </span>
      </div>
    </div>
  );
}
