import { Alert, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { NewPasswordFields, usePasswordPolicy } from '../../../lib/ui/password-rules';
import { applyServerErrors } from '../../../lib/ui/server-errors';
import { type UserRow, useResetPassword } from '../api/users';

interface ResetValues {
  password: string;
  confirm: string;
}

/** Sets a new password; the BFF also ends the user's open sessions and clears a lock. */
export function ResetPasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserRow | null;
  onClose: () => void;
  onDone: (user: UserRow) => void;
}) {
  const [form] = Form.useForm<ResetValues>();
  const [serverError, setServerError] = useState<string | null>(null);
  const reset = useResetPassword();
  const policy = usePasswordPolicy();
  const typed = Form.useWatch('password', form);
  const username = user?.username ?? '';

  const submit = (values: ResetValues) => {
    if (!user) return;
    setServerError(null);
    reset.mutate(
      { id: user.id, password: values.password },
      {
        onSuccess: () => {
          onDone(user);
          onClose();
        },
        onError: (error) => setServerError(applyServerErrors(form, error, ['password'])),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title="重置密码"
      okText="确定重置"
      cancelText="取消"
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setServerError(null);
      }}
    >
      <Typography.Paragraph>
        为「{user?.displayName}（{user?.username}）」设置新密码，重置后该账号需要重新登录。
      </Typography.Paragraph>
      {serverError ? (
        <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form<ResetValues> form={form} layout="vertical" clearOnDestroy onFinish={submit}>
        <NewPasswordFields name="password" username={username} policy={policy} typed={typed} />
      </Form>
    </Modal>
  );
}
