import { UNQUALIFIED_HANDLING } from '@citygov/domain/cross-check/reasons';
import { Alert, App, Button, Checkbox, Form, Input, Radio } from 'antd';
import { applyServerErrors } from '../../../lib/ui/server-errors';
import { type ReviewInput, type SampleDetail, useReviewSample } from '../api/cross-check';

type ReviewForm = Omit<ReviewInput, 'id'>;

/** 评审: 合格 / 不合格, the reason codes of an unqualified case and a note. */
export function ReviewForm({ detail }: { detail: SampleDetail }) {
  const review = useReviewSample();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewForm>();
  const verdict = Form.useWatch('verdict', form);
  const handling = UNQUALIFIED_HANDLING[detail.settings.unqualifiedHandling];

  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="抽查评审"
      onFinish={(values) =>
        review.mutate(
          { id: detail.sample.id, ...values },
          {
            onSuccess: (r) =>
              message.success(
                r.verdict === 'qualified'
                  ? '已评审：合格'
                  : `已评审：不合格（${r.action === 'crossCheckRework' ? '已返工' : '已计入考核'}）`,
              ),
            onError: (e) => message.error(applyServerErrors(form, e, ['verdict', 'reasonCodes', 'note'])),
          },
        )
      }
    >
      <Form.Item name="verdict" label="抽查结论" rules={[{ required: true, message: '请选择合格或不合格' }]}>
        <Radio.Group
          aria-label="抽查结论"
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'qualified', label: '合格' },
            { value: 'unqualified', label: '不合格' },
          ]}
        />
      </Form.Item>
      {verdict === 'unqualified' ? (
        <>
          <Form.Item name="reasonCodes" label="不合格原因" rules={[{ required: true, message: '请选择不合格原因' }]}>
            <Checkbox.Group
              aria-label="不合格原因"
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={detail.reasons.map((r) => ({ value: r.code, label: r.label }))}
            />
          </Form.Item>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={`不合格处理：${handling}${
              detail.settings.unqualifiedHandling === 'evaluation'
                ? `，每件扣 ${detail.settings.deductionPoints} 分`
                : '，案件退回处置部门'
            }`}
          />
        </>
      ) : null}
      <Form.Item
        name="note"
        label="评审说明"
        rules={verdict === 'unqualified' ? [{ required: true, min: 2, message: '请填写不合格说明' }] : []}
      >
        <Input.TextArea aria-label="评审说明" rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={review.isPending} block>
        提交评审
      </Button>
    </Form>
  );
}
