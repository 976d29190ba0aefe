import { AimOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Result, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { apiAppCode, apiErrorMessage } from '../../../lib/api-error';
import { useTRPCClient } from '../../../lib/trpc';
import { usePublicForm, usePublicRegister } from '../api/collection';
import { FieldInputs } from './field-inputs';

interface FormValues {
  name: string;
  address?: string;
  ownerPhone: string;
  values?: Record<string, string | undefined>;
}

const cleanValues = (values: FormValues['values']) =>
  Object.fromEntries(Object.entries(values ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));

/**
 * 扫码登记 (/collect/<token>): the type's form, the address filled from the phone's
 * position when it can be had, 预览 and then 提交.
 */
export function CollectForm({ token }: { token: string }) {
  const { message } = App.useApp();
  const client = useTRPCClient();
  const form = usePublicForm(token);
  const register = usePublicRegister();
  const [antForm] = Form.useForm<FormValues>();
  const [preview, setPreview] = useState<FormValues | null>(null);
  const [done, setDone] = useState<{ status: string } | null>(null);
  const [position, setPosition] = useState<{ lng: number; lat: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const tried = useRef(false);

  const locate = () => {
    if (!navigator.geolocation) {
      message.info('当前浏览器无法定位，请手动填写地址');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      async (p) => {
        const point = { lng: p.coords.longitude, lat: p.coords.latitude };
        setPosition(point);
        try {
          const place = await client.collection.publicPlace.query({ token, ...point });
          if (place.address && !antForm.getFieldValue('address')) antForm.setFieldValue('address', place.address);
        } catch {
          // The address stays for the person to type.
        } finally {
          setLocating(false);
        }
      },
      () => setLocating(false),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  };

  useEffect(() => {
    if (form.data && !tried.current) {
      tried.current = true;
      locate();
    }
  });

  if (form.isLoading) return <Spin />;
  if (apiAppCode(form.error) === 'QR_SWITCHED_OFF') {
    return (
      <Result
        status="warning"
        title="此二维码已停用"
        subTitle="该二维码已被工作人员停用，不能再用于登记。如需登记，请向社区或街道工作人员索取新的二维码。已登记的信息可在“我的登记”中查看。"
        extra={
          <Link to="/collect/me">
            <Button>查看我的登记</Button>
          </Link>
        }
      />
    );
  }
  if (form.error || !form.data) {
    return (
      <Result status="warning" title="二维码无效或已停用" subTitle={form.error ? apiErrorMessage(form.error) : ''} />
    );
  }
  const def = form.data;

  if (done) {
    return (
      <Result
        status="success"
        title={done.status === 'pending' ? '提交成功，等待审核' : '登记成功'}
        subTitle="以后可用登记的手机号和短信验证码登录，查看和修改自己的信息"
        extra={
          <Link to="/collect/me">
            <Button type="primary">查看我的登记</Button>
          </Link>
        }
      />
    );
  }

  const submit = async () => {
    if (!preview) return;
    try {
      const record = await register.mutateAsync({
        token,
        name: preview.name,
        address: preview.address ?? '',
        ownerPhone: preview.ownerPhone,
        lng: position?.lng ?? null,
        lat: position?.lat ?? null,
        values: cleanValues(preview.values),
      });
      setDone({ status: record.status });
    } catch (error) {
      message.error(apiErrorMessage(error));
    }
  };

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={`${def.typeName}登记 · ${def.areaName}`}
        description={def.reviewRequired ? '提交后由工作人员审核' : undefined}
      />
      {preview ? (
        <Card title="请核对登记信息">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="名称">{preview.name}</Descriptions.Item>
            <Descriptions.Item label="地址">{preview.address || '—'}</Descriptions.Item>
            <Descriptions.Item label="手机号">{preview.ownerPhone}</Descriptions.Item>
            {def.fields.map((f) => (
              <Descriptions.Item key={f.key} label={f.label}>
                {preview.values?.[f.key] || '—'}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={() => setPreview(null)}>返回修改</Button>
            <Button type="primary" loading={register.isPending} onClick={submit}>
              提交
            </Button>
          </Space>
        </Card>
      ) : null}
      {/* Kept mounted under the preview, so 返回修改 finds the answers where they were. */}
      <div style={{ display: preview ? 'none' : undefined }}>
        <Card>
          <Form form={antForm} layout="vertical" onFinish={(values) => setPreview(values)} initialValues={{}} preserve>
            <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
              <Input aria-label="名称" maxLength={100} />
            </Form.Item>
            <Form.Item label="地址">
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="address" noStyle>
                  <Input aria-label="地址" maxLength={200} placeholder="街道、门牌号" />
                </Form.Item>
                <Button icon={<AimOutlined />} loading={locating} onClick={locate} aria-label="定位">
                  定位
                </Button>
              </Space.Compact>
            </Form.Item>
            <Form.Item
              name="ownerPhone"
              label="手机号（用于登录查看）"
              rules={[
                { required: true, message: '请填写手机号' },
                { pattern: /^1[3-9]\d{9}$/, message: '请输入正确的手机号码' },
              ]}
            >
              <Input aria-label="手机号" inputMode="numeric" maxLength={11} />
            </Form.Item>
            <FieldInputs fields={def.fields} />
            <Button type="primary" htmlType="submit" block size="large">
              预览
            </Button>
          </Form>
        </Card>
      </div>
    </>
  );
}
