import { App, Button, Card, Descriptions, Empty, Form, Input, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import {
  type OwnRecords,
  useOwnerCodeRequest,
  useOwnerLogin,
  useOwnerRecords,
  useOwnerUpdate,
} from '../api/collection';
import { COLLECTION_STATUS, STATUS_COLOR } from '../labels';
import { FieldInputs } from './field-inputs';

function SignIn() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const requestCode = useOwnerCodeRequest();
  const login = useOwnerLogin();
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const sendCode = async () => {
    try {
      const { phone } = await form.validateFields(['phone']);
      await requestCode.mutateAsync({ phone });
      message.success('验证码已发送，请查看短信');
      setWait(60);
    } catch (error) {
      if (error && typeof error === 'object' && 'errorFields' in error) return;
      message.error(apiErrorMessage(error));
    }
  };

  return (
    <Card title="业主登录">
      <Form
        form={form}
        layout="vertical"
        onFinish={async (values) => {
          try {
            await login.mutateAsync(values);
          } catch (error) {
            message.error(apiErrorMessage(error));
          }
        }}
      >
        <Form.Item
          name="phone"
          label="手机号"
          rules={[
            { required: true, message: '请填写手机号' },
            { pattern: /^1[3-9]\d{9}$/, message: '请输入正确的手机号码' },
          ]}
        >
          <Input aria-label="手机号" inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item label="验证码" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="code"
              noStyle
              rules={[
                { required: true, message: '请输入验证码' },
                { pattern: /^\d{6}$/, message: '请输入 6 位验证码' },
              ]}
            >
              <Input aria-label="验证码" inputMode="numeric" maxLength={6} />
            </Form.Item>
            <Button onClick={sendCode} disabled={wait > 0} loading={requestCode.isPending}>
              {wait > 0 ? `${wait} 秒后重发` : '获取验证码'}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
          登录
        </Button>
      </Form>
    </Card>
  );
}

type OwnRecord = OwnRecords['records'][number];

function RecordCard({ record }: { record: OwnRecord }) {
  const { message } = App.useApp();
  const update = useOwnerUpdate();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ name: string; address?: string; values?: Record<string, string | undefined> }>();
  const locked = record.status === 'deregistered' || record.status === 'deregister_pending';
  return (
    <Card
      style={{ marginBottom: 12 }}
      title={`${record.typeName} · ${record.name}`}
      extra={<Tag color={STATUS_COLOR[record.status]}>{COLLECTION_STATUS[record.status]}</Tag>}
    >
      {editing ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ name: record.name, address: record.address, values: record.values }}
          onFinish={async (values) => {
            try {
              const saved = await update.mutateAsync({
                id: record.id,
                data: {
                  name: values.name,
                  address: values.address ?? '',
                  values: Object.fromEntries(
                    Object.entries(values.values ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
                  ),
                },
              });
              // A type that needs review takes the change back to 待审核: the owner is told so.
              message.success(saved?.status === 'pending' ? '已保存，等待工作人员审核' : '已保存');
              setEditing(false);
            } catch (error) {
              message.error(apiErrorMessage(error));
            }
          }}
        >
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
            <Input aria-label="名称" maxLength={100} />
          </Form.Item>
          <Form.Item name="address" label="地址">
            <Input aria-label="地址" maxLength={200} />
          </Form.Item>
          <FieldInputs fields={record.fields} />
          <Space>
            <Button onClick={() => setEditing(false)}>取消</Button>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              保存
            </Button>
          </Space>
        </Form>
      ) : (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="所属区域">{record.areaName}</Descriptions.Item>
            <Descriptions.Item label="地址">{record.address || '—'}</Descriptions.Item>
            {record.fields.map((f) => (
              <Descriptions.Item key={f.key} label={f.label}>
                {record.values[f.key] || '—'}
              </Descriptions.Item>
            ))}
            {record.reviewNote ? <Descriptions.Item label="审核意见">{record.reviewNote}</Descriptions.Item> : null}
          </Descriptions>
          {locked ? null : (
            <Button block style={{ marginTop: 8 }} onClick={() => setEditing(true)}>
              修改信息
            </Button>
          )}
        </>
      )}
    </Card>
  );
}

/** /collect/me: an owner signs in with phone + SMS code, then sees and edits their own records. */
export function OwnerPage() {
  const mine = useOwnerRecords();
  if (mine.isLoading) return <Spin />;
  if (!mine.data?.phone) return <SignIn />;
  return (
    <>
      <div style={{ margin: '4px 0 12px', color: '#666' }}>已登录：{mine.data.phone}</div>
      {mine.data.records.length === 0 ? <Empty description="没有以此手机号登记的信息" /> : null}
      {mine.data.records.map((r) => (
        <RecordCard key={r.id} record={r} />
      ))}
    </>
  );
}
