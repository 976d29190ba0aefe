import type { CaseStatus } from '../cases/case-states';
import { COUNTER_KEYS, type Counter, POSITION_KINDS, type PositionKind } from './subjects';

/**
 * One timeline event as the evaluation reads it: what happened, when, by whom, and the
 * deadline of the stage clock that was running when it happened (null: no clock ran,
 * or the event predates deadlines on the timeline; such a step counts as on time).
 */
export interface TimelineStep {
  action: string;
  at: Date;
  actorId: number | null;
  toStatus: CaseStatus;
  deadlineAt: Date | null;
}

/**
 * What a case's timeline adds to every ranking whatever the moment of the evaluation and
 * whoever patrols where: the same until the timeline changes, so it is computed once per
 * change and kept (evaluation_case_facts). What depends on the moment (an open case past
 * its deadline now) or on patrol areas (漏报) is added when tallying (case-facts.ts).
 */
export interface TimelineFacts {
  /**
   * Every position's counted steps, flat, three numbers each: the position (its index in
   * POSITION_KINDS), the actor, the counter (its index in COUNTER_KEYS). Numbers, not
   * objects: a month of a large city reads hundreds of thousands of these per ranking.
   */
  people: readonly number[];
  /** Counters (indexes in COUNTER_KEYS) for the case's area, at whatever level areas are ranked. */
  area: readonly number[];
  /** Counters for the case's lead department; null when never dispatched (no department counts it). */
  department: readonly number[] | null;
  voided: boolean;
}

export const counterIndex = (counter: Counter): number => COUNTER_KEYS.indexOf(counter);
export const positionIndex = (kind: PositionKind): number => POSITION_KINDS.indexOf(kind);

export const onTime = (step: TimelineStep) =>
  step.deadlineAt === null || step.at.getTime() <= step.deadlineAt.getTime();
const CLOSING = new Set(['close', 'quickClose']);
const DISPATCHING = new Set(['dispatch', 'autoDispatch', 'forceDispatch']);
const HANDLING = new Set(['takeUp', 'feedBack']);
/** 返工: by the closer after a failed check, or by a cross-check supervisor after closing (抽查返工). */
const REWORK = new Set(['rework', 'crossCheckRework']);
const SAMPLE_VERDICTS = new Set(['crossCheckPass', 'crossCheckFail', 'crossCheckRework']);

function stepsOf(steps: readonly TimelineStep[], actions: ReadonlySet<string> | string): TimelineStep[] {
  const match = typeof actions === 'string' ? (a: string) => a === actions : (a: string) => actions.has(a);
  return steps.filter((s) => match(s.action));
}

/** 交叉抽查 facts of an area or department: reviewed, unqualified, and deducted (抽查不合格 计入考核). */
function sampleCounters(steps: readonly TimelineStep[]): Counter[] {
  const verdicts = stepsOf(steps, SAMPLE_VERDICTS);
  if (verdicts.length === 0) return [];
  const out: Counter[] = ['sampled'];
  if (verdicts.some((s) => s.action !== 'crossCheckPass')) out.push('sampleFailed');
  if (verdicts.some((s) => s.action === 'crossCheckFail')) out.push('sampleDeducted');
  return out;
}

/**
 * The facts of one timeline, read in order. A person's step counts for the person who
 * took it (the actor on the timeline); a step taken twice by one person (a second round)
 * counts once, at its first time.
 */
export function timelineFacts(source: string, steps: readonly TimelineStep[]): TimelineFacts {
  const people: number[] = [];
  const add = (kind: PositionKind, subject: number | null, counter: Counter) => {
    if (subject !== null) people.push(positionIndex(kind), subject, counterIndex(counter));
  };
  const addStep = (kind: PositionKind, taken: TimelineStep[], counter: Counter, onTimeCounter: Counter) => {
    const seen = new Set<number>();
    for (const step of taken) {
      if (step.actorId === null || seen.has(step.actorId)) continue;
      seen.add(step.actorId);
      add(kind, step.actorId, counter);
      if (onTime(step)) add(kind, step.actorId, onTimeCounter);
    }
  };
  const voided = steps.some((s) => s.toStatus === 'voided');
  const reworked = stepsOf(steps, REWORK).length > 0;

  // 监督员: reports (effective unless voided), verifications and checks.
  const report = steps[0];
  if (source === 'collector' && report && report.action === 'report') {
    add('collector', report.actorId, 'reported');
    if (!voided) add('collector', report.actorId, 'reportedValid');
  }
  addStep('collector', stepsOf(steps, 'submitVerification'), 'verified', 'verifiedOnTime');
  addStep('collector', stepsOf(steps, 'submitCheck'), 'checked', 'checkedOnTime');

  // 受理员
  for (const step of stepsOf(steps, 'accept').slice(0, 1)) add('acceptor', step.actorId, 'accepted');
  addStep('acceptor', stepsOf(steps, 'requestVerify'), 'verifyDispatched', 'verifyDispatchedOnTime');
  addStep('acceptor', stepsOf(steps, 'requestCheck'), 'checkDispatched', 'checkDispatchedOnTime');

  // 值班长
  const filing = stepsOf(steps, 'file');
  addStep('shift_lead', filing, 'filed', 'filedOnTime');
  const firstFiling = filing[0];
  if (firstFiling && voided) add('shift_lead', firstFiling.actorId, 'filedVoided');
  addStep('shift_lead', stepsOf(steps, CLOSING), 'closed', 'closedOnTime');

  // 派遣员: 返工 after a dispatch counts against the dispatcher who sent it last before the rework.
  const dispatching = stepsOf(steps, DISPATCHING).filter((s) => s.action !== 'autoDispatch');
  addStep('dispatcher', dispatching, 'dispatched', 'dispatchedOnTime');
  for (const rework of stepsOf(steps, 'rework')) {
    const sentBy = dispatching.filter((s) => s.at.getTime() <= rework.at.getTime()).at(-1);
    if (sentBy) add('dispatcher', sentBy.actorId, 'dispatchedReworked');
  }

  // 区域: an open case past its deadline now is added when tallying.
  const area: Counter[] = ['cases'];
  if (source === 'collector') area.push('supervisionReports');
  if (filing.length > 0 && !voided) {
    area.push('shouldClose');
    const closing = stepsOf(steps, CLOSING)[0];
    if (closing) {
      area.push('areaClosed');
      if (onTime(closing)) area.push('areaClosedOnTime');
    }
    if (stepsOf(steps, 'approveHangUp').length > 0) area.push('deferred');
    if (reworked) area.push('reworked');
  }
  area.push(...sampleCounters(steps));
  if (steps.some((s) => !onTime(s))) area.push('overdue');

  // 部门: only cases dispatched to one; still handling past the deadline now is added when tallying.
  let department: Counter[] | null = null;
  if (stepsOf(steps, DISPATCHING).length > 0) {
    department = ['assigned'];
    const feedback = stepsOf(steps, 'feedBack')[0];
    if (feedback) {
      department.push('handled');
      if (onTime(feedback)) department.push('handledOnTime');
    }
    if (reworked) department.push('deptReworked');
    department.push(...sampleCounters(steps));
    if (stepsOf(steps, HANDLING).some((s) => !onTime(s))) department.push('overdueHandling');
  }
  return {
    people,
    area: area.map(counterIndex),
    department: department === null ? null : department.map(counterIndex),
    voided,
  };
}
