import { Button, Card, Col, Empty, Row, Table, Tag } from 'antd';
import type { AnalyticsView } from '../api/analytics';
import type { Drill } from './drill-drawer';

const growth = (value: number | null) => (value === null ? '新增' : `${value > 0 ? '+' : ''}${value}%`);
const hours = (h: number | null) => (h === null ? '—' : `${h}`);

/** 上升预警, 重复发生点位 and efficiency by category, as tables whose rows drill down. */
export function AnalyticsTables({ view, onDrill }: { view: AnalyticsView; onDrill: (drill: Drill) => void }) {
  const trendColumns = (by: 'category' | 'area') => [
    {
      title: by === 'category' ? '类别' : '区域',
      dataIndex: 'name',
      render: (name: string, row: AnalyticsView['trends']['categories'][number]) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() =>
            onDrill(
              by === 'category'
                ? { filter: { by: 'category', key: row.key }, title: `类别：${name}` }
                : { filter: { by: 'area', areaId: Number(row.key) }, title: `区域：${name}` },
            )
          }
        >
          {name}
        </Button>
      ),
    },
    { title: '本期', dataIndex: 'current', width: 70 },
    { title: '上期', dataIndex: 'previous', width: 70 },
    { title: '环比', dataIndex: 'mom', width: 80, render: growth },
    { title: '去年同期', dataIndex: 'lastYear', width: 90 },
    { title: '同比', dataIndex: 'yoy', width: 80, render: growth },
    {
      title: '预警',
      dataIndex: 'reasons',
      width: 110,
      render: (reasons: string[]) =>
        reasons.map((r) => (
          <Tag key={r} color="red">
            {r}上升
          </Tag>
        )),
    },
  ];
  const compared = `对比 ${view.trends.comparedWith.previous.join('至')}（环比）、${view.trends.comparedWith.lastYear.join('至')}（同比）`;
  return (
    <Row gutter={[12, 12]}>
      <Col span={12}>
        <Card size="small" title="上升预警 · 类别" extra={compared}>
          <Table
            rowKey="key"
            size="small"
            aria-label="类别上升预警"
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            dataSource={view.trends.categories}
            columns={trendColumns('category')}
            locale={{ emptyText: <Empty description="没有达到阈值的上升类别" /> }}
          />
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title="上升预警 · 区域">
          <Table
            rowKey="key"
            size="small"
            aria-label="区域上升预警"
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            dataSource={view.trends.areas}
            columns={trendColumns('area')}
            locale={{ emptyText: <Empty description="没有达到阈值的上升区域" /> }}
          />
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title="重复发生点位（同类别、约50米内）">
          <Table
            rowKey="key"
            size="small"
            aria-label="重复发生点位"
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            dataSource={view.repeatPoints}
            locale={{ emptyText: <Empty description="没有达到阈值的重复点位" /> }}
            columns={[
              {
                title: '类别',
                dataIndex: 'categoryName',
                render: (name: string, row) => (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => onDrill({ filter: { by: 'spot', key: row.key }, title: `重复点位：${name}` })}
                  >
                    {name}
                  </Button>
                ),
              },
              { title: '次数', dataIndex: 'count', width: 70 },
              {
                title: '位置（经纬度）',
                render: (_: unknown, row) => `${row.lng.toFixed(5)}, ${row.lat.toFixed(5)}`,
              },
            ]}
          />
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title="处置效率 · 类别（小时）">
          <Table
            rowKey="key"
            size="small"
            aria-label="类别处置效率"
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            dataSource={view.efficiency.categories}
            columns={[
              {
                title: '类别',
                dataIndex: 'name',
                render: (name: string, row) => (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => onDrill({ filter: { by: 'category', key: row.key }, title: `类别：${name}` })}
                  >
                    {name}
                  </Button>
                ),
              },
              { title: '结案', dataIndex: 'closed', width: 70 },
              { title: 'P50', dataIndex: 'p50Hours', width: 70, render: hours },
              { title: 'P90', dataIndex: 'p90Hours', width: 70, render: hours },
              {
                title: '4小时内',
                dataIndex: 'within4h',
                width: 80,
                render: (v: number | null) => (v === null ? '—' : `${v}%`),
              },
              {
                title: '24小时内',
                dataIndex: 'within24h',
                width: 80,
                render: (v: number | null) => (v === null ? '—' : `${v}%`),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
