import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import type { Permission } from '../permissions';
import { CHIEF_LINES, chiefTitle } from '../street-chiefs/chief-lines';
import { type ActorKind, actorOf, CASE_ACTIONS, type CaseAction, type CaseActionRule, ruleOf } from './case-actions';
import type { CaseSnapshot } from './case-snapshot';
import {
  CASE_STATUS_NAMES,
  type CaseStage,
  type CaseStatus,
  type CheckResult,
  PENDING_KINDS,
  type PendingKind,
  stageOf,
} from './case-states';

export type { CaseSnapshot } from './case-snapshot';

export interface ActionInput {
  reason?: string | null | undefined;
  /** A verdict action's finding: the report is real / the fix is acceptable. */
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
  /** The waiting request this action withdrew (处置反馈 while 延期 waits), if any. */
  withdrawn: PendingKind | null;
}

/** Why an action cannot be taken in this state, or null when it can (permission aside). */
export function blockedReason(snapshot: CaseSnapshot, action: CaseAction): string | null {
  const rule = ruleOf(action);
  const stateName = CASE_STATUS_NAMES[snapshot.status];
  if (!rule.from.includes(snapshot.status)) return `案件当前状态为「${stateName}」，不能${rule.label}`;
  const chiefBlock = chiefReason(snapshot, rule);
  if (chiefBlock) return chiefBlock;
  if (rule.settles) {
    if (snapshot.pendingKind !== rule.settles) return `没有待审批的${PENDING_KINDS[rule.settles]}`;
    return null;
  }
  const departmentBlock = departmentReason(snapshot, action, rule);
  if (departmentBlock) return departmentBlock;
  const overridden = rule.overrides !== undefined && snapshot.pendingKind === rule.overrides;
  if (snapshot.pendingKind && !rule.whilePending && !overridden && !withdrawsPending(snapshot, rule)) {
    // Read by the requester as well as the approver: say what waits, not who should act.
    return `案件有待审批的${PENDING_KINDS[snapshot.pendingKind]}，审批后才能${rule.label}`;
  }
  return rule.guard?.(snapshot) ?? null;
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

/** 街长制: only a chief of the case's grid, on the action's line and level, takes a chief action. */
function chiefReason(snapshot: CaseSnapshot, rule: CaseActionRule): string | null {
  const chief = rule.chief;
  if (!chief) return null;
  if (!snapshot.chiefLine) return '该案件不是街面治理案件';
  const held = snapshot.chiefPart?.[chief.level] ?? [];
  if (chief.line) {
    if (!held.includes(chief.line)) return `只有本网格的${chiefTitle(chief.line, chief.level)}可以${rule.label}`;
    if (chief.level === 'street' && !chief.anyLine && snapshot.chiefLine !== chief.line) {
      return `案件当前由${CHIEF_LINES[snapshot.chiefLine]}线处理，不能${rule.label}`;
    }
  } else if (held.length === 0) {
    return `只有本网格的片长可以${rule.label}`;
  }
  const signed = snapshot.closeSignedLine;
  if (rule.cosign && signed && !held.some((line) => line !== signed)) {
    return `${CHIEF_LINES[signed]}线片长已签认，等待另一条线片长${rule.label}`;
  }
  return null;
}

function nextStatus(snapshot: CaseSnapshot, rule: CaseActionRule, confirmed: boolean | undefined): CaseStatus {
  if (rule.verdict?.rejectedTo && confirmed === false) return rule.verdict.rejectedTo;
  if (rule.to === 'same') return snapshot.status;
  // The first of two lines to sign keeps the state; the second one moves it.
  if (rule.cosign && !snapshot.closeSignedLine) return snapshot.status;
  if (rule.to === 'resume') return snapshot.hungUpFrom ?? snapshot.status;
  return rule.to;
}

function withdrawsPending(snapshot: CaseSnapshot, rule: CaseActionRule): boolean {
  return snapshot.pendingKind !== null && (rule.withdraws?.includes(snapshot.pendingKind) ?? false);
}

function nextCheckResult(snapshot: CaseSnapshot, rule: CaseActionRule, confirmed: boolean | undefined) {
  if (rule.verdict?.sets === 'checkResult') return confirmed ? 'passed' : 'failed';
  return rule.clearsCheck ? null : snapshot.checkResult;
}

function nextPending(snapshot: CaseSnapshot, rule: CaseActionRule): PendingKind | null {
  if (rule.opens) return rule.opens;
  if (rule.settles || rule.overrides || withdrawsPending(snapshot, rule)) return null;
  return snapshot.pendingKind;
}

/**
 * Decides an action: refuses a missing permission, an actor of the wrong kind, an illegal
 * state, or a missing reason or finding; otherwise returns the new state and what happens
 * to the stage clock. Everything particular to an action is a property of its row in
 * the action table, so this function names no action.
 */
export function planCaseAction(
  snapshot: CaseSnapshot,
  action: CaseAction,
  permissions: ReadonlySet<Permission>,
  input: ActionInput = {},
  actor: ActorKind = 'person',
): PlannedAction {
  const rule = ruleOf(action);
  if (!permissions.has(rule.permission)) throw new ForbiddenError(`没有「${rule.label}」的权限`);
  if (actorOf(action) !== actor) throw new ForbiddenError(`「${rule.label}」由系统执行`, { code: 'ACTION_FORBIDDEN' });
  const blocked = blockedReason(snapshot, action);
  if (blocked) throw new ConflictError(blocked, { code: 'CASE_STATE_CONFLICT' });
  const reason = input.reason?.trim() || null;
  if (rule.reason === 'required' && !reason) {
    throw new ValidationError(`请填写${rule.label}意见`, { code: 'REASON_REQUIRED', field: 'reason' });
  }
  if (rule.verdict && input.confirmed === undefined) {
    const finding = rule.verdict.sets === 'checkResult' ? '核查结果' : '核实结果';
    throw new ValidationError(`请选择${finding}`, { field: 'confirmed' });
  }

  const toStatus = nextStatus(snapshot, rule, input.confirmed);
  const checkResult = nextCheckResult(snapshot, rule, input.confirmed);
  const forced = rule.forced === 'set' ? true : rule.forced === 'clear' ? false : (snapshot.forced ?? false);
  const hungUpFrom =
    rule.hangUp === 'record' ? snapshot.status : rule.hangUp === 'restore' ? null : snapshot.hungUpFrom;

  const before = stageOf(snapshot.status, snapshot.checkResult);
  const stage = stageOf(toStatus, checkResult);
  const restartClock = rule.clock !== 'keep' && stage !== null && (stage !== before || rule.clock === 'restart');
  return {
    action,
    label: rule.label,
    fromStatus: snapshot.status,
    toStatus,
    pendingKind: nextPending(snapshot, rule),
    checkResult,
    hungUpFrom,
    forced,
    stage,
    restartClock,
    reason,
    withdrawn: withdrawsPending(snapshot, rule) ? snapshot.pendingKind : null,
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
 * or disabled with the reason the state forbids it now. System actions never show.
 */
export function availableActions(snapshot: CaseSnapshot, permissions: ReadonlySet<Permission>): ActionAvailability[] {
  return (Object.keys(CASE_ACTIONS) as CaseAction[])
    .filter((action) => actorOf(action) === 'person' && permissions.has(ruleOf(action).permission))
    .filter((action) => (ruleOf(action) as CaseActionRule).desk !== false)
    .filter((action) => {
      // Approvals only make sense while such a request is pending; don't clutter the desk otherwise.
      const rule = ruleOf(action);
      if (action === 'assistFeedBack') return snapshot.departmentRole === 'assist';
      // Chief actions show on street-governance cases, to chiefs of that level.
      if (rule.chief) {
        const held = snapshot.chiefPart?.[rule.chief.level] ?? [];
        // A chief sees their own line's actions; another line's are not theirs to take, ever.
        const post = rule.chief.line ? held.includes(rule.chief.line) : held.length > 0;
        if (!snapshot.chiefLine || !post) return false;
      }
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
