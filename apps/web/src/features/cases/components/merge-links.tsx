import { Alert, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import type { CaseDetail } from '../api/cases';

/** 并案 links: 「本案已并入 X」 with the lead's progress, and the cases merged into this one. */
export function MergeLinks({ detail }: { detail: CaseDetail }) {
  const { mergedInto, mergedCases } = detail;
  if (!mergedInto && mergedCases.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} size={12}>
      {mergedInto ? (
        <Alert
          type="info"
          showIcon
          role="status"
          title={
            <span>
              本案已并入 <Link to={`/desk/cases/${mergedInto.id}`}>{mergedInto.caseNo}</Link>
              ，由主案件统一办理。主案件当前状态：{mergedInto.statusName}
            </span>
          }
          description={
            mergedInto.closedAt
              ? `主案件于 ${formatDateTime(mergedInto.closedAt)} ${mergedInto.statusName}${
                  mergedInto.closingReason ? `：${mergedInto.closingReason}` : ''
                }`
              : undefined
          }
        />
      ) : null}
      {mergedCases.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          role="region"
          aria-label="并入的案件"
          title={`并入的案件（${mergedCases.length}）`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {mergedCases.map((m) => (
                <li key={m.id}>
                  <Link to={`/desk/cases/${m.id}`}>{m.caseNo}</Link>
                  <Typography.Text type="secondary">
                    {' '}
                    · {m.reporterName ?? '—'} · {formatDateTime(m.reportedAt)} 上报
                  </Typography.Text>
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Space>
  );
}
