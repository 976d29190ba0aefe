import { Table, type TableColumnsType, type TablePaginationConfig, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { AuditRow } from '../api/audit';
import { ACTION_LABELS, OUTCOME_LABELS } from '../labels';

function detailText(detail: AuditRow['detail']): string {
  if (!detail || Object.keys(detail).length === 0) return '';
  return JSON.stringify(detail);
}

const columns: TableColumnsType<AuditRow> = [
  { title: '时间', dataIndex: 'at', key: 'at', width: 180, render: (at: Date) => formatDateTime(at) },
  { title: '用户', dataIndex: 'username', key: 'username', width: 190, render: (name: string | null) => name ?? '—' },
  {
    title: '操作',
    dataIndex: 'action',
    key: 'action',
    width: 220,
    render: (action: string) => (
      <span>
        {ACTION_LABELS[action] ?? action}
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
          {action}
        </Typography.Text>
      </span>
    ),
  },
  {
    title: '结果',
    dataIndex: 'outcome',
    key: 'outcome',
    width: 80,
    render: (outcome: AuditRow['outcome']) => (
      <Tag color={OUTCOME_LABELS[outcome].color}>{OUTCOME_LABELS[outcome].label}</Tag>
    ),
  },
  { title: 'IP 地址', dataIndex: 'ip', key: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
  {
    title: '详情',
    dataIndex: 'detail',
    key: 'detail',
    ellipsis: { showTitle: true },
    render: (detail: AuditRow['detail']) => detailText(detail) || '—',
  },
];

/** The operation log, newest first. Times are China Standard Time. */
export function AuditTable({
  rows,
  loading,
  pagination,
}: {
  rows: readonly AuditRow[];
  loading: boolean;
  pagination: TablePaginationConfig;
}) {
  return (
    <Table<AuditRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1100 }}
      locale={{ emptyText: '没有符合条件的操作记录' }}
    />
  );
}
