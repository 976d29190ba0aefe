import { CheckOutlined } from '@ant-design/icons';
import { Table, type TableColumnsType, Typography } from 'antd';
import type { RoleMatrix } from '../api/roles';

type PermissionRow = RoleMatrix['permissions'][number];

/** Permissions as rows, roles as columns; ✓ where the role holds the permission. */
export function PermissionMatrix({ matrix, loading }: { matrix: RoleMatrix | undefined; loading: boolean }) {
  const roles = matrix?.roles ?? [];
  const granted = new Map(roles.map((role) => [role.code, new Set<string>(role.permissions)]));
  const columns: TableColumnsType<PermissionRow> = [
    {
      title: '权限',
      key: 'permission',
      fixed: 'left',
      width: 200,
      render: (_value, row) => (
        <div>
          <div>{row.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.code}
          </Typography.Text>
        </div>
      ),
    },
    ...roles.map((role) => ({
      title: role.name,
      key: role.code,
      align: 'center' as const,
      width: 96,
      render: (_value: unknown, row: PermissionRow) =>
        granted.get(role.code)?.has(row.code) ? (
          <CheckOutlined style={{ color: '#1f8a70', fontSize: 16 }} aria-label="有此权限" />
        ) : (
          <span role="img" aria-label="无此权限" style={{ color: '#d9d9d9' }}>
            —
          </span>
        ),
    })),
  ];
  return (
    <Table<PermissionRow>
      rowKey="code"
      size="small"
      bordered
      columns={columns}
      dataSource={matrix?.permissions ?? []}
      loading={loading}
      pagination={false}
      scroll={{ x: 200 + roles.length * 96 }}
      sticky
    />
  );
}
