import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type CaseRecord, useAddRemark } from '../api/cases';
import { PhrasePicker } from './phrase-picker';

/** 备注: a note on the timeline that moves nothing (and so never conflicts with anyone's action). */
export function RemarkDialog({
  record,
  onClose,
  onDone,
}: {
  record: CaseRecord;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const [serverError, setServerError] = useState<string | null>(null);
  const addRemark = useAddRemark();
  const text = Form.useWatch('text', form) ?? '';

  const submit = async ({ text: value }: { text: string }) => {
    setServerError(null);
    try {
      await addRemark.mutateAsync({ caseId: record.id, text: value.trim() });
      onDone();
    } catch (error) {
      setServerError(apiErrorMessage(error));
    }
  };

  return (
    <Modal
      open
      title={`备注 · 案件 ${record.caseNo}`}
      okText="提交"
      cancelText="取消"
      confirmLoading={addRemark.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {serverError ? <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="text"
          label="备注内容"
          rules={[
            { required: true, whitespace: true, message: '请填写备注' },
            { max: 1000, message: '备注最多 1000 字' },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={1000} placeholder="记录在流转记录中，不改变案件状态" />
        </Form.Item>
        <Form.Item label="习惯语" htmlFor="remark-phrase" style={{ marginBottom: 0 }}>
          <PhrasePicker
            id="remark-phrase"
            current={text}
            onPick={(phrase) => form.setFieldValue('text', text ? `${text}${phrase}` : phrase)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
