import type { Queryable } from '@citygov/db/client';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { and, eq } from 'drizzle-orm';
import { loadWorkingCalendar } from '../calendar/load-calendar';
import { startStageClock } from '../cases/case-clock';
import { assignDepartments } from '../cases/case-department-effects';
import { departmentNames } from '../org/department-names';
import { ruleForCase } from './rule-for-case';

type CaseRow = typeof cases.$inferSelect;

/** Who the timeline names for a step no person took. */
export const AUTOMATIC_ACTOR = '系统（自动派遣）';

/**
 * 自动派遣: a just-filed case whose matching rule is automatic goes to the rule's
 * departments in the same transaction, and the timeline names the rule. Returns the
 * dispatched row, or null when no automatic rule applies (the dispatcher decides).
 */
export async function dispatchAutomatically(db: Queryable, row: CaseRow, now: Date): Promise<CaseRow | null> {
  if (row.status !== 'filed') return null;
  const rule = await ruleForCase(db, row);
  if (!rule?.automatic) return null;
  const ids = [rule.leadDepartmentId, ...rule.assistingDepartmentIds];
  const names = await departmentNames(db, ids);
  const clock = await startStageClock(db, await loadWorkingCalendar(db), row, 'handle', now);
  const [dispatched] = await db
    .update(cases)
    .set({
      status: 'dispatched',
      leadDepartmentId: rule.leadDepartmentId,
      dispatchedAt: now,
      dispatchRuleId: rule.id,
      forced: false,
      checkResult: null,
      ...clock,
      pausedAt: null,
      updatedAt: now,
      version: row.version + 1,
    })
    .where(and(eq(cases.id, row.id), eq(cases.status, 'filed'), eq(cases.version, row.version)))
    .returning();
  if (!dispatched) return null;
  await assignDepartments(db, row.id, rule.leadDepartmentId, rule.assistingDepartmentIds)();
  const assisting = rule.assistingDepartmentIds.map((id) => names.get(id) ?? `#${id}`);
  await db.insert(caseEvents).values({
    caseId: row.id,
    at: now,
    actorId: null,
    actorName: AUTOMATIC_ACTOR,
    action: 'autoDispatch',
    label: '自动派遣',
    fromStatus: 'filed',
    toStatus: 'dispatched',
    reason: `按派遣规则「${rule.name}」自动派遣`,
    detail: {
      rule: rule.name,
      ruleId: rule.id,
      lead: names.get(rule.leadDepartmentId) ?? `#${rule.leadDepartmentId}`,
      ...(assisting.length > 0 ? { assisting } : {}),
    },
  });
  return dispatched;
}
