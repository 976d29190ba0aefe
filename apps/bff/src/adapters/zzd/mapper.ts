import type { TZzdMessage, TZzdUser } from './schemas';

/** Who a 浙政钉 user is to us: looked up by account id first, then by employee code (工号). */
export interface ZzdIdentity {
  accountId: string;
  employeeCode: string | null;
  name: string;
}

export function identityOf(user: TZzdUser): ZzdIdentity {
  return {
    accountId: String(user.accountId),
    employeeCode: user.employeeCode?.trim() || null,
    name: user.lastName?.trim() || user.nickNameCn?.trim() || user.account?.trim() || `浙政钉用户${user.accountId}`,
  };
}

/** What a work notification says, by what happened to a case. */
export type TaskNoticeKind = 'new_task' | 'urge' | 'instruct' | 'supervise' | 'overdue_warning' | 'call_unanswered';

const NOTICE_TITLES: Record<TaskNoticeKind, string> = {
  new_task: '新任务',
  urge: '催办',
  instruct: '领导批示',
  supervise: '督办',
  overdue_warning: '即将超期',
  call_unanswered: '呼叫无人接听',
};

/** A link card to the case on the desk; `appUrl` is where our web app is reached. */
export function taskNotice(
  kind: TaskNoticeKind,
  task: { caseNumber: string; title: string; address?: string | null; deadline?: Date | null; caseId: number },
  appUrl: string,
): TZzdMessage {
  const lines = [`案件 ${task.caseNumber}：${task.title}`];
  if (task.address) lines.push(`地点：${task.address}`);
  if (task.deadline) {
    lines.push(`办理时限：${task.deadline.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`);
  }
  return {
    msgtype: 'link',
    link: {
      title: `【${NOTICE_TITLES[kind]}】${task.caseNumber}`,
      text: lines.join('\n'),
      messageUrl: `${appUrl.replace(/\/+$/, '')}/cases/${task.caseId}`,
    },
  };
}
