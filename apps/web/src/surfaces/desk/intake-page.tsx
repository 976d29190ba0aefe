import { Card, Col, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ReportedCase } from '../../features/intake/api/intake';
import { IntakeForm } from '../../features/intake/components/intake-form';
import { IntakeSuccess } from '../../features/intake/components/intake-success';
import { useGridAreas, useGridAt, useMapHome } from '../../lib/map/geo-api';
import { PinMap } from '../../lib/map/pin-map';
import { PageHeader } from '../../lib/ui/page-header';

type Point = { lng: number; lat: number };

/** 案件登记: pick the spot on the map (grid found automatically), then fill in the report. */
export function IntakePage() {
  const home = useMapHome();
  const grids = useGridAreas();
  const [point, setPoint] = useState<Point | null>(null);
  const [reported, setReported] = useState<ReportedCase | null>(null);
  const [round, setRound] = useState(0);
  const picked = useGridAt(point);
  const pins = useMemo(() => (point ? [{ id: 1, ...point, tone: 'picked' as const }] : []), [point]);
  const homeBounds = home.data?.bounds;
  const bounds = useMemo(
    () =>
      homeBounds
        ? ([homeBounds[0], homeBounds[1], homeBounds[2], homeBounds[3]] as [number, number, number, number])
        : undefined,
    [homeBounds],
  );

  const next = () => {
    setReported(null);
    setPoint(null);
    setRound((r) => r + 1);
  };

  return (
    <div>
      <PageHeader title="案件登记" description="一口受理：在地图上点选问题位置，系统自动识别所在单元网格" />
      {reported ? (
        <Card>
          <IntakeSuccess reported={reported} onNext={next} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={11}>
            <Card size="small" title="问题位置" style={{ position: 'sticky', top: 72 }}>
              <div
                style={{
                  position: 'relative',
                  height: 'min(560px, 60vh)',
                  minHeight: 320,
                  borderRadius: 6,
                  overflow: 'hidden',
                }}
              >
                <PinMap
                  pins={pins}
                  bounds={bounds}
                  grids={grids.layers}
                  selectedGridId={picked.data?.id ?? null}
                  onPick={setPoint}
                  fitPins={false}
                  ariaLabel="登记位置地图"
                />
              </div>
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                点击地图选择位置，可缩放、拖动地图
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={24} xl={13}>
            <Card size="small" title="案件信息">
              <IntakeForm
                key={round}
                location={{ point, grid: picked.data, loading: picked.isFetching, error: picked.error }}
                onReported={setReported}
              />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
