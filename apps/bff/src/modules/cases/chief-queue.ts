import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { ruleOf } from '@citygov/domain/cases/case-actions';
import { CASE_STATUS_NAMES, OPEN_STATUSES, PENDING_KINDS } from '@citygov/domain/cases/case-states';
import { availableActions } from '@citygov/domain/cases/plan-case-action';
import { CHIEF_LINES } from '@citygov/domain/street-chiefs/chief-lines';
import { and, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { chiefPostsByGrid } from '../street-chiefs/api';
import { caseSummaryColumns } from './case-columns';
import { caseSnapshot } from './case-snapshot';

const NO_POSTS = { street: [], area: [] };

/**
 * A chief's street-governance cases (街长制 queue): those routed to them and the open
 * ones of the grids whose posts they hold or stand in for (交接班), each with the chief
 * actions the table allows them now. `todo` = one of them, other than an any-time one, is enabled.
 */
export async function chiefQueue(db: Queryable, user: SessionUser, now = new Date()) {
  const posts = await chiefPostsByGrid(db, user.id, now);
  const grids = [...posts.keys()];
  const rows = await db
    .select({
      ...caseSummaryColumns,
      row: cases,
    })
    .from(cases)
    .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
    .where(
      and(
        isNotNull(cases.chiefLine),
        inArray(cases.status, [...OPEN_STATUSES]),
        grids.length > 0
          ? or(eq(cases.chiefUserId, user.id), inArray(cases.gridId, grids))
          : eq(cases.chiefUserId, user.id),
      ),
    )
    .orderBy(desc(cases.reportedAt))
    .limit(200);
  return rows.map(({ row, ...summary }) => {
    const snapshot = caseSnapshot(row, undefined, posts.get(row.gridId) ?? NO_POSTS);
    const actions = availableActions(snapshot, user.permissions)
      .filter((a) => ruleOf(a.action).chief !== undefined)
      .map(({ action, label, enabled, disabledReason, reason }) => ({
        action,
        label,
        enabled,
        disabledReason,
        reason,
      }));
    return {
      ...summary,
      statusName: CASE_STATUS_NAMES[row.status],
      chiefLine: row.chiefLine,
      lineName: row.chiefLine ? CHIEF_LINES[row.chiefLine] : null,
      pendingName: row.pendingKind ? PENDING_KINDS[row.pendingKind] : null,
      reportedAt: row.reportedAt,
      stageDeadlineAt: row.pausedAt ? null : row.stageDeadlineAt,
      mine: row.chiefUserId === user.id,
      // 片长作废 is open on every case of the grids: it alone puts nothing on the to-do list.
      todo: actions.some((a) => a.enabled && !ruleOf(a.action).chief?.anytime),
      actions,
    };
  });
}
