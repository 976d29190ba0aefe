import { App, Form, Input, Modal, Select } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { type RecordRow, type TypesAndPlaces, useCreateRecord, useUpdateRecord } from '../api/collection';
import { FieldInputs } from './field-inputs';

interface FormValues {
  typeCode: string;
  areaId: number;
  name: string;
  address?: string;
  ownerPhone?: string;
  values?: Record<string, string | undefined>;
}

/**
 * 新增 / 修改: a record entered or edited in the back office, with its type's own fields.
 * An edit shows masked numbers masked; sent back unchanged, the server keeps the stored ones.
 */
export function RecordFormDialog({
  open,
  onClose,
  catalog,
  typeCode,
  record,
}: {
  open: boolean;
  onClose: () => void;
  catalog: TypesAndPlaces;
  typeCode: string | undefined;
  record?: RecordRow | null;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const chosen = Form.useWatch('typeCode', form) ?? typeCode;
  const type = catalog.types.find((t) => t.code === chosen);
  const create = useCreateRecord();
  const update = useUpdateRecord();

  const submit = async (values: FormValues) => {
    const data = {
      name: values.name,
      address: values.address ?? '',
      ownerPhone: values.ownerPhone?.trim() ? values.ownerPhone.trim() : null,
      values: Object.fromEntries(
        Object.entries(values.values ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
      ),
    };
    try {
      const saved = record
        ? await update.mutateAsync({ id: record.id, data })
        : await create.mutateAsync({ typeCode: values.typeCode, areaId: values.areaId, ...data });
      message.success(saved.status === 'pending' && !record ? '已保存，等待审核' : '已保存');
      form.resetFields();
      onClose();
    } catch (error) {
      message.error(apiErrorMessage(error));
    }
  };

  return (
    <Modal
      title={record ? '修改采集信息' : '新增采集信息'}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          record
            ? {
                typeCode: record.typeCode,
                areaId: record.areaId,
                name: record.name,
                address: record.address,
                ownerPhone: record.ownerPhone ?? undefined,
                values: record.values,
              }
            : { typeCode }
        }
      >
        <Form.Item name="typeCode" label="采集类型" rules={[{ required: true, message: '请选择采集类型' }]}>
          <Select
            aria-label="采集类型"
            disabled={Boolean(record)}
            options={catalog.types.map((t) => ({ value: t.code, label: t.name }))}
          />
        </Form.Item>
        <Form.Item name="areaId" label="所属街道/社区" rules={[{ required: true, message: '请选择所属街道或社区' }]}>
          <Select
            aria-label="所属街道/社区"
            disabled={Boolean(record)}
            showSearch
            optionFilterProp="label"
            options={catalog.places.map((p) => ({
              value: p.id,
              label: p.level === 'street' ? p.name : `　${p.name}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input aria-label="名称" maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input aria-label="地址" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="ownerPhone"
          label="业主手机号"
          rules={[{ pattern: /^1(\d{10}|\d{2}\*{4}\d{4})$/, message: '请输入正确的手机号码' }]}
          extra="业主可用此手机号登录查看和修改自己的信息"
        >
          <Input aria-label="业主手机号" inputMode="numeric" maxLength={11} />
        </Form.Item>
        {/* An edited record keeps the form version it was made with. */}
        {record ? <FieldInputs fields={record.fields} /> : type ? <FieldInputs fields={type.fields} /> : null}
      </Form>
    </Modal>
  );
}
