import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { NewPasswordFields, usePasswordPolicy } from '../../../lib/ui/password-rules';
import { applyServerErrors } from '../../../lib/ui/server-errors';
import { useChangePassword } from '../api/account';

interface ChangeValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** 修改密码: the current password, a new one that meets the rules (shown while typing), twice. */
export function ChangePasswordDialog({
  open,
  username,
  onClose,
  onDone,
}: {
  open: boolean;
  username: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<ChangeValues>();
  const [serverError, setServerError] = useState<string | null>(null);
  const policy = usePasswordPolicy();
  const change = useChangePassword();
  const typed = Form.useWatch('newPassword', form);

  const submit = (values: ChangeValues) => {
    setServerError(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          onDone();
          onClose();
        },
        onError: (error) => setServerError(applyServerErrors(form, error, FIELDS)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title="修改密码"
      okText="确定修改"
      cancelText="取消"
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setServerError(null);
      }}
    >
      {serverError ? (
        <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form<ChangeValues> form={form} layout="vertical" clearOnDestroy onFinish={submit}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" username={username} policy={policy} typed={typed} />
      </Form>
    </Modal>
  );
}
