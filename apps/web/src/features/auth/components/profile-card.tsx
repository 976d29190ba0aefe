import { Card, Descriptions } from 'antd';
import { useSession } from '../session-context';

/** The signed-in user's own account facts, for the portal home. */
export function ProfileCard() {
  const { user } = useSession();
  return (
    <Card title="我的信息">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'username', label: '账号', children: user.username },
          { key: 'role', label: '角色', children: user.roleName },
          { key: 'area', label: '所属区域', children: user.areaName },
          { key: 'department', label: '所属部门', children: user.departmentName ?? '—' },
          { key: 'position', label: '岗位', children: user.position || '—' },
        ]}
      />
    </Card>
  );
}
