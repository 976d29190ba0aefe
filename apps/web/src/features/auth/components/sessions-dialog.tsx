import { App, Button, Modal, Table, type TableColumnsType, Tag } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { type OwnSession, useEndSession, useOwnSessions } from '../api/account';

/** A short, readable name for a browser's user-agent string. */
function deviceName(userAgent: string | null): string {
  if (!userAgent) return '未知设备';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Chrome\//.test(userAgent)
      ? 'Chrome'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : '浏览器';
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return system ? `${browser}（${system}）` : browser;
}

/** 登录设备: the user's open sessions; ends another device's session. */
export function SessionsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const sessions = useOwnSessions(open);
  const end = useEndSession();
  const columns: TableColumnsType<OwnSession> = [
    {
      title: '设备',
      key: 'device',
      render: (_v, row) => (
        <span title={row.userAgent ?? undefined}>
          {deviceName(row.userAgent)} {row.current ? <Tag color="blue">当前</Tag> : null}
        </span>
      ),
    },
    { title: 'IP 地址', dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? '—' },
    { title: '登录时间', dataIndex: 'createdAt', key: 'createdAt', render: (at: Date) => formatDateTime(at) },
    { title: '最近活动', dataIndex: 'lastSeenAt', key: 'lastSeenAt', render: (at: Date) => formatDateTime(at) },
    {
      title: '操作',
      key: 'actions',
      render: (_v, row) =>
        row.current ? null : (
          <Button
            type="link"
            size="small"
            danger
            loading={end.isPending && end.variables?.id === row.id}
            onClick={() =>
              end.mutate(
                { id: row.id },
                {
                  onSuccess: () => message.success('已退出该设备上的登录'),
                  onError: (error) => message.error(apiErrorMessage(error)),
                },
              )
            }
          >
            下线
          </Button>
        ),
    },
  ];
  return (
    <Modal open={open} title="登录设备" footer={null} onCancel={onClose} width={760} destroyOnHidden>
      <Table<OwnSession>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={sessions.data ?? []}
        loading={sessions.isPending}
        pagination={false}
        locale={{ emptyText: '没有其他登录' }}
      />
    </Modal>
  );
}
