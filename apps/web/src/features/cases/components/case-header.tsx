import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CaseDetail } from '../api/cases';
import { PENDING_NAMES, stageName, statusColor, statusName, URGENCIES } from '../labels';
import { CaseFlags } from './case-flags';
import { DeadlineTag } from './deadline-tag';

/** Case number, status, urgency, the running stage and its countdown, coloured by level. */
export function CaseHeader({ detail, extra }: { detail: CaseDetail; extra?: ReactNode }) {
  const c = detail.case;
  const pending = c.pendingKind ? PENDING_NAMES[c.pendingKind] : null;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 16 }}>
      <div style={{ flex: 1, minWidth: 280 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          案件 {c.caseNo}
        </Typography.Title>
        <Space size={8} wrap style={{ marginTop: 6 }}>
          <Tag color={statusColor(c.status)} style={{ fontSize: 14, padding: '2px 10px' }}>
            {statusName(c.status)}
          </Tag>
          <Tag color={c.urgency === 'urgent' ? 'volcano' : 'default'}>{URGENCIES[c.urgency]}</Tag>
          <Typography.Text type="secondary">当前阶段：{stageName(c.stage)}</Typography.Text>
          <DeadlineTag level={detail.deadlineLevel} deadline={c.stageDeadlineAt} text={detail.clock?.text} />
          {pending ? <Tag color="orange">待审批：{pending}</Tag> : null}
          {c.forced ? (
            <Tag color="red" title="承办部门不能申请回退">
              强制派遣
            </Tag>
          ) : null}
          <CaseFlags supervised={c.supervised} difficult={c.difficult} />
        </Space>
      </div>
      {extra ? <Space wrap>{extra}</Space> : null}
    </div>
  );
}
