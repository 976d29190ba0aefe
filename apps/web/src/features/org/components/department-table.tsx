import { Button, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { buildTree, type TreeNode } from '../../../lib/tree';
import type { DepartmentRow } from '../api/org';
import { DEPARTMENT_KIND_LABELS } from '../labels';

interface DepartmentTreeRow extends DepartmentRow {
  key: number;
  children?: DepartmentTreeRow[];
}

function toRows(nodes: TreeNode<DepartmentRow>[]): DepartmentTreeRow[] {
  return nodes.map(({ item, children }) => ({
    ...item,
    key: item.id,
    ...(children.length > 0 ? { children: toRows(children) } : {}),
  }));
}

/** Departments as a tree table; edit and delete appear only for org.manage. */
export function DepartmentTable({
  departments,
  loading,
  canManage,
  deletingId,
  onEdit,
  onDelete,
}: {
  departments: readonly DepartmentRow[];
  loading: boolean;
  canManage: boolean;
  deletingId: number | null;
  onEdit: (department: DepartmentRow) => void;
  onDelete: (department: DepartmentRow) => void;
}) {
  const rows = useMemo(() => toRows(buildTree(departments)), [departments]);
  const columns: TableColumnsType<DepartmentTreeRow> = [
    { title: '部门名称', dataIndex: 'name', key: 'name' },
    {
      title: '类型',
      dataIndex: 'kind',
      key: 'kind',
      width: 110,
      render: (kind: DepartmentRow['kind']) => DEPARTMENT_KIND_LABELS[kind],
    },
    { title: '服务区域', dataIndex: 'areaName', key: 'areaName', width: 110 },
    { title: '电话', dataIndex: 'phone', key: 'phone', width: 140, render: (phone: string | null) => phone ?? '—' },
    { title: '人数', dataIndex: 'staff', key: 'staff', width: 70, render: (n: number | null) => n ?? 0 },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_value, row) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => onEdit(row)}>
            编辑
          </Button>
          <Popconfirm
            title={`确定删除「${row.name}」吗？`}
            okText="删除"
            cancelText="取消"
            okButtonProps={{ danger: true }}
            onConfirm={() => onDelete(row)}
          >
            <Button type="link" size="small" danger loading={deletingId === row.id}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }
  return (
    <Table<DepartmentTreeRow>
      key={rows.length > 0 ? 'loaded' : 'empty'}
      rowKey="key"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 640 }}
      expandable={{ defaultExpandAllRows: true }}
      locale={{ emptyText: '暂无部门' }}
    />
  );
}
