import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card } from 'antd';
import { useState } from 'react';
import { type UserRow, useSetUserActive, useUnlockUser, useUsersList } from '../../features/users/api/users';
import { ResetPasswordDialog } from '../../features/users/components/reset-password-dialog';
import { UserDialog } from '../../features/users/components/user-dialog';
import { UserFilters } from '../../features/users/components/user-filters';
import { UserTable } from '../../features/users/components/user-table';
import { useUserFilters } from '../../features/users/use-user-filters';
import { apiErrorMessage } from '../../lib/api-error';
import { useSession } from '../../lib/session/session-context';
import { PageHeader } from '../../lib/ui/page-header';

const PAGE_SIZE = 20;

type Dialog = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; user: UserRow };

export function UsersPage() {
  const { user: me, can } = useSession();
  const canManage = can('user.manage');
  const { message } = App.useApp();
  const { values, page, update } = useUserFilters();
  const list = useUsersList({
    q: values.q || undefined,
    role: values.role,
    status: values.status,
    page,
    pageSize: PAGE_SIZE,
  });
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const setActive = useSetUserActive();
  const unlock = useUnlockUser();

  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const fail = (error: unknown) => message.error(apiErrorMessage(error));

  return (
    <div>
      <PageHeader
        title="用户管理"
        description={`管理${me.areaName}范围内的工作人员账号`}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
              新增用户
            </Button>
          ) : null
        }
      />
      <Card>
        <UserFilters values={values} onChange={update} />
        {list.isError ? (
          <Alert type="error" showIcon title={apiErrorMessage(list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <UserTable
          rows={rows}
          loading={list.isFetching}
          canManage={canManage}
          canRevealPhone={can('personal.view')}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 个账号`,
            onChange: (next) => update({ ...values, page: next }),
          }}
          actions={{
            onEdit: (user) => setDialog({ kind: 'edit', user }),
            onSetActive: (user, active) =>
              setActive.mutate(
                { id: user.id, active },
                {
                  onSuccess: () => message.success(`已${active ? '启用' : '停用'}「${user.displayName}」`),
                  onError: fail,
                },
              ),
            onUnlock: (user) =>
              unlock.mutate(
                { id: user.id },
                { onSuccess: () => message.success(`已解锁「${user.displayName}」`), onError: fail },
              ),
            onResetPassword: setResetting,
          }}
        />
      </Card>
      {canManage ? (
        <>
          <UserDialog
            open={dialog.kind !== 'none'}
            editing={dialog.kind === 'edit' ? dialog.user : null}
            canAssignAdmin={me.areaLevel === 'city'}
            onClose={() => setDialog({ kind: 'none' })}
            onSaved={(username) => message.success(`已保存用户「${username}」`)}
          />
          <ResetPasswordDialog
            user={resetting}
            onClose={() => setResetting(null)}
            onDone={(user) => message.success(`已重置「${user.displayName}」的密码`)}
          />
        </>
      ) : null}
    </div>
  );
}
