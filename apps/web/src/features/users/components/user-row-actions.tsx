import { InfoCircleOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import type { UserRow } from '../api/users';
import { userStatusOf } from '../user-status';

export interface UserRowActionHandlers {
  onEdit: (user: UserRow) => void;
  onSetActive: (user: UserRow, active: boolean) => void;
  onUnlock: (user: UserRow) => void;
  onResetPassword: (user: UserRow) => void;
}

/**
 * 编辑 / 停用·启用 / 解锁 / 重置密码 for one account. An account the viewer may not manage
 * (their own, a fellow administrator) shows the buttons disabled, with the server's reason.
 */
export function UserRowActions({ user, handlers }: { user: UserRow; handlers: UserRowActionHandlers }) {
  const locked = userStatusOf(user) === 'locked';
  const refusal = user.manageRefusal;
  if (refusal) {
    return (
      <Tooltip title={refusal}>
        <Space size={0} wrap>
          <Button type="link" size="small" disabled>
            编辑
          </Button>
          <Button type="link" size="small" disabled>
            {user.active ? '停用' : '启用'}
          </Button>
          <Button type="link" size="small" disabled>
            重置密码
          </Button>
          <InfoCircleOutlined role="img" aria-label={refusal} tabIndex={0} style={{ color: '#8c8c8c' }} />
        </Space>
      </Tooltip>
    );
  }
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => handlers.onEdit(user)}>
        编辑
      </Button>
      {user.active ? (
        <Popconfirm
          title={`确定停用「${user.displayName}」的账号吗？`}
          description="停用后该账号将立即下线且无法登录。"
          okText="停用"
          cancelText="取消"
          okButtonProps={{ danger: true }}
          onConfirm={() => handlers.onSetActive(user, false)}
        >
          <Button type="link" size="small" danger>
            停用
          </Button>
        </Popconfirm>
      ) : (
        <Button type="link" size="small" onClick={() => handlers.onSetActive(user, true)}>
          启用
        </Button>
      )}
      {locked ? (
        <Button type="link" size="small" onClick={() => handlers.onUnlock(user)}>
          解锁
        </Button>
      ) : null}
      <Button type="link" size="small" onClick={() => handlers.onResetPassword(user)}>
        重置密码
      </Button>
    </Space>
  );
}
