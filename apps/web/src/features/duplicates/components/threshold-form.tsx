import { Alert, App, Button, Col, Form, InputNumber, Row, Slider, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { type ThresholdsView, useSetDuplicateThresholds } from '../api/duplicates';
import { OUTCOMES, ThresholdZones } from './threshold-zones';

interface Values {
  /** Percent, 1–100. */
  review: number;
  merge: number;
}

const toPercent = (p: number) => Math.round(p * 1000) / 10;

/** A slider and a number box for one threshold; the box is the form field, the slider follows it. */
function PercentField({ name, label, help }: { name: keyof Values; label: string; help: string }) {
  const form = Form.useFormInstance<Values>();
  const value = Form.useWatch(name, form);
  return (
    <Form.Item label={label} required extra={help} style={{ marginBottom: 20 }}>
      <Row gutter={16} align="middle">
        <Col flex="auto">
          <Slider
            min={1}
            max={100}
            step={1}
            value={value}
            onChange={(v) => form.setFieldValue(name, v)}
            tooltip={{ formatter: (v) => `${v}%` }}
            ariaLabelForHandle={`${label}滑块`}
          />
        </Col>
        <Col flex="140px">
          <Form.Item name={name} noStyle>
            <InputNumber
              aria-label={label}
              min={1}
              max={100}
              step={1}
              precision={1}
              suffix="%"
              style={{ width: 130 }}
            />
          </Form.Item>
        </Col>
      </Row>
    </Form.Item>
  );
}

/** 判重设置: the two thresholds, the three outcomes they lead to, save. */
export function ThresholdForm({ view }: { view: ThresholdsView }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetDuplicateThresholds();
  const review = Form.useWatch('review', form) ?? toPercent(view.review);
  const merge = Form.useWatch('merge', form) ?? toPercent(view.merge);
  const invalid = !(review > 0 && merge <= 100 && review < merge);

  useEffect(() => {
    form.setFieldsValue({ review: toPercent(view.review), merge: toPercent(view.merge) });
  }, [form, view.review, view.merge]);

  const submit = async (values: Values) => {
    try {
      await save.mutateAsync({ review: values.review / 100, merge: values.merge / 100 });
      message.success('判重阈值已保存，新的上报即按此判定');
    } catch (error) {
      message.error(apiErrorMessage(error));
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={!view.editable} style={{ maxWidth: 760 }}>
      {view.editable ? null : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="判重阈值为全市统一设置，仅市级系统管理员可以修改；此处仅供查看"
        />
      )}
      <PercentField
        name="merge"
        label="自动并案阈值"
        help="新上报与在办案件的相似度达到此值即自动并案。设为 100% 则从不自动并案。"
      />
      <PercentField
        name="review"
        label="人工判重阈值"
        help="相似度达到此值（且低于自动并案阈值）即列入值班长的「疑似重复」清单。"
      />
      <Form.Item label="判定结果" style={{ marginBottom: 12 }}>
        <ThresholdZones review={review} merge={merge} />
      </Form.Item>
      <ul aria-label="三种判定结果" style={{ listStyle: 'none', padding: 0, margin: '0 0 16px' }}>
        {OUTCOMES.map((o) => (
          <li key={o.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
            <span
              aria-hidden="true"
              style={{ flex: 'none', width: 12, height: 12, marginTop: 5, borderRadius: 2, background: o.color }}
            />
            <span>
              <Typography.Text strong>{o.title}</Typography.Text>：{o.text}
            </span>
          </li>
        ))}
      </ul>
      {invalid ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="人工判重阈值须大于 0 且低于自动并案阈值，自动并案阈值不能超过 100%"
        />
      ) : null}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={invalid || !view.editable}>
          保存
        </Button>
        <Button
          disabled={!view.editable}
          onClick={() =>
            form.setFieldsValue({ review: toPercent(view.defaults.review), merge: toPercent(view.defaults.merge) })
          }
        >
          恢复默认值（{toPercent(view.defaults.merge)}% / {toPercent(view.defaults.review)}%）
        </Button>
        <Typography.Text type="secondary">
          {view.updatedAt
            ? `最近修改：${view.updatedBy ?? '—'}，${formatDateTime(view.updatedAt)}`
            : '当前为系统默认值'}
        </Typography.Text>
      </Space>
    </Form>
  );
}
