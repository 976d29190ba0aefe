import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import type { Permission } from '../permissions';
import { CASE_ACTIONS, type CaseAction, type CaseActionRule } from './case-actions';
import {
  CASE_STATUS_NAMES,
  type CaseStage,
  type CaseStatus,
  type CheckResult,
  PENDING_KINDS,
  type PendingKind,
  stageOf,
} from './case-states';

/** What the rules need to know about a case to decide an action. */
export interface CaseSnapshot {
  status: CaseStatus;
  pendingKind: PendingKind | null;
  checkResult: CheckResult | null;
  hungUpFrom: CaseStatus | null;
  /** Sent by 强制派遣: the department may not return it. */
  forced?: boolean;
  /**
   * The caller's department's part in the case, for department staff: lead (主办),
   * assist (协办) or none. Undefined for staff outside departments (no such check).
   */
  departmentRole?: 'lead' | 'assist' | null;
}

export interface ActionInput {
  reason?: string | null | undefined;
  /** submitVerification: the report is real; submitCheck: the fix is acceptable. */
  confirmed?: boolean | undefined;
}

/** The effect of an allowed action; the BFF turns it into one conditional update. */
export interface PlannedAction {
  action: CaseAction;
  label: string;
  fromStatus: CaseStatus;
  toStatus: CaseStatus;
  pendingKind: PendingKind | null;
  checkResult: CheckResult | null;
  hungUpFrom: CaseStatus | null;
  forced: boolean;
  /** The stage whose clock runs afterwards, and whether it starts afresh. */
  stage: CaseStage | null;
  restartClock: boolean;
  reason: string | null;
}

function ruleOf(action: CaseAction): CaseActionRule {
  return CASE_ACTIONS[action];
}

/** Why an action cannot be taken in this state, or null when it can (permission aside). */
export function blockedReason(snapshot: CaseSnapshot, action: CaseAction): string | null {
  const rule = ruleOf(action);
  const stateName = CASE_STATUS_NAMES[snapshot.status];
  if (!rule.from.includes(snapshot.status)) return `案件当前状态为「${stateName}」，不能${rule.label}`;
  if (rule.settles) {
    if (snapshot.pendingKind !== rule.settles) return `没有待审批的${PENDING_KINDS[rule.settles]}`;
    return null;
  }
  const departmentBlock = departmentReason(snapshot, action, rule);
  if (departmentBlock) return departmentBlock;
  // Forcing a dispatch overrides the department's pending return request.
  const overridesReturn = action === 'forceDispatch' && snapshot.pendingKind === 'return';
  if (snapshot.pendingKind && !rule.whilePending && !overridesReturn) {
    return `案件有待审批的${PENDING_KINDS[snapshot.pendingKind]}，请先审批`;
  }
  if (action === 'close' && snapshot.checkResult !== 'passed')
    return '核查未通过或尚未核查，不能结案（可快速结案或返工）';
  if (action === 'requestCheck' && snapshot.checkResult === 'passed') return '核查已通过，可直接结案';
  if (action === 'resume' && !snapshot.hungUpFrom) return '挂账前状态未知，不能解除挂账';
  if (action === 'requestReturn' && snapshot.forced) return '该案件为强制派遣，不能申请回退';
  return null;
}

/** Department staff act on a case by their department's part in it: the lead handles, assisting ones report. */
function departmentReason(snapshot: CaseSnapshot, action: CaseAction, rule: CaseActionRule): string | null {
  if (rule.permission !== 'case.handle' || snapshot.departmentRole === undefined) return null;
  if (action === 'assistFeedBack') {
    return snapshot.departmentRole === 'assist' ? null : '只有协办部门可以提交协办反馈';
  }
  if (snapshot.departmentRole === 'lead') return null;
  return snapshot.departmentRole === 'assist' ? '贵部门为协办部门，请提交协办反馈' : '案件未派遣到贵部门';
}

function nextStatus(snapshot: CaseSnapshot, rule: CaseActionRule): CaseStatus {
  if (rule.to === 'same') return snapshot.status;
  if (rule.to === 'resume') return snapshot.hungUpFrom ?? snapshot.status;
  return rule.to;
}

/**
 * Decides an action: refuses a missing permission, an illegal state, or a missing
 * reason; otherwise returns the new state and what happens to the stage clock.
 */
export function planCaseAction(
  snapshot: CaseSnapshot,
  action: CaseAction,
  permissions: ReadonlySet<Permission>,
  input: ActionInput = {},
): PlannedAction {
  const rule = ruleOf(action);
  if (!permissions.has(rule.permission)) throw new ForbiddenError(`没有「${rule.label}」的权限`);
  const blocked = blockedReason(snapshot, action);
  if (blocked) throw new ConflictError(blocked);
  const reason = input.reason?.trim() || null;
  if (rule.reason === 'required' && !reason) throw new ValidationError(`请填写${rule.label}意见`);
  if ((action === 'submitVerification' || action === 'submitCheck') && input.confirmed === undefined) {
    throw new ValidationError(action === 'submitCheck' ? '请选择核查结果' : '请选择核实结果');
  }

  let toStatus = nextStatus(snapshot, rule);
  let checkResult = snapshot.checkResult;
  let pendingKind = snapshot.pendingKind;
  let hungUpFrom = snapshot.hungUpFrom;
  if (rule.opens) pendingKind = rule.opens;
  if (rule.settles || action === 'forceDispatch') pendingKind = null;
  if (action === 'submitVerification' && input.confirmed === false) toStatus = 'voided';
  if (action === 'submitCheck') checkResult = input.confirmed ? 'passed' : 'failed';
  const redispatch = action === 'dispatch' || action === 'forceDispatch' || action === 'approveReturn';
  if (action === 'rework' || redispatch) checkResult = null;
  const forced = action === 'forceDispatch' ? true : redispatch ? false : (snapshot.forced ?? false);
  if (action === 'approveHangUp') hungUpFrom = snapshot.status;
  if (action === 'resume') hungUpFrom = null;

  const before = stageOf(snapshot.status, snapshot.checkResult);
  const stage = stageOf(toStatus, checkResult);
  // Rework, a return and a forced re-dispatch start the clock again; resume keeps the paused
  // one, and a sub-unit (二级派遣) inherits its parent's deadline.
  const freshClock = action === 'rework' || action === 'approveReturn' || action === 'forceDispatch';
  const restartClock = action !== 'resume' && stage !== null && (stage !== before || freshClock);
  return {
    action,
    label: rule.label,
    fromStatus: snapshot.status,
    toStatus,
    pendingKind,
    checkResult,
    hungUpFrom,
    forced,
    stage,
    restartClock,
    reason,
  };
}

export interface ActionAvailability {
  action: CaseAction;
  label: string;
  enabled: boolean;
  /** Why a shown action is disabled now. */
  disabledReason: string | null;
  reason: CaseActionRule['reason'];
}

/**
 * The actions a user sees on a case: those their role may take at all, each enabled
 * or disabled with the reason the state forbids it now.
 */
export function availableActions(snapshot: CaseSnapshot, permissions: ReadonlySet<Permission>): ActionAvailability[] {
  return (Object.keys(CASE_ACTIONS) as CaseAction[])
    .filter((action) => permissions.has(ruleOf(action).permission))
    .filter((action) => {
      // Approvals only make sense while such a request is pending; don't clutter the desk otherwise.
      const rule = ruleOf(action);
      if (action === 'assistFeedBack') return snapshot.departmentRole === 'assist';
      return !rule.settles || snapshot.pendingKind === rule.settles;
    })
    .map((action) => {
      const disabledReason = blockedReason(snapshot, action);
      return {
        action,
        label: ruleOf(action).label,
        enabled: !disabledReason,
        disabledReason,
        reason: ruleOf(action).reason,
      };
    });
}
