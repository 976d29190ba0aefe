import type { CaseStatus } from '../cases/case-states';

/**
 * What a citizen may see of a case's progress (公众查询). The timeline is the staff's
 * working record: reasons, remarks and names in it are written for colleagues ("现场仍有
 * 残留杂物，请返工"). The public view is built from an allow-list instead: the steps named
 * here, in plain words, with their time only; the reply to the reporter; nothing else.
 */

/**
 * Timeline actions shown to the public, by the action recorded on `case_events`, with
 * the words shown. Everything else — verification and check tasks, rework (返工), returns,
 * extensions, hang-up and void requests, supervision and reminders, remarks, passing to a
 * sub-unit, assisting feedback, flags, automatic duplicate links on a lead case — is
 * internal work and never shown, so a new internal action stays hidden by default.
 */
export const PUBLIC_STEP_LABELS: Readonly<Record<string, string>> = {
  report: '收到反映',
  accept: '已受理',
  file: '已立案',
  dispatch: '已交处置单位办理',
  forceDispatch: '已交处置单位办理',
  autoDispatch: '已交处置单位办理',
  takeUp: '处置单位开始处置',
  feedBack: '处置单位反馈已处理',
  close: '已办结',
  quickClose: '已办结',
  refuseFiling: '不予立案',
  approveVoid: '已作废',
  merge: '与同一问题的其他反映合并办理',
  autoMerge: '与同一问题的其他反映合并办理',
  approveHangUp: '列入长期处理计划',
  resume: '恢复处置',
};

/**
 * Actions whose reason is the reply to the reporter (答复): the closing note and why a
 * report is not taken up. The desk tells whoever types it that the text is public; the
 * reasons of every other action stay internal.
 */
export const PUBLIC_REPLY_ACTIONS: readonly string[] = ['close', 'quickClose', 'refuseFiling'];

export function isPublicReplyAction(action: string): boolean {
  return PUBLIC_REPLY_ACTIONS.includes(action);
}

/** Case states in the words a citizen reads; internal stages (核实, 核查) fold into their neighbours. */
export const PUBLIC_STATUS_NAMES: Record<CaseStatus, string> = {
  reported: '待受理',
  accepted: '已受理',
  verifying: '已受理',
  filed: '已立案',
  dispatched: '处置中',
  handling: '处置中',
  fed_back: '已处置，待核查',
  checking: '已处置，待核查',
  closed: '已办结',
  voided: '已作废',
  merged: '已合并办理',
  hung_up: '长期处理中',
};

export function publicStatusName(status: string): string {
  return PUBLIC_STATUS_NAMES[status as CaseStatus] ?? '办理中';
}

export interface TimelineEntry {
  action: string;
  at: Date;
}

export interface PublicStep {
  label: string;
  at: Date;
}

/**
 * The public steps of a timeline: each step once, at the last time it happened (a
 * re-dispatch after a return, a second feedback after rework), in time order.
 */
export function publicSteps(entries: readonly TimelineEntry[]): PublicStep[] {
  const latest = new Map<string, Date>();
  for (const entry of entries) {
    const label = PUBLIC_STEP_LABELS[entry.action];
    if (!label) continue;
    const seen = latest.get(label);
    if (!seen || entry.at >= seen) latest.set(label, entry.at);
  }
  return [...latest].map(([label, at]) => ({ label, at })).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** "已办结：路面已修复" — the status in plain words, and the reply when there is one. */
export function publicStatusNote(status: string, reply: string | null): string {
  const name = publicStatusName(status);
  return reply ? `${name}：${reply}` : name;
}
