import type { Role } from '@citygov/domain/permissions';
import { Input, Select, Space } from 'antd';
import { roleOptions } from '../role-options';
import { USER_STATUS_LABELS, type UserStatus } from '../user-status';

export interface UserFilterValues {
  q: string;
  role: Role | undefined;
  status: UserStatus | undefined;
}

const STATUS_OPTIONS = (Object.keys(USER_STATUS_LABELS) as UserStatus[]).map((value) => ({
  value,
  label: USER_STATUS_LABELS[value],
}));

/** Search box and role / status filters above the user table. */
export function UserFilters({
  values,
  onChange,
}: {
  values: UserFilterValues;
  onChange: (next: Partial<UserFilterValues>) => void;
}) {
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label="搜索用户"
        placeholder="用户名、姓名或岗位"
        allowClear
        defaultValue={values.q}
        onSearch={(q) => onChange({ q: q.trim() })}
        enterButton="搜索"
        style={{ width: 300 }}
      />
      <Select<Role>
        aria-label="角色筛选"
        placeholder="全部角色"
        allowClear
        value={values.role}
        options={roleOptions()}
        onChange={(role) => onChange({ role })}
        style={{ width: 160 }}
      />
      <Select<UserStatus>
        aria-label="状态筛选"
        placeholder="全部状态"
        allowClear
        value={values.status}
        options={STATUS_OPTIONS}
        onChange={(status) => onChange({ status })}
        style={{ width: 130 }}
      />
    </Space>
  );
}
