import { App, Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../lib/session/session-context';
import { ChangePasswordDialog } from './change-password-dialog';
import { SessionsDialog } from './sessions-dialog';

/** The signed-in user's own account facts, for the portal home; 修改密码 and 登录设备 from here. */
export function ProfileCard() {
  const { user } = useSession();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'none' | 'password' | 'sessions'>('none');
  return (
    <Card
      title="我的信息"
      extra={
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDialog('password')}>
            修改密码
          </Button>
          <Button type="link" size="small" onClick={() => setDialog('sessions')}>
            登录设备
          </Button>
        </Space>
      }
    >
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
      <ChangePasswordDialog
        open={dialog === 'password'}
        username={user.username}
        onClose={() => setDialog('none')}
        onDone={() => message.success('密码已修改，其他设备上的登录已退出')}
      />
      <SessionsDialog open={dialog === 'sessions'} onClose={() => setDialog('none')} />
    </Card>
  );
}
