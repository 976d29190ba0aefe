import { statusNameOf } from '@citygov/domain/cases/case-states';
import { COUNTERS, type Counter } from '@citygov/domain/evaluation/subjects';
import { Alert, Drawer, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { type EvaluationRow, type EvaluationTarget, useEvaluationCases } from '../api/evaluation';
import type { DrillTarget } from './ranking-table';

/** 下钻: the cases behind one subject's number, each linking to its case page. */
export function DrillDownDrawer({
  target,
  computedAt,
  drill,
  row,
  onChange,
  onClose,
}: {
  target: EvaluationTarget;
  /** When the ranking on screen was computed: the drill-down lists the cases that ranking counted. */
  computedAt: string | undefined;
  drill: DrillTarget | null;
  row: EvaluationRow | undefined;
  onChange: (drill: DrillTarget) => void;
  onClose: () => void;
}) {
  const cases = useEvaluationCases(
    drill
      ? {
          ...target,
          subject: drill.subject,
          ...(drill.counter ? { counter: drill.counter } : {}),
          ...(computedAt ? { computedAt } : {}),
        }
      : null,
  );
  const counters = (Object.keys(row?.counts ?? {}) as Counter[]).map((c) => ({
    value: c,
    label: `${COUNTERS[c]}（${row?.counts[c] ?? 0}）`,
  }));
  return (
    <Drawer open={drill !== null} onClose={onClose} width={760} title={drill ? `${drill.name} · 案件明细` : ''}>
      {drill ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            aria-label="统计项"
            style={{ width: 260 }}
            value={drill.counter ?? 'all'}
            options={[{ value: 'all', label: '全部相关案件' }, ...counters]}
            onChange={(value: string) =>
              onChange(
                value === 'all'
                  ? { subject: drill.subject, name: drill.name }
                  : { ...drill, counter: value as Counter },
              )
            }
          />
          {cases.error ? <Alert type="error" message={cases.error.message} /> : null}
          {cases.data && cases.data.shown < cases.data.total ? (
            <Typography.Text type="secondary">
              共 {cases.data.total} 件，显示前 {cases.data.shown} 件
            </Typography.Text>
          ) : null}
          <Table
            rowKey="id"
            size="small"
            loading={cases.isPending}
            dataSource={cases.data?.rows ?? []}
            pagination={{ pageSize: 20 }}
            columns={[
              {
                title: '案件编号',
                dataIndex: 'caseNo',
                render: (no: string, c) => <Link to={`/desk/cases/${c.id}`}>{no}</Link>,
              },
              { title: '状态', dataIndex: 'status', render: statusNameOf },
              { title: '类别', dataIndex: 'categoryName' },
              { title: '描述', dataIndex: 'description', ellipsis: true },
              { title: '上报时间', dataIndex: 'reportedAt', render: (d: Date) => formatDateTime(d) },
            ]}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}
