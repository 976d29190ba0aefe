import { Card, Col, Row } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { EChart } from '../../../lib/charts/echart';
import type { AnalyticsView } from '../api/analytics';
import {
  dayTrendOption,
  departmentOption,
  durationOption,
  hourOption,
  paretoOption,
  rankedBarOption,
  rankedRowIndex,
  sourceOption,
  weekHourOption,
} from '../charts/analytics-options';
import type { Drill } from './drill-drawer';

function ChartCard({ height = 320, children }: { height?: number; children: ReactNode }) {
  return (
    <Card size="small" styles={{ body: { height } }}>
      {children}
    </Card>
  );
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Every chart of the analysis; a click on an item opens its cases (onDrill). */
export function AnalyticsCharts({ view, onDrill }: { view: AnalyticsView; onDrill: (drill: Drill) => void }) {
  const options = useMemo(
    () => ({
      days: dayTrendOption(view.days),
      sources: sourceOption(view.sources.map((s) => ({ name: s.name, count: s.count }))),
      categories: paretoOption(
        '案件类别（小类）帕累托',
        view.categories.map((c) => ({ name: c.name, count: c.reported })),
      ),
      areas: rankedBarOption(
        view.area.level === 'city' ? '各区上报' : '各街道上报',
        view.areas.map((a) => ({ name: a.name, count: a.reported })),
      ),
      weekHour: weekHourOption(view.weekHour),
      hours: hourOption(view.weekHour.hours),
      grids: rankedBarOption(
        '高发网格',
        view.grids.map((g) => ({ name: g.code, count: g.count })),
      ),
      durations: durationOption(view.efficiency.histogram.map((h) => ({ name: h.label, count: h.count }))),
      departments: departmentOption(view.efficiency.departments),
    }),
    [view],
  );
  return (
    <Row gutter={[12, 12]}>
      <Col span={16}>
        <ChartCard>
          <EChart
            option={options.days}
            label="按日趋势图"
            onItemClick={({ dataIndex }) => {
              const day = view.days.days[dataIndex];
              if (day) onDrill({ filter: { by: 'day', day }, title: `日期：${day}` });
            }}
          />
        </ChartCard>
      </Col>
      <Col span={8}>
        <ChartCard>
          <EChart
            option={options.sources}
            label="案件来源图"
            onItemClick={({ dataIndex }) => {
              const source = view.sources[dataIndex];
              if (source)
                onDrill({
                  filter: { by: 'source', key: source.key as never },
                  title: `来源：${source.name}`,
                });
            }}
          />
        </ChartCard>
      </Col>
      <Col span={16}>
        <ChartCard height={360}>
          <EChart
            option={options.categories}
            label="案件类别帕累托图"
            onItemClick={({ dataIndex }) => {
              const category = view.categories[dataIndex];
              if (category) onDrill({ filter: { by: 'category', key: category.key }, title: `类别：${category.name}` });
            }}
          />
        </ChartCard>
      </Col>
      <Col span={8}>
        <ChartCard height={360}>
          <EChart
            option={options.areas}
            label="区域分布图"
            onItemClick={({ dataIndex }) => {
              const area = view.areas[rankedRowIndex(dataIndex, view.areas.length)];
              if (area) onDrill({ filter: { by: 'area', areaId: area.areaId }, title: `区域：${area.name}` });
            }}
          />
        </ChartCard>
      </Col>
      <Col span={12}>
        <ChartCard>
          <EChart
            option={options.weekHour}
            label="周时段热力图"
            onItemClick={({ dataIndex }) => {
              const cell = view.weekHour.cells[dataIndex];
              if (!cell) return;
              const [weekday, hour] = cell;
              onDrill({ filter: { by: 'weekHour', weekday, hour }, title: `${WEEKDAY_NAMES[weekday]} ${hour}时` });
            }}
          />
        </ChartCard>
      </Col>
      <Col span={6}>
        <ChartCard>
          <EChart
            option={options.hours}
            label="按小时分布图"
            onItemClick={({ dataIndex }) =>
              onDrill({ filter: { by: 'hour', hour: dataIndex }, title: `${dataIndex}时` })
            }
          />
        </ChartCard>
      </Col>
      <Col span={6}>
        <ChartCard>
          <EChart
            option={options.grids}
            label="高发网格图"
            onItemClick={({ dataIndex }) => {
              const grid = view.grids[rankedRowIndex(dataIndex, view.grids.length)];
              if (grid) onDrill({ filter: { by: 'grid', gridId: grid.gridId }, title: `网格：${grid.code}` });
            }}
          />
        </ChartCard>
      </Col>
      <Col span={8}>
        <ChartCard>
          <EChart option={options.durations} label="处置时长分布图" />
        </ChartCard>
      </Col>
      <Col span={16}>
        <ChartCard>
          <EChart
            option={options.departments}
            label="部门处置图"
            onItemClick={({ dataIndex }) => {
              const rows = view.efficiency.departments;
              const dept = rows[rankedRowIndex(dataIndex, rows.length)];
              if (dept)
                onDrill({ filter: { by: 'department', departmentId: dept.departmentId }, title: `部门：${dept.name}` });
            }}
          />
        </ChartCard>
      </Col>
    </Row>
  );
}
