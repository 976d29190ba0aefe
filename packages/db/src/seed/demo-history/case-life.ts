/**
 * One demo case's life: the chain of steps it goes through from its report, with the
 * side roads real cases take (核实, 不予立案, 并案, 回退, 延期, 挂账, 督办, 返工, 快速结案),
 * each at an instant drawn from that stage's time limit. Pure: the caller passes the random
 * source and the nominal length of each stage; `caseStateAt` folds the steps that have
 * happened by "now" through the domain's own action planner, so the state a seeded case
 * ends in is the one the transition core would have left.
 */
import { CASE_ACTIONS, type CaseAction, isAnnotation } from '@citygov/domain/cases/case-actions';
import type { CaseEventKind } from '@citygov/domain/cases/case-notes';
import {
  type CaseStage,
  type CaseStatus,
  type CheckResult,
  FINAL_STATUSES,
  type PendingKind,
} from '@citygov/domain/cases/case-states';
import { planCaseAction } from '@citygov/domain/cases/plan-case-action';
import { PERMISSIONS, type Permission } from '@citygov/domain/permissions';

/** Who takes a step; the generator maps each to a demo account (or a system actor) of the case's district. */
export type StepRole =
  | 'reporter'
  | 'acceptor'
  | 'shiftLead'
  | 'dispatcher'
  | 'handler'
  | 'collector'
  | 'leader'
  | 'system';

export interface LifeStep {
  action: CaseEventKind;
  at: number;
  by: StepRole;
  reason: string | null;
  /** A verdict's finding (核实属实, 核查通过). */
  confirmed?: boolean;
  /** 延期: hours asked for (and granted on approval). */
  extensionHours?: number;
}

/** How often each side road is taken (shares of the cases that reach the step). */
export const LIFE_ODDS = {
  refuseFiling: 0.03,
  verify: 0.12,
  verifyFalse: 0.15,
  returnRequest: 0.03,
  extension: 0.07,
  hangUp: 0.012,
  resumeAfterHangUp: 0.5,
  supervise: 0.04,
  checkFails: 0.1,
  quickClose: 0.05,
  /** A case that gets stuck (权属争议, 疑难): its handling takes many times longer — the overdue backlog. */
  stall: 0.07,
} as const;

/** Mean share of a stage's limit a step takes (exponential: about one step in seven runs over). */
export const MEAN_SHARE_OF_LIMIT = 0.5;

const REASONS = {
  refuseFiling: ['不属于城管受理范围，已告知来电人', '重复上报，现场无此问题', '描述不清且无法联系上报人'],
  verifyFalse: ['现场核实无此问题', '问题已自行消失'],
  verifyTrue: ['现场核实属实，已拍照', '情况属实'],
  returnRequest: ['不属于本部门职责范围，请重新派遣', '权属不清，申请回退'],
  extension: ['需协调产权单位，申请延期', '材料采购中，申请延期处置', '天气原因无法施工'],
  hangUp: ['涉及征迁，暂不具备处置条件', '需上级统筹解决，申请挂账'],
  supervise: ['群众反映强烈，请加快处置', '多次投诉，请限期办结'],
  feedBack: ['已处置完毕，现场恢复正常', '已清理完毕', '已安排人员维修完成', '已劝离并教育，现场整洁', '已拆除并清运'],
  checkPassed: ['现场核查已整改到位', '核查通过'],
  checkFailed: ['现场仍未整改到位', '处置不彻底，问题仍存在'],
  rework: ['核查未通过，请重新处置'],
  quickClose: ['处置照片清晰，确认已完成，快速结案'],
} as const;

type Rand = () => number;

function pick<T>(rand: Rand, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

/** How many times longer a stuck case's handling takes (8 to 88). */
export function stallFactor(u: number): number {
  return 8 + 80 * u;
}

/** An exponential step length with the given mean (ms); never below a minute. */
export function stepLength(mean: number, u: number): number {
  return Math.max(60_000, -Math.log(1 - u) * mean);
}

export interface LifeInput {
  reportedAt: number;
  /** Nominal length (ms) of each timed stage's limit for this case's category and urgency. */
  stageLimitMs: (stage: CaseStage) => number;
  /** Whether an earlier case of the same problem is there to merge into (decided by the caller). */
  mergeIntoLead: boolean;
}

/** The whole life of a case as it would unfold, not cut at "now" (the caller cuts it). */
export function planCaseLife(rand: Rand, input: LifeInput): LifeStep[] {
  const steps: LifeStep[] = [{ action: 'report', at: input.reportedAt, by: 'reporter', reason: null }];
  let at = input.reportedAt;
  const after = (stage: CaseStage, factor = 1) => {
    at += stepLength(input.stageLimitMs(stage) * MEAN_SHARE_OF_LIMIT * factor, rand());
    return at;
  };
  const push = (action: CaseEventKind, by: StepRole, reason: string | null, extra: Partial<LifeStep> = {}) =>
    steps.push({ action, at, by, reason, ...extra });

  if (input.mergeIntoLead) {
    after('accept', 0.5);
    push('merge', 'shiftLead', null);
    return steps;
  }
  after('accept');
  if (rand() < LIFE_ODDS.refuseFiling) {
    push('refuseFiling', 'shiftLead', pick(rand, REASONS.refuseFiling));
    return steps;
  }
  push('accept', 'acceptor', null);
  if (rand() < LIFE_ODDS.verify) {
    after('file', 0.3);
    push('requestVerify', 'acceptor', null);
    after('file');
    if (rand() < LIFE_ODDS.verifyFalse) {
      push('submitVerification', 'collector', pick(rand, REASONS.verifyFalse), { confirmed: false });
      return steps;
    }
    push('submitVerification', 'collector', pick(rand, REASONS.verifyTrue), { confirmed: true });
  }
  after('file');
  push('file', 'shiftLead', null);
  const stall = rand() < LIFE_ODDS.stall ? stallFactor(rand()) : 1;
  dispatchAndHandle(
    rand,
    steps,
    () => at,
    (v) => (at = v),
    after,
    push,
    stall,
  );
  return steps;
}

type Push = (action: CaseEventKind, by: StepRole, reason: string | null, extra?: Partial<LifeStep>) => void;

/** From 已立案 to 结案: dispatch, handling with its side roads, feedback, check, close or rework. */
function dispatchAndHandle(
  rand: Rand,
  steps: LifeStep[],
  now: () => number,
  set: (at: number) => void,
  after: (stage: CaseStage, factor?: number) => number,
  push: Push,
  handleFactor: number,
): void {
  let returned = false;
  for (let round = 0; round < 4; round++) {
    after('dispatch');
    push('dispatch', 'dispatcher', null);
    if (!returned && rand() < LIFE_ODDS.returnRequest) {
      returned = true;
      after('handle', 0.1);
      push('requestReturn', 'handler', pick(rand, REASONS.returnRequest));
      after('dispatch', 0.5);
      push('approveReturn', 'dispatcher', null);
      continue;
    }
    break;
  }
  after('handle', 0.08);
  push('takeUp', 'handler', null);
  for (let rework = 0; rework < 3; rework++) {
    if (rand() < LIFE_ODDS.supervise) {
      after('handle', 0.2);
      push('supervise', 'leader', pick(rand, REASONS.supervise));
    }
    if (rand() < LIFE_ODDS.extension) {
      after('handle', 0.4);
      const hours = 24 * (1 + Math.floor(rand() * 3));
      push('requestExtension', 'handler', pick(rand, REASONS.extension), { extensionHours: hours });
      after('dispatch', 0.5);
      push('approveExtension', 'dispatcher', null, { extensionHours: hours });
    }
    if (rand() < LIFE_ODDS.hangUp) {
      after('handle', 0.3);
      push('requestHangUp', 'handler', pick(rand, REASONS.hangUp));
      after('dispatch');
      push('approveHangUp', 'shiftLead', null);
      if (rand() >= LIFE_ODDS.resumeAfterHangUp) return;
      set(now() + (10 + rand() * 60) * 86_400_000);
      push('resume', 'shiftLead', null);
    }
    after('handle', handleFactor);
    push('feedBack', 'handler', pick(rand, REASONS.feedBack));
    if (rand() < LIFE_ODDS.quickClose) {
      after('close');
      push('quickClose', 'shiftLead', pick(rand, REASONS.quickClose));
      return;
    }
    after('check', 0.2);
    push('requestCheck', 'acceptor', null);
    after('check');
    if (rand() < LIFE_ODDS.checkFails && rework < 2) {
      push('submitCheck', 'collector', pick(rand, REASONS.checkFailed), { confirmed: false });
      after('close', 0.5);
      push('rework', 'shiftLead', pick(rand, REASONS.rework));
      continue;
    }
    push('submitCheck', 'collector', pick(rand, REASONS.checkPassed), { confirmed: true });
    after('close');
    push('close', 'shiftLead', null);
    return;
  }
  // Three failed checks in a row are not a believable story: the loop ends closed above.
  steps.push({ action: 'close', at: now(), by: 'shiftLead', reason: null });
}

/** Where a case stands after the steps taken so far, as the transition core would have left it. */
export interface CaseState {
  status: CaseStatus;
  version: number;
  pendingKind: PendingKind | null;
  checkResult: CheckResult | null;
  hungUpFrom: CaseStatus | null;
  forced: boolean;
  /** The running (or paused) stage clock: its stage and when it started; null when none runs. */
  stage: CaseStage | null;
  stageStartedAt: number | null;
  /** Extra time granted by 同意延期 on the current clock, and time spent paused (挂账) on it. */
  extendedMs: number;
  pausedMs: number;
  pausedAt: number | null;
  supervised: boolean;
  /** Whether the lead department was ever reached (派遣) — it gets its case_departments row. */
  dispatched: boolean;
  filedAt: number | null;
  dispatchedAt: number | null;
  closedAt: number | null;
  updatedAt: number;
}

const ALL_PERMISSIONS: ReadonlySet<Permission> = new Set(Object.keys(PERMISSIONS) as Permission[]);

function isTransition(action: CaseEventKind): action is CaseAction {
  return Object.hasOwn(CASE_ACTIONS, action);
}

/** The first stage's clock (受理) starts at the report. */
export function caseStateAt(steps: readonly LifeStep[]): CaseState {
  const first = steps[0];
  if (first?.action !== 'report') throw new Error('a case life starts with its report');
  const state: CaseState = {
    status: 'reported',
    version: 1,
    pendingKind: null,
    checkResult: null,
    hungUpFrom: null,
    forced: false,
    stage: 'accept',
    stageStartedAt: first.at,
    extendedMs: 0,
    pausedMs: 0,
    pausedAt: null,
    supervised: false,
    dispatched: false,
    filedAt: null,
    dispatchedAt: null,
    closedAt: null,
    updatedAt: first.at,
  };
  for (const step of steps.slice(1)) applyStep(state, step);
  return state;
}

function applyStep(state: CaseState, step: LifeStep): void {
  if (!isTransition(step.action)) return;
  const action = step.action;
  // The domain's planner refuses an illegal step: a generator bug fails loudly here, not on a screen.
  const plan = planCaseAction(
    state,
    action,
    ALL_PERMISSIONS,
    { reason: step.reason, confirmed: step.confirmed },
    step.by === 'system' ? 'system' : 'person',
  );
  state.updatedAt = step.at;
  if (action === 'supervise') state.supervised = true;
  if (isAnnotation(action)) return;
  Object.assign(state, {
    status: plan.toStatus,
    pendingKind: plan.pendingKind,
    checkResult: plan.checkResult,
    hungUpFrom: plan.hungUpFrom,
    forced: plan.forced,
    version: state.version + 1,
  });
  if (action === 'file') state.filedAt = step.at;
  if (action === 'dispatch' || action === 'autoDispatch' || action === 'forceDispatch') {
    state.dispatchedAt = step.at;
    state.dispatched = true;
  }
  if (action === 'approveExtension') state.extendedMs += (step.extensionHours ?? 0) * 3_600_000;
  if (action === 'approveHangUp') state.pausedAt = step.at;
  if (action === 'resume' && state.pausedAt !== null) {
    state.pausedMs += step.at - state.pausedAt;
    state.pausedAt = null;
  }
  if (FINAL_STATUSES.includes(plan.toStatus)) {
    Object.assign(state, { stage: null, stageStartedAt: null, pausedAt: null, closedAt: step.at });
  } else if (plan.restartClock) {
    Object.assign(state, { stage: plan.stage, stageStartedAt: step.at, extendedMs: 0, pausedMs: 0, pausedAt: null });
  }
}

/** The steps that have happened by `nowMs`. */
export function stepsUntil(steps: readonly LifeStep[], nowMs: number): LifeStep[] {
  return steps.filter((s) => s.at <= nowMs);
}
