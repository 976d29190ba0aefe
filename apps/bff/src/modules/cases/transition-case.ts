import type { Queryable } from '@citygov/db/client';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { actorOf, type CaseAction, isAnnotation, ruleOf } from '@citygov/domain/cases/case-actions';
import { CASE_NOTES } from '@citygov/domain/cases/case-notes';
import { FINAL_STATUSES, PENDING_KINDS } from '@citygov/domain/cases/case-states';
import { planCaseAction } from '@citygov/domain/cases/plan-case-action';
import { ConflictError, ForbiddenError } from '@citygov/domain/errors';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { loadWorkingCalendar } from '../calendar/api';
import { appendCaseEvent } from '../events/api';
import type { CaseUpdate } from './actions/action-handler';
import { CASE_ACTION_HANDLERS } from './actions/registry';
import { attachUploads } from './attach-uploads';
import type { CaseActor } from './case-actor';
import { NO_CLOCK, type StageClock, startStageClock } from './case-clock';
import { giveBackCaseNo, nextCaseNo } from './case-numbers';
import { caseSnapshot, chiefPart, departmentPart } from './case-snapshot';
import type { CaseRow } from './load-case';

/** What every action may carry besides its own fields. */
export interface TransitionInput {
  /** The version the actor saw; a newer one means someone else acted first. Not needed by annotations. */
  expectedVersion?: number | undefined;
  reason?: string | undefined;
  confirmed?: boolean | undefined;
  attachmentIds?: readonly number[] | undefined;
}

/** Refuses an actor who may never take this action, before the case is even read. */
export function requireActionPermission(actor: CaseActor, action: CaseAction): void {
  const rule = ruleOf(action);
  if (!actor.permissions.has(rule.permission)) throw new ForbiddenError(`没有「${rule.label}」的权限`);
  if (actorOf(action) !== actor.kind)
    throw new ForbiddenError(`「${rule.label}」由系统执行`, { code: 'ACTION_FORBIDDEN' });
}

async function staleVersionError(db: Queryable, row: CaseRow): Promise<ConflictError> {
  const [last] = await db
    .select({ actorName: caseEvents.actorName, label: caseEvents.label })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(desc(caseEvents.id))
    .limit(1);
  const who = last ? `${last.actorName ?? '他人'}已执行「${last.label}」` : '案件已被他人处理';
  return new ConflictError(`${who}，案件已更新，请刷新后再操作`, { code: 'CASE_VERSION_CONFLICT' });
}

/**
 * The one place a case changes state. Inside the caller's transaction: the rules decide
 * (permission, state, reason), the action's own file adds its effects, one conditional
 * update claims the case (`where status = seen and version = seen`, so a lost race changes
 * nothing and gets a conflict), then the other tables, the timeline + stream event and the
 * photos. The event row is the case's own change log (append-only, in the same
 * transaction); the request that caused it is in the audit log, written last by the
 * procedure (the audit chain's lock must be the last one a transaction takes). People and
 * system actors (自动派遣, 智能判重…) come through here alike; a follow-up step (立案 → 自动派遣)
 * is another transition in the same transaction.
 */
export async function transitionCase(
  db: Queryable,
  actor: CaseActor,
  row: CaseRow,
  action: CaseAction,
  input: TransitionInput & object,
  now = new Date(),
): Promise<CaseRow> {
  requireActionPermission(actor, action);
  const annotation = isAnnotation(action);
  const expected = input.expectedVersion ?? row.version;
  if (!annotation && row.version !== expected) throw await staleVersionError(db, row);
  const part = actor.user ? await departmentPart(db, actor.user, row.id) : undefined;
  const chief = actor.user ? await chiefPart(db, actor.user, row, now) : undefined;
  const plan = planCaseAction(caseSnapshot(row, part, chief), action, actor.permissions, input, actor.kind);

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
        ...(plan.pendingKind === null && row.pendingKind ? { pendingData: null } : {}),
      };
  if (!annotation && FINAL_STATUSES.includes(plan.toStatus))
    Object.assign(update, NO_CLOCK, { closedAt: now, pausedAt: null });
  if (plan.restartClock) {
    const clock = await startStageClock(db, loadWorkingCalendar(db), row, plan.stage, now);
    Object.assign(update, clock, { pausedAt: null });
  }
  // A request the action made moot (处置反馈 while 延期 waits) is named on the timeline.
  const detail: Record<string, unknown> = plan.withdrawn ? { withdrawn: PENDING_KINDS[plan.withdrawn] } : {};
  const after: (() => Promise<void>)[] = [];
  const handler = CASE_ACTION_HANDLERS[action];
  await handler.prepare({ db, actor, row, plan, part, chief, now, update, detail, after: (w) => after.push(w) }, input);

  // Writes to other tables wait until this update has claimed the case, so a losing racer
  // never touches them (and never trips over the winner's rows).
  const [updated] = await db
    .update(cases)
    .set(annotation ? update : { ...update, version: row.version + 1 })
    .where(
      annotation
        ? and(eq(cases.id, row.id), inArray(cases.status, [...ruleOf(action).from]))
        : and(eq(cases.id, row.id), eq(cases.status, row.status), eq(cases.version, row.version)),
    )
    .returning();
  if (!updated) throw await staleVersionError(db, row);
  for (const write of after) await write();

  // An annotation records the state the case was really in when it landed.
  const event = await appendCaseEvent(db, {
    caseId: row.id,
    action,
    label: plan.label,
    actor,
    fromStatus: annotation ? updated.status : plan.fromStatus,
    toStatus: annotation ? updated.status : plan.toStatus,
    reason: plan.reason,
    detail,
    at: now,
    // The deadline the step was working against, as it stood (a paused clock has none).
    deadlineAt: annotation || row.pausedAt ? null : row.stageDeadlineAt,
  });
  if (actor.id !== null && input.attachmentIds && input.attachmentIds.length > 0) {
    await attachUploads(db, {
      caseId: row.id,
      eventId: event.id,
      attachmentIds: [...input.attachmentIds],
      userId: actor.id,
    });
  }
  const next = await handler.followUp?.(db, updated);
  return next ? transitionCase(db, next.actor, updated, next.action, next.input, now) : updated;
}

/** The case a report with this client request id already saved, if any. */
async function savedReport(
  db: Queryable,
  values: Pick<NewCase, 'reportedBy' | 'clientRequestId'>,
): Promise<CaseRow | undefined> {
  if (!values.clientRequestId || !values.reportedBy) return undefined;
  const [saved] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.reportedBy, values.reportedBy), eq(cases.clientRequestId, values.clientRequestId)));
  return saved;
}

/** A new case's own facts; the core adds its number, first state and clock. */
export type NewCase = Omit<
  typeof cases.$inferInsert,
  'id' | 'caseNo' | 'status' | 'version' | 'stage' | 'stageUnit' | 'stageStartedAt' | 'stageWarnAt' | 'stageDeadlineAt'
>;

/** What opening a case reads before it takes a number: a saved retry of the report, and the accept clock. */
export interface ReadBeforeOpen {
  savedBefore: CaseRow | undefined;
  clock: StageClock;
}

/**
 * The reads of `openCase`, sent together (postgres.js pipelines them on the transaction's
 * connection: one round trip, not three). A caller with lookups of its own can start this
 * beside them and hand the result to `openCase`.
 */
export async function readBeforeOpen(
  db: Queryable,
  values: Pick<NewCase, 'reportedBy' | 'clientRequestId' | 'kind' | 'categoryCode' | 'urgency'>,
  now: Date,
): Promise<ReadBeforeOpen> {
  const [savedBefore, clock] = await Promise.all([
    savedReport(db, values),
    startStageClock(db, loadWorkingCalendar(db), values, 'accept', now),
  ]);
  return { savedBefore, clock };
}

/**
 * Opens a case (上报): numbered, in 待受理 with the accept clock running, and its first
 * event. A report retried with the same client request id returns the case already saved.
 *
 * The case-number counter is locked until commit (gapless numbers), which makes every
 * report wait for the one before it: everything that does not need the number (the
 * retry lookup, the clock) runs before the number is taken, so the lock is held only for
 * the writes and the commit. A retry racing the first attempt is caught by the unique
 * (reported_by, client_request_id) index, which waits for the first one's commit.
 */
export async function openCase(
  db: Queryable,
  actor: CaseActor,
  values: NewCase,
  detail: Record<string, unknown>,
  now: Date,
  options: { reissueTrackingCode?: () => string; read?: ReadBeforeOpen } = {},
): Promise<{ row: CaseRow; created: boolean; eventId: number | null }> {
  const { savedBefore, clock } = options.read ?? (await readBeforeOpen(db, values, now));
  if (savedBefore) return { row: savedBefore, created: false, eventId: null };
  let row: CaseRow | undefined;
  for (let attempt = 0; !row && attempt < 5; attempt++) {
    // A citizen's tracking code is random; on the rare draw of one already taken, draw again.
    const trackingCode = attempt === 0 ? values.trackingCode : (options.reissueTrackingCode?.() ?? null);
    const { year, withCaseNo, caseNo } = nextCaseNo(db, now);
    [row] = await db
      .with(withCaseNo)
      .insert(cases)
      .values({ ...values, trackingCode, caseNo, status: 'reported', ...clock })
      .onConflictDoNothing()
      .returning();
    if (row) break;
    // Nothing inserted, but a number taken: give it back. Either a retry of this report
    // committed meanwhile (its case is the answer) or the tracking code was taken (the
    // loop draws another).
    await giveBackCaseNo(db, year);
    const savedMeanwhile = await savedReport(db, values);
    if (savedMeanwhile) return { row: savedMeanwhile, created: false, eventId: null };
  }
  if (!row) throw new Error('case not saved');
  const event = await appendCaseEvent(db, {
    caseId: row.id,
    action: 'report',
    label: CASE_NOTES.report,
    actor,
    fromStatus: null,
    toStatus: 'reported',
    reason: null,
    detail,
    at: now,
  });
  return { row, created: true, eventId: event.id };
}
