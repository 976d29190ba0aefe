import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { caseAttachments, caseEvents, cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { areas } from '@citygov/db/schema/org';
import { caseAttention } from '@citygov/domain/cases/case-attention';
import { findQueue, queuesFor } from '@citygov/domain/cases/case-queues';
import { statusNameOf } from '@citygov/domain/cases/case-states';
import { availableActions } from '@citygov/domain/cases/plan-case-action';
import { countdown, describeClock } from '@citygov/domain/deadlines/countdown';
import { ValidationError } from '@citygov/domain/errors';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { countBounded } from '../../lib/bounded-count';
import type { SessionUser } from '../../trpc/session-user';
import { loadWorkingCalendar } from '../calendar/api';
import { requireAreaInScope } from '../org/api';
import { attentionByCase } from './case-attention';
import { WARNING_RATIO } from './case-clock';
import { caseSummaryColumns } from './case-columns';
import { caseDepartmentList, gridMemberOf } from './case-department-list';
import { filterConditions, queueConditions, queueScope, whereAll } from './case-filters';
import type { TListCasesInput } from './case-schemas';
import { caseScope } from './case-scope';
import { caseSnapshot, chiefPart, departmentPart } from './case-snapshot';
import { caseView } from './case-view';
import { type CaseRow, loadCaseForWork, loadCaseInScope } from './load-case';
import { leadsById, mergeLinks } from './merge-links';

const listColumns = {
  ...caseSummaryColumns,
  pendingKind: cases.pendingKind,
  checkResult: cases.checkResult,
  stage: cases.stage,
  stageUnit: cases.stageUnit,
  stageStartedAt: cases.stageStartedAt,
  stageDeadlineAt: cases.stageDeadlineAt,
  stageWarnAt: cases.stageWarnAt,
  pausedAt: cases.pausedAt,
  supervised: cases.supervised,
  difficult: cases.difficult,
  reportedAt: cases.reportedAt,
  leadDepartmentId: cases.leadDepartmentId,
  mergedIntoId: cases.mergedIntoId,
};

type Clocked = {
  stageStartedAt: Date | null;
  stageDeadlineAt: Date | null;
  stageWarnAt: Date | null;
  pausedAt: Date | null;
};

/** Deadline level for a list row without calendar math: the warn instant is stored. */
function deadlineLevel(row: Clocked, now: Date): 'none' | 'normal' | 'warning' | 'overdue' | 'paused' {
  if (row.pausedAt) return 'paused';
  if (!row.stageDeadlineAt) return 'none';
  if (row.stageDeadlineAt <= now) return 'overdue';
  if (row.stageWarnAt && row.stageWarnAt <= now) return 'warning';
  return 'normal';
}

export async function listCases(
  db: Queryable,
  user: SessionUser,
  input: TListCasesInput,
  options: { mineOnly?: boolean; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const area = input.areaId ? await requireAreaInScope(db, user, input.areaId) : null;
  const queue = input.queue ? findQueue(input.queue) : undefined;
  if (input.queue && (!queue || !user.permissions.has(queue.permission))) throw new ValidationError('未知的待办队列');
  const conditions = [caseScope(user, queueScope(queue)), ...filterConditions(input, now, area?.path ?? null)];
  if (options.mineOnly) conditions.push(or(eq(cases.reportedBy, user.id), eq(cases.assigneeId, user.id)));
  if (queue) conditions.push(...queueConditions(queue, user, now));
  const where = whereAll(conditions);
  const order =
    input.sort === 'deadline.asc'
      ? [sql`${cases.stageDeadlineAt} asc nulls last`, desc(cases.id)]
      : input.sort === 'reportedAt.asc'
        ? [asc(cases.reportedAt), asc(cases.id)]
        : [desc(cases.reportedAt), desc(cases.id)];
  const [rows, counted] = await Promise.all([
    db
      .select(listColumns)
      .from(cases)
      .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
      .where(where)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    countBounded(db, cases, where),
  ]);
  // A merged case (并案) reports its lead's progress: the lead's number and status.
  const leads = await leadsById(
    db,
    rows.flatMap((r) => (r.mergedIntoId ? [r.mergedIntoId] : [])),
  );
  const attention = await attentionByCase(
    db,
    rows.map((r) => ({ id: r.id, supervised: r.supervised, stageStartedAt: r.stageStartedAt })),
  );
  return {
    rows: rows.map((row) => {
      const lead = row.mergedIntoId ? leads.get(row.mergedIntoId) : undefined;
      return {
        ...row,
        deadlineLevel: deadlineLevel(row, now),
        mergedInto: lead ? { ...lead, statusName: statusNameOf(lead.status) } : null,
        /** 返工 / 督办 / 催办 standing on the case, with their reasons. */
        attention: attention.get(row.id) ?? [],
      };
    }),
    /** Bounded: past 10,000 matches the total reads 10,000 and `more` is set (shown as "10,000+"). */
    total: counted.total,
    more: counted.more,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** Live counts for every queue the user works, bounded like the list's total ("10,000+" past it). */
export async function queueCounts(db: Queryable, user: SessionUser, now = new Date()) {
  return Promise.all(
    queuesFor(user.permissions).map(async (queue) => {
      const where = whereAll([caseScope(user, queueScope(queue)), ...queueConditions(queue, user, now)]);
      const { total, more } = await countBounded(db, cases, where);
      return { key: queue.key, label: queue.label, count: total, more };
    }),
  );
}

export async function getCaseDetail(db: Queryable, user: SessionUser, caseId: number, now = new Date()) {
  const row = await loadCaseInScope(db, user, caseId);
  // Everything below depends on the case row only: read it side by side (on PostgreSQL each
  // read takes its own pool connection), not one after another.
  const [[category], [grid], timeline, attachments, depts, assignee, gridMember, clock, part, chief, merge, workable] =
    await Promise.all([
      db
        .select()
        .from(categories)
        .where(and(eq(categories.kind, row.kind), eq(categories.code, row.categoryCode))),
      db.select({ code: areas.code, name: areas.name }).from(areas).where(eq(areas.id, row.gridId)),
      db
        .select({
          id: caseEvents.id,
          at: caseEvents.at,
          actorKind: caseEvents.actorKind,
          actorName: caseEvents.actorName,
          action: caseEvents.action,
          label: caseEvents.label,
          fromStatus: caseEvents.fromStatus,
          toStatus: caseEvents.toStatus,
          reason: caseEvents.reason,
          detail: caseEvents.detail,
        })
        .from(caseEvents)
        .where(eq(caseEvents.caseId, row.id))
        .orderBy(asc(caseEvents.id)),
      db
        .select({
          id: caseAttachments.id,
          eventId: caseAttachments.eventId,
          purpose: caseAttachments.purpose,
          mime: caseAttachments.mime,
          width: caseAttachments.width,
          height: caseAttachments.height,
        })
        .from(caseAttachments)
        .where(eq(caseAttachments.caseId, row.id))
        .orderBy(asc(caseAttachments.id)),
      caseDepartmentList(db, row.id),
      row.assigneeId
        ? db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, row.assigneeId))
        : Promise.resolve([]),
      gridMemberOf(db, row.gridMemberId),
      stageClockOf(db, row, now),
      departmentPart(db, user, row.id),
      chiefPart(db, user, row, now),
      mergeLinks(db, row),
      // A case the caller only reported (outside their area or department) shows no actions.
      row.reportedBy !== user.id || isWorkable(db, user, row.id),
    ]);
  const snapshot = caseSnapshot(row, part, chief);
  return {
    case: caseView(row, user),
    category: category
      ? { name: category.name, fileCondition: category.fileCondition, closeCondition: category.closeCondition }
      : null,
    grid: grid ?? null,
    timeline,
    attachments: attachments.map((a) => ({
      ...a,
      url: `/api/attachments/${a.id}`,
      thumbUrl: `/api/attachments/${a.id}/thumb`,
    })),
    departments: depts,
    assignee: assignee[0] ?? null,
    gridMember,
    clock,
    deadlineLevel: deadlineLevel(row, now),
    attention: caseAttention(row, timeline),
    /** 并案: the lead this case joined (its progress, whatever the caller's scope), and the cases merged into this one. */
    mergedInto: merge.mergedInto,
    mergedCases: merge.mergedCases,
    actions: (workable ? availableActions(snapshot, user.permissions) : []).map((a) => ({
      ...a,
      // Task submissions belong to the collector they were sent to.
      ...((a.action === 'submitVerification' || a.action === 'submitCheck') && row.assigneeId !== user.id
        ? { enabled: false, disabledReason: '任务已派给其他监督员' }
        : {}),
    })),
  };
}

/** The running stage clock as the detail shows it (null for an untimed stage). */
async function stageClockOf(db: Queryable, row: CaseRow, now: Date) {
  if (!row.stageDeadlineAt || !row.stageStartedAt || !row.stageUnit) return null;
  const calendar = await loadWorkingCalendar(db);
  const at = row.pausedAt ?? now;
  const c = countdown(calendar, row.stageStartedAt, row.stageDeadlineAt, row.stageUnit, at, WARNING_RATIO);
  return {
    ...c,
    text: describeClock(c.remainingMinutes, row.stageUnit, row.pausedAt !== null),
    /** Working-time limits stand still at night and on holidays; the clock deadline is stageDeadlineAt. */
    workingTime: row.stageUnit !== 'natural_hours',
    paused: row.pausedAt !== null,
    deadlineAt: row.stageDeadlineAt,
  };
}

async function isWorkable(db: Queryable, user: SessionUser, caseId: number): Promise<boolean> {
  return loadCaseForWork(db, user, caseId).then(
    () => true,
    () => false,
  );
}
