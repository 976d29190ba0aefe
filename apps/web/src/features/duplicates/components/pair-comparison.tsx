import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import type { SuspectPair } from '../api/duplicates';
import { formatApart, formatMetres, formatPercent, photoReason } from '../pair-format';
import { PairActions } from './pair-actions';
import { PairCaseColumn } from './pair-case-column';
import { PairMap, SIDE_TONES } from './pair-map';

/** Side by side: the earlier case left, the newer report right, one map, and the decision. */
export function PairComparison({ pair, onSettled }: { pair: SuspectPair; onSettled: (text: string) => void }) {
  const f = pair.factors;
  const photo = photoReason(f);
  return (
    <Card
      title={
        <Space wrap size={12}>
          <span>对比</span>
          <Tag color="orange">相似度 {formatPercent(pair.score)}</Tag>
          {photo ? <Tag color={photo.color}>{photo.text}</Tag> : null}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {f.sameCategory ? '同一小类' : '相近类别'} · 相距{formatMetres(f.distanceM)} · {formatApart(f.minutesApart)}
          </Typography.Text>
        </Space>
      }
      extra={<PairActions pair={pair} onSettled={onSettled} />}
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <PairCaseColumn side="左侧" item={pair.left} tone={SIDE_TONES.left} />
        </Col>
        <Col xs={24} lg={12}>
          <PairCaseColumn side="右侧" item={pair.right} tone={SIDE_TONES.right} />
        </Col>
        <Col span={24}>
          <PairMap pair={pair} />
        </Col>
      </Row>
    </Card>
  );
}
