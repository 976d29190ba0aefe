import { App, Button, Table, Typography } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { type DeadLetterRow, useReplayDeadLetter } from '../api/integrations';

const KIND_LABELS: Record<string, string> = {
  'case.event': '案件变更',
  'stats.daily': '日统计',
};

/** 死信列表 with a 重发 button per message. */
export function DeadLetterTable({ rows, loading }: { rows: readonly DeadLetterRow[]; loading: boolean }) {
  const replay = useReplayDeadLetter();
  const { message } = App.useApp();
  return (
    <Table<DeadLetterRow>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...rows]}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 条死信` }}
      locale={{ emptyText: '没有死信：所有消息都已送达或正在重试' }}
      columns={[
        { title: '外部系统', dataIndex: 'label', width: 110 },
        { title: '案件编号', dataIndex: 'caseNo', width: 150, render: (value: string | null) => value ?? '—' },
        { title: '消息', dataIndex: 'kind', width: 110, render: (kind: string) => KIND_LABELS[kind] ?? kind },
        { title: '尝试次数', dataIndex: 'attempts', width: 100, align: 'right' },
        {
          title: '最后错误',
          dataIndex: 'lastError',
          render: (value: string | null) => (
            <Typography.Text type="danger" ellipsis={{ tooltip: value }} style={{ maxWidth: 520 }}>
              {value ?? '—'}
            </Typography.Text>
          ),
        },
        { title: '进入死信', dataIndex: 'deadAt', width: 170, render: (value: Date | null) => formatDateTime(value) },
        {
          title: '操作',
          key: 'replay',
          width: 90,
          render: (_: unknown, row) => (
            <Button
              size="small"
              type="primary"
              aria-label={`重发 ${row.caseNo ?? row.id}`}
              loading={replay.isPending && replay.variables?.id === row.id}
              onClick={() =>
                replay.mutate(
                  { id: row.id },
                  {
                    onSuccess: () => void message.success(`已重发${row.caseNo ? `案件 ${row.caseNo} 的` : ''}消息`),
                    onError: (error) => void message.error(apiErrorMessage(error)),
                  },
                )
              }
            >
              重发
            </Button>
          ),
        },
      ]}
    />
  );
}
