import { Alert } from 'antd';
import type { CaseDetail } from '../api/street-cases';

/** Before 处置反馈: the assisting departments that have not reported yet (a reminder, not a block). */
export function AssistPendingNote({ departments }: { departments: CaseDetail['departments'] }) {
  const waiting = departments.filter((d) => d.role === 'assist' && !d.fedBackAt);
  if (waiting.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={`协办部门尚未反馈：${waiting.map((d) => d.name).join('、')}`}
      description="可以先提交，但请确认协办事项已经完成。"
    />
  );
}
