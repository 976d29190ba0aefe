import { Button, Popconfirm, Space } from 'antd';
import type { UserRow } from '../api/users';
import { userStatusOf } from '../user-status';

export interface UserRowActionHandlers {
  onEdit: (user: UserRow) => void;
  onSetActive: (user: UserRow, active: boolean) => void;
  onUnlock: (user: UserRow) => void;
  onResetPassword: (user: UserRow) => void;
}

/** 编辑 / 停用·启用 / 解锁 / 重置密码 for one account. */
export function UserRowActions({
  user,
  isSelf,
  handlers,
}: {
  user: UserRow;
  isSelf: boolean;
  handlers: UserRowActionHandlers;
}) {
  const locked = userStatusOf(user) === 'locked';
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => handlers.onEdit(user)}>
        编辑
      </Button>
      {user.active ? (
        isSelf ? null : (
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
        )
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
