import { chinaDate } from '@citygov/domain/deadlines/china-time';
import { Alert, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { analyticsInputFromSearch, searchOfAnalyticsInput } from '../../features/analytics/analytics-input';
import { useAnalyticsView } from '../../features/analytics/api/analytics';
import { AnalyticsCharts } from '../../features/analytics/components/analytics-charts';
import { AnalyticsTables } from '../../features/analytics/components/analytics-tables';
import { AnalyticsToolbar } from '../../features/analytics/components/analytics-toolbar';
import { type Drill, DrillDrawer } from '../../features/analytics/components/drill-drawer';
import { SummaryCards } from '../../features/analytics/components/summary-cards';
import { apiErrorMessage } from '../../lib/api-error';
import { PageHeader } from '../../lib/ui/page-header';

/** 统计分析 (/analytics): the area's cases by category, source, place, department and time, with drill-down. */
export function AnalyticsPage() {
  const [search, setSearch] = useSearchParams();
  const input = useMemo(() => analyticsInputFromSearch(search, chinaDate(new Date()).slice(0, 7)), [search]);
  const view = useAnalyticsView(input);
  const [drill, setDrill] = useState<Drill | null>(null);
  const areaId = view.data && view.data.area.level !== 'city' ? view.data.area.id : null;
  return (
    <>
      <PageHeader
        title="统计分析"
        description={
          view.data
            ? `${view.data.area.name} · ${input.scope.from} 至 ${input.scope.to} · 数据来自案件事件流汇总`
            : null
        }
        extra={
          <Space>
            <AnalyticsToolbar
              input={input}
              view={view.data}
              onChange={(next) => setSearch(searchOfAnalyticsInput(next), { replace: true })}
            />
            <Link
              to={`/analytics/report?${new URLSearchParams({ month: input.scope.to, ...(input.scope.area ? { area: input.scope.area } : {}) }).toString()}`}
            >
              月度分析报告
            </Link>
          </Space>
        }
      />
      {view.error ? (
        <Alert type="error" showIcon message={apiErrorMessage(view.error)} style={{ marginBottom: 12 }} />
      ) : null}
      {view.isPending ? (
        <Spin size="large" />
      ) : view.data ? (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <SummaryCards view={view.data} />
          <AnalyticsCharts view={view.data} onDrill={setDrill} />
          <AnalyticsTables view={view.data} onDrill={setDrill} />
        </Space>
      ) : null}
      <DrillDrawer scope={input.scope} drill={drill} areaId={areaId} onClose={() => setDrill(null)} />
    </>
  );
}
