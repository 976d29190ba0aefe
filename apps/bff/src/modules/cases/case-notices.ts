import type { Queryable } from '@citygov/db/client';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { ATTENTION_NAMES, type AttentionKind } from '@citygov/domain/cases/case-attention';
import { type CaseQueue, findQueue } from '@citygov/domain/cases/case-queues';
import { OPEN_STATUSES } from '@citygov/domain/cases/case-states';
import { and, desc, eq, gte, inArray, or } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { queueConditions, whereAll } from './case-filters';
import { caseScope } from './case-scope';

/** The queues whose cases a department's staff work on the street: their notices are about these. */
const WORKED_QUEUES = ['toTakeUp', 'handling', 'assistFeedback'] as const;
const NOTICE_ACTIONS = {
  rework: 'rework',
  instruct: 'instruct',
  supervise: 'supervise',
  orderSupervision: 'supervise',
  remind: 'remind',
} as const;
const NOTICE_DAYS = 7;
const NOTICE_LIMIT = 20;

/**
 * 提醒: the 返工 / 督办 / 催办 given in the last week on open cases the user's department
 * works (待签收, 处置中, 协办待反馈), newest first, with reasons. The phone shows those the
 * user has not yet acknowledged, so the assignee hears of them without opening each case.
 */
export async function caseNotices(db: Queryable, user: SessionUser, now = new Date()) {
  const queues = WORKED_QUEUES.map(findQueue).filter(
    (q): q is CaseQueue => q !== undefined && user.permissions.has(q.permission),
  );
  if (queues.length === 0) return [];
  const held = or(...queues.map((q) => and(...queueConditions(q, user, now))));
  const since = new Date(now.getTime() - NOTICE_DAYS * 24 * 3600 * 1000);
  const rows = await db
    .select({
      id: caseEvents.id,
      caseId: cases.id,
      caseNo: cases.caseNo,
      action: caseEvents.action,
      reason: caseEvents.reason,
      actorName: caseEvents.actorName,
      at: caseEvents.at,
    })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(
      whereAll([
        caseScope(user),
        held,
        inArray(cases.status, [...OPEN_STATUSES]),
        inArray(caseEvents.action, Object.keys(NOTICE_ACTIONS) as (keyof typeof NOTICE_ACTIONS)[]),
        gte(caseEvents.at, since),
      ]),
    )
    .orderBy(desc(caseEvents.id))
    .limit(NOTICE_LIMIT);
  return rows.map((row) => {
    const kind: AttentionKind = NOTICE_ACTIONS[row.action as keyof typeof NOTICE_ACTIONS];
    return { ...row, kind, label: ATTENTION_NAMES[kind] };
  });
}
