import { statusNameOf } from '@citygov/domain/cases/case-states';
import { Alert, Drawer, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatBoundedTotal } from '../../../lib/bounded-total';
import { formatDateTime } from '../../../lib/format';
import { type AnalyticsScope, type DrillFilter, useAnalyticsCases } from '../api/analytics';
import { deskLinkOf } from '../drill';

export interface Drill {
  filter: DrillFilter;
  /** What was clicked, e.g. "类别：暴露垃圾". */
  title: string;
}

/** 下钻: the cases behind a chart item, newest first, each linking to its case page; the desk list when it can show them. */
export function DrillDrawer({
  scope,
  drill,
  areaId,
  onClose,
}: {
  scope: AnalyticsScope;
  drill: Drill | null;
  areaId: number | null;
  onClose: () => void;
}) {
  const [page, setPage] = useState(1);
  const cases = useAnalyticsCases(scope, drill?.filter ?? null, page);
  const desk = drill ? deskLinkOf(scope, drill.filter, areaId) : null;
  const total = cases.data ? formatBoundedTotal(cases.data.total, cases.data.more) : '…';
  return (
    <Drawer
      open={drill !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      width={900}
      title={drill ? `${drill.title} · 案件明细` : ''}
    >
      {drill ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Typography.Text>
              {scope.from} 至 {scope.to} 上报，共 {total} 件
            </Typography.Text>
            {desk ? <Link to={desk}>在案件办理中查看</Link> : null}
          </Space>
          {cases.error ? <Alert type="error" message={cases.error.message} /> : null}
          <Table
            rowKey="id"
            size="small"
            aria-label="下钻案件列表"
            loading={cases.isFetching}
            dataSource={cases.data?.rows ?? []}
            pagination={{
              current: page,
              pageSize: 20,
              total: cases.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
            }}
            columns={[
              {
                title: '案件编号',
                dataIndex: 'caseNo',
                render: (no: string, c) => <Link to={`/desk/cases/${c.id}`}>{no}</Link>,
              },
              { title: '状态', dataIndex: 'status', width: 90, render: statusNameOf },
              { title: '类别', dataIndex: 'categoryName', width: 140 },
              { title: '描述', dataIndex: 'description', ellipsis: true },
              { title: '地址', dataIndex: 'address', ellipsis: true, width: 180 },
              { title: '上报时间', dataIndex: 'reportedAt', width: 160, render: (d: Date) => formatDateTime(d) },
            ]}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}
