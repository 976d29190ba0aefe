import { Card, Col, Row, Statistic } from 'antd';
import type { AnalyticsView } from '../api/analytics';

const hours = (h: number | null) => (h === null ? '—' : h >= 48 ? `${Math.round((h / 24) * 10) / 10} 天` : `${h} 小时`);
const percent = (p: number | null) => (p === null ? '—' : `${p}%`);

/** The period's headline figures and the disposal efficiency (P50 / P90, 4 h / 24 h). */
export function SummaryCards({ view }: { view: AnalyticsView }) {
  const { summary, efficiency } = view;
  const items: [string, string | number][] = [
    ['上报', summary.reported],
    ['结案', summary.closed],
    ['按期结案率', percent(summary.onTimeRate)],
    ['超期结案', summary.overdue],
    ['延期', summary.extended],
    ['返工', summary.reworked],
    ['处置时长 P50', hours(efficiency.p50Hours)],
    ['处置时长 P90', hours(efficiency.p90Hours)],
    ['4小时内结案', percent(efficiency.within4h)],
    ['24小时内结案', percent(efficiency.within24h)],
  ];
  return (
    <Row gutter={[12, 12]}>
      {items.map(([title, value]) => (
        <Col key={title} flex="1 1 0">
          <Card size="small">
            <Statistic title={title} value={value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
