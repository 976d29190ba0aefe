import { EyeOutlined } from '@ant-design/icons';
import type { FieldDef } from '@citygov/domain/collection/forms';
import { App, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { useSession } from '../../../lib/session/session-context';
import {
  type CollectionTypeView,
  type RecordRow,
  useDecideDeregister,
  useRequestDeregister,
  useReveal,
  useReviewRecord,
} from '../api/collection';
import { COLLECTION_SOURCE, COLLECTION_STATUS, STATUS_COLOR } from '../labels';

/** A masked value with 显示完整 for holders of collection.reveal (each view is logged by the server). */
function MaskedCell({ record, field, shown }: { record: RecordRow; field: string; shown: string | null }) {
  const { can } = useSession();
  const { message } = App.useApp();
  const reveal = useReveal();
  const [full, setFull] = useState<string | null>(null);
  if (!shown) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={2} style={{ whiteSpace: 'nowrap' }}>
      <span>{full ?? shown}</span>
      {full === null && can('collection.reveal') ? (
        <Button
          size="small"
          type="text"
          icon={<EyeOutlined />}
          title="显示完整（查看将被记录）"
          aria-label={`显示完整 ${record.name}`}
          loading={reveal.isPending}
          onClick={async () => {
            try {
              setFull((await reveal.mutateAsync({ id: record.id, field })).value ?? '');
            } catch (error) {
              message.error(apiErrorMessage(error));
            }
          }}
        />
      ) : null}
    </Space>
  );
}

function ReasonModal({
  title,
  open,
  onCancel,
  onOk,
  loading,
}: {
  title: string;
  open: boolean;
  onCancel: () => void;
  onOk: (reason: string) => void;
  loading: boolean;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      onOk={() => onOk(reason)}
      okText="确定"
      cancelText="取消"
      confirmLoading={loading}
      destroyOnHidden
    >
      <Input.TextArea
        aria-label="原因"
        rows={3}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}

/** The records table: masked numbers, state, and the 审核 / 注销 actions the caller may take. */
export function RecordTable({
  rows,
  types,
  type,
  loading,
  total,
  page,
  onPage,
  onEdit,
}: {
  rows: RecordRow[];
  types: CollectionTypeView[];
  type: CollectionTypeView | undefined;
  loading: boolean;
  total: number;
  page: number;
  onPage: (page: number) => void;
  onEdit: (record: RecordRow) => void;
}) {
  const { can } = useSession();
  const { message } = App.useApp();
  const review = useReviewRecord();
  const requestDeregister = useRequestDeregister();
  const decide = useDecideDeregister();
  const [asking, setAsking] = useState<{ id: number; kind: 'reject' | 'deregister' } | null>(null);
  const typeName = new Map(types.map((t) => [t.code, t.name]));

  const act = async (task: () => Promise<unknown>, done: string) => {
    try {
      await task();
      message.success(done);
      setAsking(null);
    } catch (error) {
      message.error(apiErrorMessage(error));
    }
  };

  const fieldColumns: ColumnsType<RecordRow> = (type?.fields ?? []).slice(0, 6).map((f: FieldDef) => ({
    title: f.label,
    key: f.key,
    render: (_: unknown, r: RecordRow) =>
      f.masked ? <MaskedCell record={r} field={f.key} shown={r.values[f.key] ?? null} /> : (r.values[f.key] ?? '—'),
  }));

  const columns: ColumnsType<RecordRow> = [
    { title: '名称', dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
    ...(type ? [] : [{ title: '类型', key: 'type', render: (_: unknown, r: RecordRow) => typeName.get(r.typeCode) }]),
    { title: '所属区域', dataIndex: 'areaName' },
    { title: '地址', dataIndex: 'address', ellipsis: true },
    {
      title: '业主手机号',
      key: 'ownerPhone',
      render: (_: unknown, r: RecordRow) => <MaskedCell record={r} field="ownerPhone" shown={r.ownerPhone} />,
    },
    ...fieldColumns,
    {
      title: '状态',
      dataIndex: 'status',
      render: (status: RecordRow['status']) => <Tag color={STATUS_COLOR[status]}>{COLLECTION_STATUS[status]}</Tag>,
    },
    { title: '来源', dataIndex: 'source', render: (s: RecordRow['source']) => COLLECTION_SOURCE[s] },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, r: RecordRow) => (
        <Space size={4} wrap>
          {r.status !== 'deregistered' && can('collection.edit') ? (
            <Button size="small" type="link" aria-label={`修改 ${r.name}`} onClick={() => onEdit(r)}>
              修改
            </Button>
          ) : null}
          {r.status === 'pending' && can('collection.review') ? (
            <>
              <Button
                size="small"
                type="primary"
                aria-label={`审核通过 ${r.name}`}
                onClick={() => act(() => review.mutateAsync({ id: r.id, verdict: 'approve' }), '已审核通过')}
              >
                通过
              </Button>
              <Button
                size="small"
                danger
                aria-label={`驳回 ${r.name}`}
                onClick={() => setAsking({ id: r.id, kind: 'reject' })}
              >
                驳回
              </Button>
            </>
          ) : null}
          {(r.status === 'approved' || r.status === 'rejected') && can('collection.edit') ? (
            <Button
              size="small"
              aria-label={`申请注销 ${r.name}`}
              onClick={() => setAsking({ id: r.id, kind: 'deregister' })}
            >
              注销
            </Button>
          ) : null}
          {r.status === 'deregister_pending' && can('collection.review') ? (
            <>
              <Button
                size="small"
                type="primary"
                aria-label={`同意注销 ${r.name}`}
                onClick={() => act(() => decide.mutateAsync({ id: r.id, approve: true }), '已注销')}
              >
                同意注销
              </Button>
              <Button
                size="small"
                aria-label={`不同意注销 ${r.name}`}
                onClick={() => act(() => decide.mutateAsync({ id: r.id, approve: false }), '已退回')}
              >
                不同意
              </Button>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table
        rowKey="id"
        aria-label="采集信息列表"
        size="middle"
        loading={loading}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={columns}
        pagination={{ current: page, total, pageSize: 20, onChange: onPage, showTotal: (n) => `共 ${n} 条` }}
      />
      <ReasonModal
        title={asking?.kind === 'reject' ? '驳回原因' : '注销原因'}
        open={asking !== null}
        loading={review.isPending || requestDeregister.isPending}
        onCancel={() => setAsking(null)}
        onOk={(reason) => {
          if (!asking) return;
          if (asking.kind === 'reject') {
            void act(() => review.mutateAsync({ id: asking.id, verdict: 'reject', note: reason }), '已驳回');
          } else {
            void act(() => requestDeregister.mutateAsync({ id: asking.id, reason }), '已提交注销申请，等待审批');
          }
        }}
      />
    </>
  );
}
