import { App, Button, Drawer, Popconfirm, Table, Tag, Typography } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { type QrTokenRow, useQrTokens, useSetQrActive } from '../api/collection';
import { absoluteCollectUrl } from '../labels';

/**
 * 已发放的二维码: every code in the caller's scope, switched off ones included, with its
 * registrations; 停用 stops a lost or misused code at once, 重新启用 brings it back.
 */
export function QrListDrawer({ open, onClose, canEdit }: { open: boolean; onClose: () => void; canEdit: boolean }) {
  const { message } = App.useApp();
  const codes = useQrTokens(open);
  const setActive = useSetQrActive();

  const toggle = async (row: QrTokenRow, active: boolean) => {
    try {
      await setActive.mutateAsync({ id: row.id, active });
      message.success(active ? `已重新启用「${row.label}」` : `已停用「${row.label}」，扫码将无法登记`);
    } catch (error) {
      message.error(apiErrorMessage(error));
    }
  };

  return (
    <Drawer title="已发放的二维码" open={open} onClose={onClose} width={1080} destroyOnHidden>
      <Table<QrTokenRow>
        rowKey="id"
        size="middle"
        loading={codes.isLoading}
        dataSource={codes.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有生成过二维码' }}
        columns={[
          {
            title: '二维码名称',
            key: 'label',
            render: (_, r) => (
              <>
                <Typography.Link href={absoluteCollectUrl(r.url)} target="_blank" rel="noreferrer">
                  {r.label}
                </Typography.Link>
                <div style={{ color: '#888', fontSize: 12 }}>
                  {r.collectorName ? `采集员专属：${r.collectorName}` : '地点二维码'}
                </div>
              </>
            ),
          },
          { title: '所属区域', dataIndex: 'areaName', width: 150 },
          { title: '采集类型', dataIndex: 'typeName', width: 120 },
          { title: '生成时间', key: 'createdAt', width: 170, render: (_, r) => formatDateTime(r.createdAt) },
          { title: '登记数', dataIndex: 'registrations', width: 90, align: 'right' },
          {
            title: '状态',
            key: 'active',
            width: 100,
            render: (_, r) => (r.active ? <Tag color="green">启用中</Tag> : <Tag>已停用</Tag>),
          },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, r: QrTokenRow) =>
                    r.active ? (
                      <Popconfirm
                        title="停用这个二维码？"
                        description="停用后扫码页面将提示二维码已停用，不再接受登记；已登记的信息不受影响。"
                        okText="停用"
                        cancelText="取消"
                        onConfirm={() => toggle(r, false)}
                      >
                        <Button size="small" danger aria-label={`停用 ${r.label}`}>
                          停用
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button
                        size="small"
                        aria-label={`重新启用 ${r.label}`}
                        loading={setActive.isPending && setActive.variables?.id === r.id}
                        onClick={() => toggle(r, true)}
                      >
                        重新启用
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}
