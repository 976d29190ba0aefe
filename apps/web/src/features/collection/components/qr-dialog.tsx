import { App, Button, Form, Input, Modal, Select, Space, Switch, Typography } from 'antd';
import QRCode from 'qrcode';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type TypesAndPlaces, useCreateQr } from '../api/collection';
import { absoluteCollectUrl } from '../labels';

interface FormValues {
  typeCode: string;
  areaId: number;
  label: string;
  perCollector: boolean;
}

/** 生成二维码: a code per collector or per place that opens the phone self-registration page. */
export function QrDialog({
  open,
  onClose,
  catalog,
  typeCode,
}: {
  open: boolean;
  onClose: () => void;
  catalog: TypesAndPlaces;
  typeCode: string | undefined;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateQr();
  const [made, setMade] = useState<{ url: string; image: string | null } | null>(null);

  const submit = async (values: FormValues) => {
    try {
      const qr = await create.mutateAsync(values);
      const url = absoluteCollectUrl(qr.url);
      const image = await QRCode.toDataURL(url, { width: 240, margin: 1 }).catch(() => null);
      setMade({ url, image });
    } catch (error) {
      message.error(apiErrorMessage(error));
    }
  };

  const close = () => {
    setMade(null);
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      title="生成采集二维码"
      open={open}
      onCancel={close}
      footer={
        made ? (
          <Button onClick={close}>关闭</Button>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
              生成
            </Button>
          </Space>
        )
      }
      destroyOnHidden
    >
      {made ? (
        <div style={{ textAlign: 'center' }}>
          {made.image ? <img src={made.image} alt="采集二维码" width={240} height={240} /> : null}
          <Typography.Paragraph copyable={{ text: made.url }} style={{ marginTop: 12 }}>
            <a href={made.url} target="_blank" rel="noreferrer" aria-label="二维码地址">
              {made.url}
            </a>
          </Typography.Paragraph>
          <Typography.Text type="secondary">扫码后可在手机上自主登记，提交的信息进入审核</Typography.Text>
        </div>
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ typeCode, perCollector: false }}>
          <Form.Item name="typeCode" label="采集类型" rules={[{ required: true, message: '请选择采集类型' }]}>
            <Select
              aria-label="二维码采集类型"
              options={catalog.types.map((t) => ({ value: t.code, label: t.name }))}
            />
          </Form.Item>
          <Form.Item name="areaId" label="所属街道/社区" rules={[{ required: true, message: '请选择所属街道或社区' }]}>
            <Select
              aria-label="二维码所属区域"
              showSearch
              optionFilterProp="label"
              options={catalog.places.map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item
            name="label"
            label="二维码名称"
            rules={[{ required: true, whitespace: true, message: '请填写二维码名称（采集员或地点）' }]}
          >
            <Input aria-label="二维码名称" maxLength={60} placeholder="如：解放路沿街商铺、采集员张三" />
          </Form.Item>
          <Form.Item name="perCollector" label="我的专属二维码（登记记在我名下）" valuePropName="checked">
            <Switch aria-label="我的专属二维码" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
