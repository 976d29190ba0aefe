import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Table, Tag, Typography } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { type CreatePlanInput, type Plan, useCreatePlan, usePlans } from '../api/cross-check';

interface PlanForm {
  districtId: number;
  mode: 'count' | 'share';
  amount: number;
  seed?: string;
}

/** 抽查计划 of a month: each county's draw (size, seed, strata) and its progress, and the form that draws one. */
export function PlanPanel({ month }: { month: string }) {
  const plans = usePlans(month);
  const create = useCreatePlan();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanForm>();
  const mode = Form.useWatch('mode', form) ?? 'count';
  const planned = new Set(plans.data?.plans.map((p) => p.districtId));
  const counties = (plans.data?.counties ?? []).filter((c) => !planned.has(c.id));

  const submit = (values: PlanForm) => {
    const input: CreatePlanInput = { month, ...values, ...(values.seed ? {} : { seed: undefined }) };
    create.mutate(input, {
      onSuccess: (r) => {
        message.success(`已抽取 ${r.size} 件（共 ${r.population} 件已结案），种子 ${r.seed}`);
        form.resetFields(['districtId', 'seed']);
      },
      onError: (e) => message.error(apiErrorMessage(e)),
    });
  };

  return (
    <>
      <Card size="small" title={`制定 ${month} 抽查计划`} style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" initialValues={{ mode: 'count', amount: 10 }} onFinish={submit}>
          <Form.Item name="districtId" label="区县" rules={[{ required: true, message: '请选择区县' }]}>
            <Select
              aria-label="区县"
              style={{ width: 160 }}
              placeholder={counties.length ? '选择区县' : '本月均已制定'}
              options={counties.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="mode" label="抽查方式">
            <Radio.Group
              options={[
                { value: 'count', label: '按数量' },
                { value: 'share', label: '按比例' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="amount"
            label={mode === 'count' ? '抽查件数' : '抽查比例（%）'}
            rules={[{ required: true, message: '请填写抽查数量或比例' }]}
          >
            <InputNumber
              aria-label={mode === 'count' ? '抽查件数' : '抽查比例'}
              min={1}
              max={mode === 'count' ? 500 : 100}
              precision={mode === 'count' ? 0 : 1}
            />
          </Form.Item>
          <Form.Item name="seed" label="随机种子">
            <Input aria-label="随机种子" placeholder="默认：月份|区县代码" style={{ width: 200 }} maxLength={60} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            抽取样本
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          从该区县本月已结案案件中按大类和来源分层抽取（最大余数法分配），同一种子结果相同；样本只分配给其他区县的督查员。
        </Typography.Paragraph>
      </Card>
      <Table<Plan>
        size="small"
        rowKey="id"
        loading={plans.isPending}
        dataSource={plans.data?.plans ?? []}
        pagination={false}
        aria-label="抽查计划"
        expandable={{
          expandedRowRender: (plan) => (
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={plan.strata}
              columns={[
                { title: '分层（大类 · 来源）', dataIndex: 'label' },
                { title: '本月已结案', dataIndex: 'population', width: 120 },
                { title: '抽取', dataIndex: 'drawn', width: 80 },
              ]}
            />
          ),
        }}
        columns={[
          { title: '区县', dataIndex: 'districtName' },
          {
            title: '抽查方式',
            render: (_, p) => (p.mode === 'count' ? `${p.amount} 件` : `${p.amount}%`),
          },
          { title: '已结案', dataIndex: 'population' },
          { title: '样本', dataIndex: 'sampled' },
          { title: '已评审', dataIndex: 'reviewed' },
          {
            title: '不合格',
            dataIndex: 'unqualified',
            render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
          },
          {
            title: '随机种子',
            dataIndex: 'seed',
            render: (seed: string) => <Typography.Text code>{seed}</Typography.Text>,
          },
          { title: '制定人', dataIndex: 'creator' },
          { title: '制定时间', dataIndex: 'createdAt', render: (at: Date) => formatDateTime(at) },
        ]}
      />
    </>
  );
}
