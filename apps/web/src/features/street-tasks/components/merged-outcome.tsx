import { Alert } from 'antd';
import type { CaseDetail } from '../api/street-cases';
import { formatShort } from '../labels';

/** 并案 on the phone: the reporter follows the lead case's progress and outcome. */
export function MergedOutcome({ detail }: { detail: CaseDetail }) {
  const lead = detail.mergedInto;
  if (!lead) return null;
  const ended = lead.closedAt ? `，${formatShort(lead.closedAt)}${lead.statusName}` : '';
  return (
    <Alert
      type={lead.status === 'closed' ? 'success' : 'info'}
      showIcon
      role="status"
      title={`已与案件 ${lead.caseNo} 合并处理`}
      description={
        <>
          主案件当前状态：<strong>{lead.statusName}</strong>
          {ended}
          {lead.closingReason ? `。办理结果：${lead.closingReason}` : ''}
        </>
      }
    />
  );
}
