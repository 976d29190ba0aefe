import type { CaseStatus } from '../cases/case-states';
import type { AreaLevel, Counter, SubjectKind } from './subjects';

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

/** A case and its timeline, oldest event first; the facts every indicator is computed from. */
export interface CaseRecord {
  id: number;
  source: string;
  areaIds: Record<AreaLevel, number>;
  leadDepartmentId: number | null;
  status: CaseStatus;
  /** The running clock now (for cases still open past their deadline). */
  stageDeadlineAt: Date | null;
  paused: boolean;
  steps: readonly TimelineStep[];
}

/** One counted fact: this case counts in this counter of this subject. */
export interface Tally {
  subject: number;
  counter: Counter;
}

export interface TallyContext {
  /** The level areas are ranked at. */
  areaLevel: AreaLevel;
  /** Collectors whose patrol area holds the case (for 漏报: a problem someone else reported first). */
  collectorsCovering: (record: CaseRecord) => readonly number[];
  /** The evaluation's moment: an open case past its running deadline then is overdue. */
  asOf: Date;
}

const onTime = (step: TimelineStep) => step.deadlineAt === null || step.at.getTime() <= step.deadlineAt.getTime();
const CLOSING = new Set(['close', 'quickClose']);
const DISPATCHING = new Set(['dispatch', 'autoDispatch', 'forceDispatch']);
const HANDLING = new Set(['takeUp', 'feedBack']);
/** 返工: by the closer after a failed check, or by a cross-check supervisor after closing (抽查返工). */
const REWORK = new Set(['rework', 'crossCheckRework']);
const SAMPLE_VERDICTS = new Set(['crossCheckPass', 'crossCheckFail', 'crossCheckRework']);

/** 交叉抽查 facts of an area or department: reviewed, unqualified, and deducted (抽查不合格 计入考核). */
function sampleCounters(record: CaseRecord): Counter[] {
  const verdicts = stepsOf(record, SAMPLE_VERDICTS);
  if (verdicts.length === 0) return [];
  const out: Counter[] = ['sampled'];
  if (verdicts.some((s) => s.action !== 'crossCheckPass')) out.push('sampleFailed');
  if (verdicts.some((s) => s.action === 'crossCheckFail')) out.push('sampleDeducted');
  return out;
}

function stepsOf(record: CaseRecord, actions: ReadonlySet<string> | string): TimelineStep[] {
  const match = typeof actions === 'string' ? (a: string) => a === actions : (a: string) => actions.has(a);
  return record.steps.filter((s) => match(s.action));
}

function overdueNow(record: CaseRecord, asOf: Date): boolean {
  return !record.paused && record.stageDeadlineAt !== null && record.stageDeadlineAt.getTime() < asOf.getTime();
}

const isFinal = (status: CaseStatus) => status === 'closed' || status === 'voided' || status === 'merged';

/**
 * The counters one case adds for one kind of subject, read from its timeline in order.
 * A person's step counts for the person who took it (the actor on the timeline); areas
 * count by the case's area at the ranked level; departments by the case's lead department.
 */
export function tallyCase(kind: SubjectKind, record: CaseRecord, context: TallyContext): Tally[] {
  const out: Tally[] = [];
  const add = (subject: number | null, counter: Counter) => {
    if (subject !== null) out.push({ subject, counter });
  };
  const addStep = (steps: TimelineStep[], counter: Counter, onTimeCounter: Counter) => {
    // A step taken twice by one person (a second round) counts once, at its first time.
    const seen = new Set<number>();
    for (const step of steps) {
      if (step.actorId === null || seen.has(step.actorId)) continue;
      seen.add(step.actorId);
      add(step.actorId, counter);
      if (onTime(step)) add(step.actorId, onTimeCounter);
    }
  };
  const voided = record.steps.some((s) => s.toStatus === 'voided');
  const reworked = stepsOf(record, REWORK).length > 0;

  switch (kind) {
    case 'collector': {
      const report = record.steps[0];
      if (record.source === 'collector' && report && report.action === 'report') {
        add(report.actorId, 'reported');
        if (!voided) add(report.actorId, 'reportedValid');
      }
      for (const collector of context.collectorsCovering(record)) {
        add(collector, 'areaCases');
        if (record.source !== 'collector' && !voided) add(collector, 'missed');
      }
      addStep(stepsOf(record, 'submitVerification'), 'verified', 'verifiedOnTime');
      addStep(stepsOf(record, 'submitCheck'), 'checked', 'checkedOnTime');
      break;
    }
    case 'acceptor': {
      for (const step of stepsOf(record, 'accept').slice(0, 1)) add(step.actorId, 'accepted');
      addStep(stepsOf(record, 'requestVerify'), 'verifyDispatched', 'verifyDispatchedOnTime');
      addStep(stepsOf(record, 'requestCheck'), 'checkDispatched', 'checkDispatchedOnTime');
      break;
    }
    case 'shift_lead': {
      const filing = stepsOf(record, 'file');
      addStep(filing, 'filed', 'filedOnTime');
      const firstFiling = filing[0];
      if (firstFiling && voided) add(firstFiling.actorId, 'filedVoided');
      addStep(stepsOf(record, CLOSING), 'closed', 'closedOnTime');
      break;
    }
    case 'dispatcher': {
      const dispatching = stepsOf(record, DISPATCHING).filter((s) => s.action !== 'autoDispatch');
      addStep(dispatching, 'dispatched', 'dispatchedOnTime');
      // 返工 after a dispatch counts against the dispatcher who sent it last before the rework.
      for (const rework of stepsOf(record, 'rework')) {
        const sentBy = dispatching.filter((s) => s.at.getTime() <= rework.at.getTime()).at(-1);
        if (sentBy) add(sentBy.actorId, 'dispatchedReworked');
      }
      break;
    }
    case 'area': {
      const area = record.areaIds[context.areaLevel];
      add(area, 'cases');
      if (record.source === 'collector') add(area, 'supervisionReports');
      const filed = stepsOf(record, 'file').length > 0;
      if (filed && !voided) {
        add(area, 'shouldClose');
        const closing = stepsOf(record, CLOSING)[0];
        if (closing) {
          add(area, 'areaClosed');
          if (onTime(closing)) add(area, 'areaClosedOnTime');
        }
        if (stepsOf(record, 'approveHangUp').length > 0) add(area, 'deferred');
        if (reworked) add(area, 'reworked');
      }
      for (const counter of sampleCounters(record)) add(area, counter);
      const late = record.steps.some((s) => !onTime(s));
      if (late || (!isFinal(record.status) && overdueNow(record, context.asOf))) add(area, 'overdue');
      break;
    }
    case 'department': {
      const dept = record.leadDepartmentId;
      if (stepsOf(record, DISPATCHING).length === 0) break;
      add(dept, 'assigned');
      const feedback = stepsOf(record, 'feedBack')[0];
      if (feedback) {
        add(dept, 'handled');
        if (onTime(feedback)) add(dept, 'handledOnTime');
      }
      if (reworked) add(dept, 'deptReworked');
      for (const counter of sampleCounters(record)) add(dept, counter);
      const handlingLate = stepsOf(record, HANDLING).some((s) => !onTime(s));
      const stillHandling = record.status === 'dispatched' || record.status === 'handling';
      if (handlingLate || (stillHandling && overdueNow(record, context.asOf))) add(dept, 'overdueHandling');
      break;
    }
  }
  return out;
}

/** Every subject's counters over a set of cases: subject → counter → the ids of the cases it counts. */
export type SubjectCounters = Map<number, Map<Counter, number[]>>;

export function tallyCases(kind: SubjectKind, records: readonly CaseRecord[], context: TallyContext): SubjectCounters {
  const out: SubjectCounters = new Map();
  for (const record of records) {
    for (const { subject, counter } of tallyCase(kind, record, context)) {
      let counters = out.get(subject);
      if (!counters) {
        counters = new Map();
        out.set(subject, counters);
      }
      const ids = counters.get(counter);
      if (ids) ids.push(record.id);
      else counters.set(counter, [record.id]);
    }
  }
  return out;
}
