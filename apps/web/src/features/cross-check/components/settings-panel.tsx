import { UNQUALIFIED_HANDLING } from '@citygov/domain/cross-check/reasons';
import { App, Button, Card, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type SaveSettingsInput, useCrossCheckSettings, useSaveCrossCheckSettings } from '../api/cross-check';

/** 抽查设置: what an unqualified sample does, the deduction, and the editable list of reason codes. */
export function SettingsPanel({ canEdit, readOnlyReason }: { canEdit: boolean; readOnlyReason: string | null }) {
  const settings = useCrossCheckSettings();
  const save = useSaveCrossCheckSettings();
  const { message } = App.useApp();
  const [form] = Form.useForm<SaveSettingsInput>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ ...settings.data.settings, reasons: settings.data.reasons });
  }, [settings.data, form]);
  const editable = canEdit && readOnlyReason === null;

  return (
    <Card size="small" loading={settings.isPending} style={{ maxWidth: 900 }}>
      {readOnlyReason ? <Typography.Paragraph type="secondary">{readOnlyReason}</Typography.Paragraph> : null}
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        onFinish={(values) =>
          save.mutate(values, {
            onSuccess: () => message.success('抽查设置已保存'),
            onError: (e) => message.error(apiErrorMessage(e)),
          })
        }
      >
        <Form.Item name="unqualifiedHandling" label="不合格案件处理">
          <Radio.Group options={Object.entries(UNQUALIFIED_HANDLING).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="deductionPoints"
          label="每件不合格扣分（计入考核时，从区县和部门综合得分中扣除）"
          rules={[{ required: true, message: '请填写扣分' }]}
        >
          <InputNumber aria-label="每件不合格扣分" min={0} max={20} step={0.5} />
        </Form.Item>
        <Typography.Text strong>不合格原因</Typography.Text>
        <Form.List name="reasons">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'code']} rules={[{ required: true, message: '请填写代码' }]}>
                    <Input
                      aria-label={`原因代码 ${index + 1}`}
                      placeholder="代码，如 staged_photos"
                      style={{ width: 220 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} rules={[{ required: true, message: '请填写名称' }]}>
                    <Input aria-label={`原因名称 ${index + 1}`} placeholder="名称" style={{ width: 260 }} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} aria-label={`删除原因 ${index + 1}`}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ code: '', label: '' })}>
                添加原因
              </Button>
            </div>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }}>
          保存设置
        </Button>
      </Form>
    </Card>
  );
}
