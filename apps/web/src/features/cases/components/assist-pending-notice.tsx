import { Alert } from 'antd';
import { useCaseDetail } from '../api/cases';

/**
 * Before the lead department's 处置反馈: which assisting departments have not sent their
 * 协办反馈 yet. A reminder only — the lead may feed back without them.
 */
export function AssistPendingNotice({ caseId }: { caseId: number }) {
  const detail = useCaseDetail(caseId);
  const waiting = (detail.data?.departments ?? []).filter((d) => d.role === 'assist' && !d.fedBackAt);
  if (waiting.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`协办部门尚未反馈：${waiting.map((d) => d.name).join('、')}`}
      description="可以先提交处置反馈，但请确认协办事项已经完成。"
    />
  );
}
