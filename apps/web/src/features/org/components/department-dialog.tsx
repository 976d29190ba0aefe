import { Alert, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { areaTreeOptions, departmentTreeOptions } from '../../../lib/tree-options';
import { applyServerErrors } from '../../../lib/ui/server-errors';
import { type AreaRow, type DepartmentRow, useCreateDepartment, useUpdateDepartment } from '../api/org';
import { DEPARTMENT_KIND_OPTIONS, type DepartmentKind } from '../labels';

interface DepartmentValues {
  name: string;
  kind: DepartmentKind;
  areaId: number;
  parentId?: number | null;
  phone?: string;
}

const FIELDS = ['name', 'kind', 'areaId', 'parentId', 'phone'] as const;

/** 新增部门 / 编辑部门. Editing changes only the name and phone, as the BFF allows. */
export function DepartmentDialog({
  open,
  editing,
  areas,
  departments,
  onClose,
}: {
  open: boolean;
  editing: DepartmentRow | null;
  areas: readonly AreaRow[];
  departments: readonly DepartmentRow[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<DepartmentValues>();
  const [serverError, setServerError] = useState<string | null>(null);
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const kind = Form.useWatch('kind', form);

  const submit = (values: DepartmentValues) => {
    setServerError(null);
    const phone = values.phone?.trim() ? values.phone.trim() : null;
    const onError = (error: unknown) => setServerError(applyServerErrors(form, error, FIELDS));
    if (editing) {
      update.mutate({ id: editing.id, data: { name: values.name, phone } }, { onSuccess: onClose, onError });
    } else {
      create.mutate(
        { name: values.name, kind: values.kind, areaId: values.areaId, parentId: values.parentId ?? null, phone },
        { onSuccess: onClose, onError },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? '编辑部门' : '新增部门'}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setServerError(null);
      }}
    >
      {serverError ? <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} /> : null}
      <Form<DepartmentValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={
          editing
            ? {
                name: editing.name,
                kind: editing.kind,
                areaId: editing.areaId,
                parentId: editing.parentId,
                phone: editing.phone ?? '',
              }
            : { kind: 'professional' }
        }
        onFinish={submit}
      >
        <Form.Item
          label="部门名称"
          name="name"
          rules={[{ required: true, min: 2, max: 60, message: '部门名称为 2–60 个字' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="部门类型" name="kind" rules={[{ required: true, message: '请选择部门类型' }]}>
          <Select options={DEPARTMENT_KIND_OPTIONS} disabled={Boolean(editing)} />
        </Form.Item>
        <Form.Item label="服务区域" name="areaId" rules={[{ required: true, message: '请选择服务区域' }]}>
          <TreeSelect
            treeData={areaTreeOptions(areas, ['city', 'district'])}
            treeDefaultExpandAll
            disabled={Boolean(editing)}
            placeholder="选择市或区"
          />
        </Form.Item>
        <Form.Item
          label="上级部门"
          name="parentId"
          rules={[{ required: kind === 'sub_unit' && !editing, message: '下级单位必须选择上级部门' }]}
        >
          <TreeSelect
            treeData={departmentTreeOptions(departments)}
            allowClear
            treeDefaultExpandAll
            disabled={Boolean(editing)}
            placeholder="无（顶级部门）"
          />
        </Form.Item>
        <Form.Item
          label="联系电话"
          name="phone"
          rules={[{ pattern: /^[0-9-]{7,20}$/, message: '电话格式不正确（7–20 位数字或连字符）' }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
