import type { Queryable } from '@citygov/db/client';
import type { cases } from '@citygov/db/schema/cases';
import type { SessionUser } from '../../trpc/session-user';
import { gridMembersFor, loadCaseInScope } from '../cases/api';
import { ruleForCase } from '../dispatch-rules/api';
import { departmentNames } from '../org/api';
import { closedCaseInsights } from './closed-case-insights';

type CaseRow = typeof cases.$inferSelect;

const MEMBER_ROLE_NAMES: Record<string, string> = { street_chief: '街长', collector: '监督员' };

/**
 * 派遣助手 for one case in the caller's scope: the dispatch rule's suggestion, the grid
 * members (网格责任人) to name, similar closed cases and how each department handled the
 * category. Read-only; nothing is decided for the dispatcher.
 */
export async function dispatchAssistance(db: Queryable, user: SessionUser, caseId: number, now = new Date()) {
  const row = await loadCaseInScope(db, user, caseId);
  const rule = await ruleSuggestion(db, row);
  const members = await gridMembersFor(db, row.gridId);
  const insights = await closedCaseInsights(db, user, row, now);
  return {
    caseId: row.id,
    rule,
    gridMembers: members.map((m) => ({ ...m, roleName: MEMBER_ROLE_NAMES[m.role] ?? m.role })),
    ...insights,
  };
}

async function ruleSuggestion(db: Queryable, row: CaseRow) {
  const rule = await ruleForCase(db, row);
  if (!rule) return null;
  const ids = [rule.leadDepartmentId, ...rule.assistingDepartmentIds];
  const names = await departmentNames(db, ids);
  const named = (id: number) => ({ id, name: names.get(id) ?? `#${id}` });
  return {
    id: rule.id,
    name: rule.name,
    automatic: rule.automatic,
    lead: named(rule.leadDepartmentId),
    assisting: rule.assistingDepartmentIds.map(named),
  };
}
