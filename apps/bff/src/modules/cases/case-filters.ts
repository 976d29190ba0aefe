import { caseDepartments, cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import type { CaseQueue } from '@citygov/domain/cases/case-queues';
import { and, eq, gt, gte, ilike, inArray, isNotNull, isNull, like, lte, or, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import type { TListCasesInput } from './case-schemas';
import type { ScopeOptions } from './case-scope';

/** How a queue narrows the caller's scope: a queue of what the department leads implies its department arm. */
export function queueScope(queue: CaseQueue | undefined): ScopeOptions {
  return { ledByOwnDepartment: queue?.departmentPart === 'lead' };
}

/** A to-do queue as SQL conditions (on top of the caller's scope). */
export function queueConditions(queue: CaseQueue, user: SessionUser, now: Date): SQL[] {
  const out: SQL[] = [];
  if (queue.statuses) out.push(inArray(cases.status, [...queue.statuses]));
  if (queue.pendingKind) out.push(eq(cases.pendingKind, queue.pendingKind));
  if (queue.checkResult === 'none') out.push(isNull(cases.checkResult));
  else if (queue.checkResult) out.push(eq(cases.checkResult, queue.checkResult));
  if (queue.assignedToMe) out.push(eq(cases.assigneeId, user.id));
  if (queue.overdue) out.push(...overdueConditions(now));
  if (queue.warning) {
    out.push(lte(cases.stageWarnAt, now), gt(cases.stageDeadlineAt, now), isNull(cases.pausedAt));
  }
  if (queue.supervised) out.push(eq(cases.supervised, true), isNotNull(cases.stage));
  if (queue.departmentPart) out.push(departmentPartCondition(queue.departmentPart, user));
  return out;
}

/**
 * The department queues split by the department's part: 待签收 / 处置中 hold what it leads;
 * 协办待反馈 what it assists and has not reported on (read once into an array, as in case-scope.ts).
 */
function departmentPartCondition(part: 'lead' | 'assist', user: SessionUser): SQL {
  const ids = [...user.departmentIds];
  if (ids.length === 0) return part === 'lead' ? sql`true` : sql`false`;
  if (part === 'lead') return inArray(cases.leadDepartmentId, ids);
  return sql`${cases.id} = any(array(select ${caseDepartments.caseId} from ${caseDepartments}
    where ${caseDepartments.role} = 'assist' and ${isNull(caseDepartments.fedBackAt)}
      and ${inArray(caseDepartments.departmentId, ids)}))`;
}

/** Overdue: a running clock (not paused, not final) past its deadline. */
export function overdueConditions(now: Date): SQL[] {
  return [lte(cases.stageDeadlineAt, now), isNull(cases.pausedAt)];
}

/** The desk's filters as SQL conditions. */
export function filterConditions(input: TListCasesInput, now: Date, areaPath: string | null): SQL[] {
  const out: SQL[] = [];
  if (input.statuses && input.statuses.length > 0) out.push(inArray(cases.status, input.statuses));
  if (input.kind) out.push(eq(cases.kind, input.kind));
  if (input.categoryCode) out.push(like(cases.categoryCode, `${input.categoryCode}%`));
  if (input.source) out.push(eq(cases.source, input.source));
  if (input.urgency) out.push(eq(cases.urgency, input.urgency));
  if (input.from) out.push(gte(cases.reportedAt, input.from));
  if (input.to) out.push(lte(cases.reportedAt, input.to));
  if (input.overdue) out.push(...overdueConditions(now));
  if (areaPath) {
    // Any level of area: the grid's path starts with the chosen area's path.
    out.push(sql`${cases.gridId} in (select ${areas.id} from ${areas} where ${like(areas.path, `${areaPath}%`)})`);
  }
  if (input.q) {
    const match = or(
      ilike(cases.caseNo, `%${input.q}%`),
      ilike(cases.description, `%${input.q}%`),
      ilike(cases.address, `%${input.q}%`),
    );
    if (match) out.push(match);
  }
  return out;
}

export function whereAll(conditions: (SQL | undefined)[]): SQL | undefined {
  return and(...conditions);
}
