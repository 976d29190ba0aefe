import { Alert, Card, Col, Row, Spin, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type EvaluationTarget, useEvaluationTrend, useEvaluationView } from '../../features/evaluation/api/evaluation';
import { rankingOption, trendOption } from '../../features/evaluation/charts/ranking-option';
import { DrillDownDrawer } from '../../features/evaluation/components/drill-down-drawer';
import { EvaluationFilters } from '../../features/evaluation/components/evaluation-filters';
import { IndicatorEditor } from '../../features/evaluation/components/indicator-editor';
import { PublishBar } from '../../features/evaluation/components/publish-bar';
import { type DrillTarget, RankingTable } from '../../features/evaluation/components/ranking-table';
import { searchOfTarget, targetFromSearch } from '../../features/evaluation/evaluation-target';
import { subjectTitle } from '../../features/evaluation/labels';
import { apiErrorMessage } from '../../lib/api-error';
import { EChart } from '../../lib/charts/echart';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

/** 综合评价 (/supervision/evaluation): rankings, trend, drill-down, publishing and the indicator table. */
export function EvaluationPage() {
  const { user, can } = useSession();
  const [search, setSearch] = useSearchParams();
  const target = useMemo(() => targetFromSearch(search), [search]);
  const setTarget = (next: EvaluationTarget) => setSearch(searchOfTarget(next), { replace: true });
  const [tab, setTab] = useState('ranking');
  const view = useEvaluationView(target);
  const trend = useEvaluationTrend(target, tab === 'trend' && target.period.kind !== 'custom');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const title = subjectTitle(target.subjectKind, target.areaLevel ?? 'district');
  const ranking = useMemo(
    () => (view.data ? rankingOption({ title: `${view.data.period.label} ${title}`, rows: view.data.rows }) : null),
    [view.data, title],
  );
  const trendChart = useMemo(() => (trend.data ? trendOption(trend.data) : null), [trend.data]);

  return (
    <>
      <PageHeader
        title="综合评价"
        description={`${user.areaName} · 按案件流转记录计算，发布后冻结`}
        extra={
          view.data ? (
            <PublishBar target={target} view={view.data} title={title} canPublish={can('evaluation.publish')} />
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <EvaluationFilters target={target} onChange={setTarget} />
      </Card>
      {view.error ? <Alert type="error" showIcon message={apiErrorMessage(view.error)} /> : null}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'ranking',
            label: '排名',
            children: view.isPending ? (
              <Spin />
            ) : view.data && ranking ? (
              <Row gutter={16}>
                <Col xs={24} xl={16}>
                  <Card size="small" title={`${title}（${view.data.caseCount} 件案件）`}>
                    <RankingTable view={view.data} onDrill={setDrill} />
                  </Card>
                </Col>
                <Col xs={24} xl={8}>
                  <Card size="small">
                    <EChart
                      option={ranking}
                      label={`${title}图`}
                      height={Math.max(240, Math.min(15, view.data.rows.length) * 32 + 60)}
                      onItemClick={({ dataIndex }) => {
                        const row = [...view.data.rows].reverse()[dataIndex];
                        if (row) setDrill({ subject: row.subject, name: row.name });
                      }}
                    />
                  </Card>
                </Col>
              </Row>
            ) : null,
          },
          {
            key: 'trend',
            label: '趋势',
            children:
              target.period.kind === 'custom' ? (
                <Alert type="info" message="自定义周期没有趋势，请选择月度、季度或年度" />
              ) : trendChart ? (
                <Card size="small">
                  <EChart option={trendChart} label="平均得分趋势图" height={320} />
                </Card>
              ) : (
                <Spin />
              ),
          },
          {
            key: 'indicators',
            label: '指标设置',
            children: (
              <IndicatorEditor
                subjectKind={target.subjectKind}
                canEdit={can('evaluation.configure') && user.areaLevel === 'city'}
              />
            ),
          },
        ]}
      />
      <DrillDownDrawer
        target={target}
        computedAt={view.data?.computedAt}
        drill={drill}
        row={view.data?.rows.find((r) => r.subject === drill?.subject)}
        onChange={setDrill}
        onClose={() => setDrill(null)}
      />
    </>
  );
}
