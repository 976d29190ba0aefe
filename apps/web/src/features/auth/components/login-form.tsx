import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { apiAppCode, apiErrorMessage } from '../../../lib/api-error';
import { type SessionUser, useLoginMutation } from '../../../lib/session/session-api';
import { NewPasswordFields, usePasswordPolicy } from '../../../lib/ui/password-rules';
import { applyServerErrors } from '../../../lib/ui/server-errors';

interface LoginValues {
  username: string;
  password: string;
  newPassword?: string;
  confirm?: string;
  kiosk?: boolean;
}

/**
 * Username + password form; shows the server's reason when a login is refused. When the
 * password has expired it asks for a new one (with the rules) and signs in with it.
 */
export function LoginForm({
  onSignedIn,
  offerKiosk = false,
}: {
  onSignedIn: (user: SessionUser) => void;
  /** Offer 大屏值守登录 (a wall-only session that does not idle out): on the way to /wall. */
  offerKiosk?: boolean;
}) {
  const [form] = Form.useForm<LoginValues>();
  const login = useLoginMutation();
  const policy = usePasswordPolicy();
  const [mustChange, setMustChange] = useState(false);
  const typedUsername = Form.useWatch('username', form) ?? '';
  const typedNew = Form.useWatch('newPassword', form);

  const submit = (values: LoginValues) => {
    login.mutate(
      {
        username: values.username.trim(),
        password: values.password,
        ...(mustChange && values.newPassword ? { newPassword: values.newPassword } : {}),
        ...(offerKiosk && values.kiosk ? { kiosk: 'wall' as const } : {}),
      },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          if (apiAppCode(error) === 'PASSWORD_EXPIRED') setMustChange(true);
          applyServerErrors(form, error, ['newPassword']);
        },
      },
    );
  };
  return (
    <Form<LoginValues>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={submit}
      autoComplete="on"
    >
      <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
        <Input
          prefix={<UserOutlined aria-hidden />}
          autoComplete="username"
          placeholder="请输入用户名"
          readOnly={mustChange}
        />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password
          prefix={<LockOutlined aria-hidden />}
          autoComplete="current-password"
          placeholder="请输入密码"
          readOnly={mustChange}
        />
      </Form.Item>
      {mustChange ? (
        <NewPasswordFields
          name="newPassword"
          username={typedUsername}
          policy={policy}
          typed={typedNew}
          prefix={<LockOutlined aria-hidden />}
        />
      ) : null}
      {offerKiosk ? (
        <Form.Item name="kiosk" valuePropName="checked" extra="仅能查看指挥大厅大屏，闲置不会退出，适合值守大屏">
          <Checkbox>大屏值守登录</Checkbox>
        </Form.Item>
      ) : null}
      {login.error ? (
        <Alert type="error" showIcon title={apiErrorMessage(login.error, '登录失败')} style={{ marginBottom: 16 }} />
      ) : null}
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {mustChange ? '修改密码并登录' : '登录'}
      </Button>
    </Form>
  );
}
