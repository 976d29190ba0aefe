import { Grid, Table, type TableColumnsType, type TablePaginationConfig, Tag } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { UserRow } from '../api/users';
import { roleName } from '../role-options';
import { USER_STATUS_LABELS, userStatusOf } from '../user-status';
import { PhoneCell } from './phone-cell';
import { type UserRowActionHandlers, UserRowActions } from './user-row-actions';

const STATUS_COLORS = { active: 'green', inactive: 'default', locked: 'red' } as const;

/** Staff accounts in the caller's scope; row actions only for user.manage. */
export function UserTable({
  rows,
  loading,
  pagination,
  canManage,
  canRevealPhone,
  actions,
}: {
  rows: readonly UserRow[];
  loading: boolean;
  pagination: TablePaginationConfig;
  canManage: boolean;
  canRevealPhone: boolean;
  actions: UserRowActionHandlers;
}) {
  // On a phone a pinned action column would leave no room for anything else.
  const wide = Grid.useBreakpoint().md !== false;
  const columns: TableColumnsType<UserRow> = [
    { title: '用户名', dataIndex: 'username', key: 'username', width: 170, fixed: wide ? 'left' : undefined },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName', width: 100 },
    { title: '角色', dataIndex: 'role', key: 'role', width: 110, render: (role: string) => roleName(role) },
    { title: '所属区域', dataIndex: 'areaName', key: 'areaName', width: 120 },
    {
      title: '所属部门',
      dataIndex: 'departmentName',
      key: 'departmentName',
      ellipsis: true,
      render: (name: string | null) => name ?? '—',
    },
    { title: '岗位', dataIndex: 'position', key: 'position', ellipsis: true, render: (p: string) => p || '—' },
    {
      title: '手机号',
      key: 'phone',
      width: 150,
      render: (_value, row) => <PhoneCell user={row} canReveal={canRevealPhone} />,
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_value, row) => {
        const status = userStatusOf(row);
        return <Tag color={STATUS_COLORS[status]}>{USER_STATUS_LABELS[status]}</Tag>;
      },
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      width: 170,
      render: (at: Date | null) => formatDateTime(at),
    },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 250,
      fixed: wide ? 'right' : undefined,
      render: (_value, row) => <UserRowActions user={row} handlers={actions} />,
    });
  }
  return (
    <Table<UserRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1350 }}
      locale={{ emptyText: '没有符合条件的用户' }}
    />
  );
}
