import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { type SessionUser, useLoginMutation } from '../api/session';

interface LoginValues {
  username: string;
  password: string;
}

/** Username + password form; shows the server's reason when a login is refused. */
export function LoginForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const login = useLoginMutation();
  const submit = (values: LoginValues) => {
    login.mutate({ username: values.username.trim(), password: values.password }, { onSuccess: onSignedIn });
  };
  return (
    <Form<LoginValues> layout="vertical" size="large" requiredMark={false} onFinish={submit} autoComplete="on">
      <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" placeholder="请输入用户名" />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password
          prefix={<LockOutlined aria-hidden />}
          autoComplete="current-password"
          placeholder="请输入密码"
        />
      </Form.Item>
      {login.error ? (
        <Alert type="error" showIcon title={apiErrorMessage(login.error, '登录失败')} style={{ marginBottom: 16 }} />
      ) : null}
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        登录
      </Button>
    </Form>
  );
}
