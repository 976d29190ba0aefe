import { Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { CategoryRow } from '../api/catalogue';
import { KIND_LABELS } from '../labels';

/** The 事部件 catalogue with local conditions; 时限 opens the time-limit drawer. */
export function CategoryTable({
  rows,
  loading,
  majorName,
  canManage,
  onShowLimits,
  onEdit,
}: {
  rows: readonly CategoryRow[];
  loading: boolean;
  majorName: (row: CategoryRow) => string;
  canManage: boolean;
  onShowLimits: (row: CategoryRow) => void;
  onEdit: (row: CategoryRow) => void;
}) {
  const columns: TableColumnsType<CategoryRow> = [
    {
      title: '类型',
      dataIndex: 'kind',
      key: 'kind',
      width: 70,
      render: (kind: CategoryRow['kind']) => (
        <Tag color={kind === 'component' ? 'blue' : 'purple'}>{KIND_LABELS[kind]}</Tag>
      ),
    },
    { title: '编码', dataIndex: 'code', key: 'code', width: 80 },
    { title: '大类', key: 'major', width: 130, render: (_value, row) => majorName(row) },
    { title: '名称', dataIndex: 'name', key: 'name', width: 150 },
    {
      title: '同义词',
      dataIndex: 'synonyms',
      key: 'synonyms',
      width: 160,
      render: (synonyms: string[]) =>
        synonyms.length > 0 ? (
          <Typography.Text type="secondary" ellipsis={{ tooltip: synonyms.join('、') }} style={{ maxWidth: 150 }}>
            {synonyms.join('、')}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: '立案条件', dataIndex: 'fileCondition', key: 'fileCondition' },
    { title: '结案条件', dataIndex: 'closeCondition', key: 'closeCondition' },
    {
      title: '操作',
      key: 'actions',
      width: canManage ? 130 : 80,
      fixed: 'right',
      render: (_value, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onShowLimits(row)}>
            时限
          </Button>
          {canManage ? (
            <Button type="link" size="small" onClick={() => onEdit(row)}>
              编辑
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<CategoryRow>
      rowKey={(row) => `${row.kind}-${row.code}`}
      size="middle"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 个小类` }}
      scroll={{ x: 1280 }}
      locale={{ emptyText: '没有符合条件的分类' }}
    />
  );
}
