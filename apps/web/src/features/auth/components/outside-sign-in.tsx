import { LockOutlined, MobileOutlined, QrcodeOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import type { SessionUser } from '../../../lib/session/session-api';
import { applyServerErrors } from '../../../lib/ui/server-errors';
import { useSmsCodeLogin, useSmsCodeRequest, useZzdBind } from '../api/outside-sign-in';

/** 浙政钉扫码登录: a plain navigation, since the scan page is 浙政钉's (the simulator's in the demo). */
export function ZzdScanButton() {
  return (
    <Button block size="large" icon={<QrcodeOutlined aria-hidden />} href="/api/sso/zzd/scan">
      浙政钉扫码登录
    </Button>
  );
}

/**
 * First 浙政钉 sign-in: 浙政钉 vouched for `name`, who is not bound to an account yet; they
 * sign in once with our username and password, and from then on 浙政钉 alone signs them in.
 */
export function ZzdBindForm({
  ticket,
  name,
  onSignedIn,
  onCancel,
}: {
  ticket: string;
  name: string;
  onSignedIn: (user: SessionUser) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const bind = useZzdBind();
  return (
    <Form
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) =>
        bind.mutate(
          { ticket, username: values.username.trim(), password: values.password },
          { onSuccess: onSignedIn, onError: (error) => applyServerErrors(form, error, ['username', 'password']) },
        )
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`浙政钉用户「${name}」首次登录`}
        description="请输入本系统的用户名和密码完成绑定，之后可直接用浙政钉登录。"
      />
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
      {bind.error ? (
        <Alert type="error" showIcon title={apiErrorMessage(bind.error, '绑定失败')} style={{ marginBottom: 16 }} />
      ) : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" block loading={bind.isPending}>
          绑定并登录
        </Button>
        <Button type="link" block onClick={onCancel}>
          不绑定，返回账号登录
        </Button>
      </Space>
    </Form>
  );
}

/** 短信验证码登录 for staff with a phone on their account. */
export function SmsCodeLoginForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const request = useSmsCodeRequest();
  const login = useSmsCodeLogin();
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const sendCode = async () => {
    const { phone } = await form.validateFields(['phone']);
    request.mutate(
      { phone: phone.trim() },
      { onSuccess: () => setWait(60), onError: (error) => applyServerErrors(form, error, ['phone']) },
    );
  };
  const error = login.error ?? request.error;
  return (
    <Form
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) =>
        login.mutate(
          { phone: values.phone.trim(), code: values.code.trim() },
          { onSuccess: onSignedIn, onError: (e) => applyServerErrors(form, e, ['phone', 'code']) },
        )
      }
    >
      <Form.Item
        label="手机号"
        name="phone"
        rules={[
          { required: true, message: '请输入手机号' },
          { pattern: /^1[3-9]\d{9}$/, message: '请输入正确的手机号码' },
        ]}
      >
        <Input
          prefix={<MobileOutlined aria-hidden />}
          inputMode="tel"
          autoComplete="tel"
          placeholder="账号绑定的手机号"
        />
      </Form.Item>
      <Form.Item label="验证码" required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: true, message: '请输入验证码' }]}>
            <Input
              prefix={<SafetyOutlined aria-hidden />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder="6 位验证码"
              aria-label="验证码"
            />
          </Form.Item>
          <Button onClick={sendCode} loading={request.isPending} disabled={wait > 0}>
            {wait > 0 ? `${wait} 秒后重发` : '获取验证码'}
          </Button>
        </Space.Compact>
      </Form.Item>
      {request.isSuccess && !error ? (
        <Alert type="success" showIcon title="验证码已发送，5 分钟内有效" style={{ marginBottom: 16 }} />
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={apiErrorMessage(error, '登录失败')} style={{ marginBottom: 16 }} />
      ) : null}
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        登录
      </Button>
    </Form>
  );
}
