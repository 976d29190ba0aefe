import type { Permission } from '../permissions';
import { type CaseStatus, OPEN_STATUSES, type PendingKind } from './case-states';

/**
 * Every action on a case: who may take it (permission), from which states, where it
 * leads, and whether it needs a reason. The BFF executes these; the desk shows the
 * same table as buttons, so what a user sees and what the server allows cannot drift.
 */
export type ReasonRule = 'required' | 'optional';

export interface CaseActionRule {
  label: string;
  permission: Permission;
  from: readonly CaseStatus[];
  /** 'same' keeps the state (side flows, supervision); 'resume' returns to the state before hang-up. */
  to: CaseStatus | 'same' | 'resume';
  reason: ReasonRule;
  /** Opens a pending request that someone else approves. */
  opens?: PendingKind;
  /** Approves or refuses the pending request of this kind. */
  settles?: PendingKind;
  /** Allowed while another request is pending (supervision and notes do not move the case). */
  whilePending?: boolean;
}

const OPEN = OPEN_STATUSES;

export const CASE_ACTIONS = {
  accept: { label: '受理', permission: 'case.accept', from: ['reported'], to: 'accepted', reason: 'optional' },
  requestVerify: {
    label: '派发核实',
    permission: 'case.accept',
    from: ['accepted'],
    to: 'verifying',
    reason: 'optional',
  },
  submitVerification: {
    label: '提交核实',
    permission: 'case.verify',
    from: ['verifying'],
    to: 'accepted',
    reason: 'required',
  },
  file: { label: '立案', permission: 'case.file', from: ['accepted'], to: 'filed', reason: 'optional' },
  refuseFiling: {
    label: '不予立案',
    permission: 'case.file',
    from: ['reported', 'accepted'],
    to: 'voided',
    reason: 'required',
  },
  dispatch: { label: '派遣', permission: 'case.dispatch', from: ['filed'], to: 'dispatched', reason: 'optional' },
  /** Dispatch the department cannot return: after a dispute, or to take a case from one department to another. */
  forceDispatch: {
    label: '强制派遣',
    permission: 'case.dispatch',
    from: ['filed', 'dispatched', 'handling'],
    to: 'dispatched',
    reason: 'required',
  },
  /** 二级派遣: the lead department passes the case to one of its sub-units; the deadline stays. */
  subDispatch: {
    label: '二级派遣',
    permission: 'case.handle',
    from: ['dispatched', 'handling'],
    to: 'dispatched',
    reason: 'optional',
  },
  /** 并案: this case is the same problem as another (the lead) and ends with it. */
  merge: {
    label: '并案',
    permission: 'case.file',
    from: ['reported', 'accepted', 'verifying', 'filed'],
    to: 'merged',
    reason: 'optional',
  },
  takeUp: { label: '签收', permission: 'case.handle', from: ['dispatched'], to: 'handling', reason: 'optional' },
  feedBack: { label: '处置反馈', permission: 'case.handle', from: ['handling'], to: 'fed_back', reason: 'required' },
  requestCheck: {
    label: '派发核查',
    permission: 'case.accept',
    from: ['fed_back'],
    to: 'checking',
    reason: 'optional',
  },
  submitCheck: { label: '提交核查', permission: 'case.check', from: ['checking'], to: 'fed_back', reason: 'required' },
  close: { label: '结案', permission: 'case.close', from: ['fed_back'], to: 'closed', reason: 'optional' },
  quickClose: { label: '快速结案', permission: 'case.close', from: ['fed_back'], to: 'closed', reason: 'required' },
  rework: { label: '返工', permission: 'case.close', from: ['fed_back'], to: 'handling', reason: 'required' },
  requestReturn: {
    label: '申请回退',
    permission: 'case.handle',
    from: ['dispatched', 'handling'],
    to: 'same',
    reason: 'required',
    opens: 'return',
  },
  approveReturn: {
    label: '同意回退',
    permission: 'case.dispatch',
    from: ['dispatched', 'handling'],
    to: 'filed',
    reason: 'optional',
    settles: 'return',
  },
  rejectReturn: {
    label: '驳回回退',
    permission: 'case.dispatch',
    from: ['dispatched', 'handling'],
    to: 'same',
    reason: 'required',
    settles: 'return',
  },
  requestExtension: {
    label: '申请延期',
    permission: 'case.handle',
    from: ['handling'],
    to: 'same',
    reason: 'required',
    opens: 'extension',
  },
  approveExtension: {
    label: '同意延期',
    permission: 'case.dispatch',
    from: ['handling'],
    to: 'same',
    reason: 'optional',
    settles: 'extension',
  },
  rejectExtension: {
    label: '驳回延期',
    permission: 'case.dispatch',
    from: ['handling'],
    to: 'same',
    reason: 'required',
    settles: 'extension',
  },
  requestHangUp: {
    label: '申请挂账',
    permission: 'case.handle',
    from: ['handling'],
    to: 'same',
    reason: 'required',
    opens: 'hang_up',
  },
  approveHangUp: {
    label: '同意挂账',
    permission: 'case.close',
    from: ['handling'],
    to: 'hung_up',
    reason: 'optional',
    settles: 'hang_up',
  },
  rejectHangUp: {
    label: '驳回挂账',
    permission: 'case.close',
    from: ['handling'],
    to: 'same',
    reason: 'required',
    settles: 'hang_up',
  },
  resume: { label: '解除挂账', permission: 'case.close', from: ['hung_up'], to: 'resume', reason: 'optional' },
  requestVoid: {
    label: '申请作废',
    permission: 'case.accept',
    from: ['reported', 'accepted'],
    to: 'same',
    reason: 'required',
    opens: 'void',
  },
  approveVoid: {
    label: '同意作废',
    permission: 'case.file',
    from: ['reported', 'accepted'],
    to: 'voided',
    reason: 'optional',
    settles: 'void',
  },
  rejectVoid: {
    label: '驳回作废',
    permission: 'case.file',
    from: ['reported', 'accepted'],
    to: 'same',
    reason: 'required',
    settles: 'void',
  },
  supervise: {
    label: '督办',
    permission: 'case.supervise',
    from: OPEN,
    to: 'same',
    reason: 'required',
    whilePending: true,
  },
  remind: {
    label: '催办',
    permission: 'case.supervise',
    from: OPEN,
    to: 'same',
    reason: 'required',
    whilePending: true,
  },
  /** An assisting (协办) department reports its part; the lead department's feedback moves the case. */
  assistFeedBack: {
    label: '协办反馈',
    permission: 'case.handle',
    from: ['dispatched', 'handling', 'fed_back'],
    to: 'same',
    reason: 'required',
    whilePending: true,
  },
  markDifficult: {
    label: '标记疑难',
    permission: 'case.dispatch',
    from: OPEN,
    to: 'same',
    reason: 'required',
    whilePending: true,
  },
} as const satisfies Record<string, CaseActionRule>;

export type CaseAction = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseAction[];

/**
 * Supervision and flags annotate a case without moving it: they neither need the
 * version the user saw nor bump it, so a leader's 督办 never voids a handler's submission.
 */
export function isAnnotation(action: CaseAction): boolean {
  const rule: CaseActionRule = CASE_ACTIONS[action];
  return rule.to === 'same' && rule.whilePending === true;
}

export function isCaseAction(value: string): value is CaseAction {
  return Object.hasOwn(CASE_ACTIONS, value);
}
