import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type CategoryRow, useUpdateCategory } from '../api/catalogue';
import { KIND_LABELS } from '../labels';

interface CategoryValues {
  name: string;
  synonyms: string[];
  fileCondition: string;
  closeCondition: string;
}

/** Edits a category's name, synonyms and local 立案 / 结案 conditions (category.manage). */
export function CategoryEditDialog({
  category,
  onClose,
  onSaved,
}: {
  category: CategoryRow | null;
  onClose: () => void;
  onSaved: (category: CategoryRow) => void;
}) {
  const [form] = Form.useForm<CategoryValues>();
  const [serverError, setServerError] = useState<string | null>(null);
  const update = useUpdateCategory();

  const submit = (values: CategoryValues) => {
    if (!category) return;
    setServerError(null);
    update.mutate(
      {
        kind: category.kind,
        code: category.code,
        data: {
          name: values.name.trim(),
          synonyms: values.synonyms.map((s) => s.trim()).filter(Boolean),
          fileCondition: values.fileCondition.trim(),
          closeCondition: values.closeCondition.trim(),
        },
      },
      {
        onSuccess: (saved) => {
          onSaved(saved);
          onClose();
        },
        onError: (error) => setServerError(apiErrorMessage(error)),
      },
    );
  };

  return (
    <Modal
      open={category !== null}
      title={category ? `编辑${KIND_LABELS[category.kind]}分类：${category.code}` : '编辑分类'}
      okText="保存"
      cancelText="取消"
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      afterOpenChange={(visible) => {
        if (!visible) setServerError(null);
      }}
    >
      {serverError ? <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} /> : null}
      <Form<CategoryValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={
          category
            ? {
                name: category.name,
                synonyms: category.synonyms,
                fileCondition: category.fileCondition,
                closeCondition: category.closeCondition,
              }
            : undefined
        }
        onFinish={submit}
      >
        <Form.Item label="名称" name="name" rules={[{ required: true, min: 2, max: 40, message: '名称为 2–40 个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="同义词" name="synonyms" extra="输入后按回车添加，用于小类助手检索">
          <Select mode="tags" tokenSeparators={['、', ',', '，']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item
          label="立案条件"
          name="fileCondition"
          rules={[{ required: true, min: 2, max: 500, message: '请填写立案条件（2–500 字）' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item
          label="结案条件"
          name="closeCondition"
          rules={[{ required: true, min: 2, max: 500, message: '请填写结案条件（2–500 字）' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
