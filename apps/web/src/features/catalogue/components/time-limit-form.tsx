import { Alert, Button, Form, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type CategoryKey, type TimeLimitRow, useSetTimeLimit } from '../api/catalogue';
import {
  type CaseStage,
  type LimitUnit,
  STAGE_LABELS,
  STAGES,
  UNIT_LABELS,
  UNITS,
  URGENCIES,
  URGENCY_LABELS,
  type Urgency,
} from '../labels';

interface LimitValues {
  urgency: Urgency;
  stage: CaseStage;
  amount: number;
  unit: LimitUnit;
}

/** Sets one time limit of a category; `picked` pre-fills it from the grid. */
export function TimeLimitForm({
  category,
  limits,
  picked,
  onSaved,
}: {
  category: CategoryKey;
  limits: readonly TimeLimitRow[];
  picked: { urgency: Urgency; stage: CaseStage } | null;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<LimitValues>();
  const [error, setError] = useState<string | null>(null);
  const save = useSetTimeLimit();

  useEffect(() => {
    if (!picked) return;
    const current = limits.find((l) => l.urgency === picked.urgency && l.stage === picked.stage);
    form.setFieldsValue({ ...picked, amount: current?.amount ?? 1, unit: current?.unit ?? 'working_hours' });
  }, [picked, limits, form]);

  const submit = (values: LimitValues) => {
    setError(null);
    save.mutate({ ...category, ...values }, { onSuccess: onSaved, onError: (e) => setError(apiErrorMessage(e)) });
  };

  return (
    <Form<LimitValues>
      form={form}
      layout="vertical"
      initialValues={{ urgency: 'normal', stage: 'handle', amount: 1, unit: 'working_hours' }}
      onFinish={submit}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Space wrap align="end">
        <Form.Item label="紧急程度" name="urgency" style={{ marginBottom: 0 }}>
          <Select style={{ width: 100 }} options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} />
        </Form.Item>
        <Form.Item label="阶段" name="stage" style={{ marginBottom: 0 }}>
          <Select style={{ width: 100 }} options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} />
        </Form.Item>
        <Form.Item
          label="时限"
          name="amount"
          rules={[{ required: true, type: 'number', min: 1, max: 365, message: '时限为 1–365' }]}
          style={{ marginBottom: 0 }}
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item label="单位" name="unit" style={{ marginBottom: 0 }}>
          <Select style={{ width: 120 }} options={UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存时限
        </Button>
      </Space>
    </Form>
  );
}
