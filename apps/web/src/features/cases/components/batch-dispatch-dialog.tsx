import { Alert, App, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import type { CaseRow } from '../api/cases';
import { useBatchDispatch } from '../api/dispatch-tools';
import { isCaseConflict } from '../case-conflict';
import { DispatchFields } from './action-fields';

interface BatchValues {
  leadDepartmentId?: number;
  assistingDepartmentIds?: number[];
  reason?: string;
}

/** The categories among the ticked cases, most frequent first ("私搭乱建 ×3"). */
function categorySummary(cases: readonly CaseRow[]) {
  const counts = new Map<string, number>();
  for (const c of cases) {
    const name = c.categoryName ?? c.categoryCode;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/**
 * 批量派遣: the ticked cases to the same lead (and assisting) departments with one opinion,
 * all or nothing. A case someone else moved meanwhile stops the whole batch; the message
 * names it, the selection is cleared and the list reloads.
 */
export function BatchDispatchDialog({
  cases,
  onClose,
  onDone,
  onStale,
}: {
  cases: readonly CaseRow[];
  onClose: () => void;
  onDone: (count: number) => void;
  /** The batch met a case someone else had moved: start the selection again. */
  onStale: () => void;
}) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<BatchValues>();
  const [serverError, setServerError] = useState<string | null>(null);
  const batch = useBatchDispatch();
  const categories = useMemo(() => categorySummary(cases), [cases]);

  const submit = async (values: BatchValues) => {
    if (!values.leadDepartmentId) return;
    setServerError(null);
    try {
      const result = await batch.mutateAsync({
        items: cases.map((c) => ({ caseId: c.id, expectedVersion: c.version })),
        leadDepartmentId: values.leadDepartmentId,
        ...(values.assistingDepartmentIds?.length ? { assistingDepartmentIds: values.assistingDepartmentIds } : {}),
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      });
      onDone(result.count);
    } catch (error) {
      const message = apiErrorMessage(error);
      if (isCaseConflict(error)) {
        onStale();
        modal.warning({ title: '批量派遣未完成', content: message, okText: '知道了' });
        return;
      }
      setServerError(message);
    }
  };

  return (
    <Modal
      open
      title={`批量派遣 · ${cases.length} 件案件`}
      okText="派遣"
      cancelText="取消"
      confirmLoading={batch.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="所选案件派给同一主办（及协办）部门"
        description="任何一件不能派遣时，本批案件都不派遣，并提示是哪一件。"
      />
      <div style={{ marginBottom: 12 }}>
        <Space size={[4, 4]} wrap>
          {categories.map(([name, count]) => (
            <Tag key={name} color="geekblue">
              {name} ×{count}
            </Tag>
          ))}
        </Space>
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 2, tooltip: cases.map((c) => c.caseNo).join('、') }}
          style={{ margin: '6px 0 0', fontSize: 13 }}
        >
          {cases.map((c) => c.caseNo).join('、')}
        </Typography.Paragraph>
      </div>
      {serverError ? <Alert type="error" showIcon title={serverError} style={{ marginBottom: 12 }} /> : null}
      <Form<BatchValues> form={form} layout="vertical" onFinish={submit} requiredMark>
        <DispatchFields />
        <Form.Item name="reason" label="意见" rules={[{ max: 1000, message: '意见最多 1000 字' }]}>
          <Input.TextArea rows={3} showCount maxLength={1000} placeholder="选填，对每件案件相同" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
