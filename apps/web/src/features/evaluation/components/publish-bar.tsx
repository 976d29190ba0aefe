import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import {
  type EvaluationTarget,
  type EvaluationView,
  usePublishEvaluation,
  useRecalculateEvaluation,
} from '../api/evaluation';
import { evaluationColumns, evaluationSheet } from '../evaluation-sheet';

async function exportExcel(view: EvaluationView, title: string) {
  const write = (await import('write-excel-file/browser')).default;
  await write(evaluationSheet(view), {
    sheet: '综合评价',
    columns: evaluationColumns(view),
    stickyRowsCount: 2,
  }).toFile(`综合评价-${title}-${view.period.key}.xlsx`);
}

/**
 * Whether the shown ranking is frozen (已发布) or live (实时计算), and the acts on it:
 * 发布 freezes it; 重新计算 (with a reason, logged) replaces a published one; 导出 Excel.
 */
export function PublishBar({
  target,
  view,
  title,
  canPublish,
}: {
  target: EvaluationTarget;
  view: EvaluationView;
  title: string;
  canPublish: boolean;
}) {
  const { message } = App.useApp();
  const publish = usePublishEvaluation();
  const recalculate = useRecalculateEvaluation();
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const published = view.published;
  return (
    <Space wrap>
      {published ? (
        <Tag color="green">
          已发布 · 第{published.revision}版 · {published.publishedBy} {formatDateTime(published.publishedAt)}
        </Tag>
      ) : (
        <Tag color="orange">未发布 · 实时计算于 {formatDateTime(view.computedAt)}</Tag>
      )}
      <Button onClick={() => void exportExcel(view, title)}>导出Excel</Button>
      {canPublish && !published ? (
        <Popconfirm
          title="发布后本周期结果将冻结，之后案件变化不再影响排名。确认发布？"
          okText="发布"
          cancelText="取消"
          onConfirm={() =>
            publish.mutateAsync(target).then(
              () => message.success('已发布'),
              (e: unknown) => message.error(apiErrorMessage(e)),
            )
          }
        >
          <Button type="primary" loading={publish.isPending}>
            发布
          </Button>
        </Popconfirm>
      ) : null}
      {canPublish && published ? <Button onClick={() => setAsking(true)}>重新计算</Button> : null}
      <Modal
        open={asking}
        title="重新计算已发布的结果"
        okText="重新计算"
        cancelText="取消"
        confirmLoading={recalculate.isPending}
        onCancel={() => setAsking(false)}
        onOk={() =>
          form.validateFields().then(({ reason }) =>
            recalculate.mutateAsync({ ...target, reason }).then(
              () => {
                setAsking(false);
                form.resetFields();
                message.success('已重新计算并发布新版本');
              },
              (e: unknown) => message.error(apiErrorMessage(e)),
            ),
          )
        }
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="将按当前案件记录重新计算，生成新版本；原版本保留，操作记入日志。"
        />
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="重新计算原因" rules={[{ required: true, min: 2, message: '请填写原因' }]}>
            <Input.TextArea rows={3} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
