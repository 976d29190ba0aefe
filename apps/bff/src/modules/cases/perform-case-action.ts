import type { Queryable } from '@citygov/db/client';
import { caseDepartments, caseEvents, cases } from '@citygov/db/schema/cases';
import { CASE_ACTIONS, type CaseAction, isAnnotation, isCaseAction } from '@citygov/domain/cases/case-actions';
import { type PlannedAction, planCaseAction } from '@citygov/domain/cases/plan-case-action';
import { warningInstant } from '@citygov/domain/deadlines/countdown';
import { extendDeadline, type LimitUnit, resumeAfterPause } from '@citygov/domain/deadlines/time-limits';
import { ConflictError, ForbiddenError, ValidationError } from '@citygov/domain/errors';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/context';
import { attachUploads } from '../attachments/attach-uploads';
import { loadWorkingCalendar } from '../calendar/load-calendar';
import { dispatchAutomatically } from '../dispatch/automatic-dispatch';
import { pickCollector } from './case-assignments';
import { NO_CLOCK, type StageClock, startStageClock, WARNING_RATIO } from './case-clock';
import {
  type ActionEffects,
  assistFeedbackEffects,
  dispatchEffects,
  subDispatchEffects,
} from './case-department-effects';
import { mergeEffects, requireMergeLead } from './case-merge-effects';
import type { TCaseActionInput } from './case-schemas';
import { caseSnapshot, departmentPart } from './case-snapshot';
import { type CaseRow, loadCaseInScope } from './load-case';

type CaseUpdate = Partial<typeof cases.$inferInsert>;

async function staleVersionError(db: Queryable, row: CaseRow): Promise<ConflictError> {
  const [last] = await db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(desc(caseEvents.id))
    .limit(1);
  const who = last ? `${last.actorName ?? '他人'}已执行「${last.label}」` : '案件已被他人处理';
  return new ConflictError(`${who}，案件已更新，请刷新后再操作`);
}

/** What a side flow does to the clock: extension adds time, hang-up pauses, resume re-adds what was left. */
async function adjustClock(
  db: Queryable,
  row: CaseRow,
  action: CaseAction,
  restart: StageClock | null,
  now: Date,
): Promise<CaseUpdate> {
  if (restart) return { ...restart, pausedAt: null };
  const unit = row.stageUnit as LimitUnit | null;
  if (!unit || !row.stageDeadlineAt || !row.stageStartedAt) return {};
  const calendar = await loadWorkingCalendar(db);
  if (action === 'approveExtension') {
    const extension = (row.pendingData as { extension?: { amount: number; unit: LimitUnit } } | null)?.extension;
    if (!extension) return {};
    const deadline = extendDeadline(calendar, row.stageDeadlineAt, extension);
    return {
      stageDeadlineAt: deadline,
      stageWarnAt: warningInstant(calendar, row.stageStartedAt, deadline, unit, WARNING_RATIO),
    };
  }
  if (action === 'approveHangUp') return { pausedAt: now };
  if (action === 'resume' && row.pausedAt) {
    const deadline = resumeAfterPause(calendar, row.stageDeadlineAt, row.pausedAt, now, unit);
    const shift = deadline.getTime() - row.stageDeadlineAt.getTime();
    return {
      pausedAt: null,
      stageDeadlineAt: deadline,
      stageStartedAt: new Date(row.stageStartedAt.getTime() + shift),
      stageWarnAt: warningInstant(
        calendar,
        new Date(row.stageStartedAt.getTime() + shift),
        deadline,
        unit,
        WARNING_RATIO,
      ),
    };
  }
  return {};
}

/**
 * Runs one action on one case inside the caller's transaction: permission and state
 * rules first, then a conditional update on the expected state and version (a lost
 * race updates nothing and gets a conflict), then the timeline row.
 */
export async function performCaseAction(db: Queryable, user: SessionUser, input: TCaseActionInput, now = new Date()) {
  if (!isCaseAction(input.action)) throw new ValidationError('未知的操作');
  const action = input.action;
  // Permission before anything else: a caller who may never do this learns nothing about the case.
  const rule = CASE_ACTIONS[action];
  if (!user.permissions.has(rule.permission)) throw new ForbiddenError(`没有「${rule.label}」的权限`);
  const row = await loadCaseInScope(db, user, input.caseId);
  const annotation = isAnnotation(action);
  if (!annotation && row.version !== input.expectedVersion) throw await staleVersionError(db, row);
  const part = await departmentPart(db, user, row.id);
  const plan = planCaseAction(caseSnapshot(row, part), action, user.permissions, input);

  // An annotation writes only its own flags, never the (possibly stale) state it read.
  const update: CaseUpdate = annotation
    ? { updatedAt: now }
    : {
        status: plan.toStatus,
        pendingKind: plan.pendingKind,
        checkResult: plan.checkResult,
        hungUpFrom: plan.hungUpFrom,
        forced: plan.forced,
        updatedAt: now,
      };
  // Writes to other tables wait until the conditional update has claimed the case, so a
  // losing racer never touches them (and never trips over the winner's rows).
  const effects: ActionEffects = { update, detail: {}, sideEffects: [] };
  const { detail, sideEffects } = effects;
  if (plan.pendingKind === null && row.pendingKind) update.pendingData = null;

  switch (action) {
    case 'dispatch':
    case 'forceDispatch':
      await dispatchEffects(db, user, row, input, now, effects);
      break;
    case 'subDispatch':
      await subDispatchEffects(db, row, input, effects);
      break;
    case 'assistFeedBack':
      assistFeedbackEffects(db, user, row, part, plan.reason, now, effects);
      break;
    case 'merge': {
      const lead = await requireMergeLead(db, user, row, input.mergeIntoCaseId);
      mergeEffects(db, { id: user.id, name: user.displayName }, row, lead, plan.reason, now, effects);
      break;
    }
    case 'approveReturn':
      sideEffects.push(async () => {
        await db.delete(caseDepartments).where(eq(caseDepartments.caseId, row.id));
      });
      update.leadDepartmentId = null;
      break;
    case 'requestVerify':
    case 'requestCheck': {
      const collector = await pickCollector(db, row.gridId, input.assigneeId);
      update.assigneeId = collector.id;
      detail.assignee = collector.displayName;
      break;
    }
    case 'submitVerification':
    case 'submitCheck':
      if (row.assigneeId !== user.id) throw new ForbiddenError('这不是派给您的任务');
      detail.confirmed = input.confirmed;
      break;
    case 'requestExtension':
      if (!input.extension) throw new ValidationError('请填写延期时长');
      update.pendingData = { extension: input.extension, requestedBy: user.displayName };
      detail.extension = input.extension;
      break;
    case 'file':
      update.filedAt = now;
      break;
    case 'close':
    case 'quickClose':
    case 'refuseFiling':
    case 'approveVoid':
      update.closedAt = now;
      break;
    case 'supervise':
      update.supervised = true;
      break;
    case 'markDifficult':
      update.difficult = true;
      break;
    default:
      break;
  }
  if (plan.toStatus === 'voided') update.closedAt = now;

  const restart = plan.restartClock
    ? await startStageClock(db, await loadWorkingCalendar(db), subjectOf(row), plan.stage, now)
    : null;
  Object.assign(update, plan.stage === null && plan.toStatus !== 'hung_up' ? NO_CLOCK : {});
  Object.assign(update, await adjustClock(db, row, action, restart, now));

  const [updated] = await db
    .update(cases)
    .set(annotation ? update : { ...update, version: row.version + 1 })
    .where(
      annotation
        ? and(eq(cases.id, row.id), inArray(cases.status, [...rule.from]))
        : and(eq(cases.id, row.id), eq(cases.status, row.status), eq(cases.version, row.version)),
    )
    .returning();
  if (!updated) throw await staleVersionError(db, row);
  for (const effect of sideEffects) await effect();
  const [event] = await recordEvent(db, row, annotation ? updated.status : null, plan, user, detail, now);

  if (input.attachmentIds.length > 0) {
    await attachUploads(db, {
      caseId: row.id,
      eventId: event?.id ?? null,
      attachmentIds: input.attachmentIds,
      userId: user.id,
    });
  }
  // Filing may meet an automatic dispatch rule (自动派遣): then the case goes on with no human step.
  if (action === 'file') return (await dispatchAutomatically(db, updated, now)) ?? updated;
  return updated;
}

/** The timeline row; an annotation records the state the case was really in when it landed. */
function recordEvent(
  db: Queryable,
  row: CaseRow,
  landedIn: string | null,
  plan: PlannedAction,
  user: SessionUser,
  detail: Record<string, unknown>,
  now: Date,
) {
  return db
    .insert(caseEvents)
    .values({
      caseId: row.id,
      at: now,
      actorId: user.id,
      actorName: user.displayName,
      action: plan.action,
      label: plan.label,
      fromStatus: landedIn ?? plan.fromStatus,
      toStatus: landedIn ?? plan.toStatus,
      reason: plan.reason,
      detail: Object.keys(detail).length > 0 ? detail : null,
    })
    .returning({ id: caseEvents.id });
}

function subjectOf(row: CaseRow) {
  return {
    kind: row.kind,
    categoryCode: row.categoryCode,
    urgency: row.urgency,
  };
}
