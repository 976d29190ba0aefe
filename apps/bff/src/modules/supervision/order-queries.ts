import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { cases } from '@citygov/db/schema/cases';
import { areas, departments } from '@citygov/db/schema/org';
import { supervisionOrders } from '@citygov/db/schema/supervision';
import { isEscalated, supervisionOrderState } from '@citygov/domain/supervision/supervision-orders';
import { and, asc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import type { ZListOrdersInput } from './supervision-schemas';

/**
 * Which orders a user sees: those whose place lies in their area; department staff only
 * their own department's (and the units below it).
 */
export function orderScope(user: SessionUser): SQL {
  const area = sql`${supervisionOrders.areaId} in (select ${areas.id} from ${areas} where ${areas.path} like ${`${user.areaPath}%`})`;
  return user.departmentIds.length > 0
    ? (and(area, inArray(supervisionOrders.departmentId, [...user.departmentIds])) as SQL)
    : area;
}

const issuer = alias(users, 'issuer');
const replier = alias(users, 'replier');

/** 督办单 list for the desk, the phone and the leader's tablet, soonest due first, with each one's state now. */
export async function listOrders(
  db: Queryable,
  user: SessionUser,
  input: z.infer<typeof ZListOrdersInput>,
  now = new Date(),
) {
  const filter =
    input.filter === 'open'
      ? eq(supervisionOrders.status, 'open')
      : input.filter === 'escalated'
        ? or(
            and(eq(supervisionOrders.status, 'open'), lt(supervisionOrders.replyDueAt, now)),
            sql`${supervisionOrders.repliedAt} > ${supervisionOrders.replyDueAt}`,
          )
        : undefined;
  const rows = await db
    .select({
      id: supervisionOrders.id,
      caseId: supervisionOrders.caseId,
      caseNo: cases.caseNo,
      departmentId: supervisionOrders.departmentId,
      departmentName: departments.name,
      instruction: supervisionOrders.instruction,
      replyDueAt: supervisionOrders.replyDueAt,
      issuedAt: supervisionOrders.issuedAt,
      issuedBy: issuer.displayName,
      reply: supervisionOrders.reply,
      repliedAt: supervisionOrders.repliedAt,
      repliedBy: replier.displayName,
    })
    .from(supervisionOrders)
    .innerJoin(departments, eq(departments.id, supervisionOrders.departmentId))
    .innerJoin(issuer, eq(issuer.id, supervisionOrders.issuedBy))
    .leftJoin(replier, eq(replier.id, supervisionOrders.repliedBy))
    .leftJoin(cases, eq(cases.id, supervisionOrders.caseId))
    .where(and(orderScope(user), filter, input.caseId ? eq(supervisionOrders.caseId, input.caseId) : undefined))
    .orderBy(asc(supervisionOrders.replyDueAt))
    .limit(input.limit);
  return rows.map((row) => {
    const state = supervisionOrderState(row, now);
    return { ...row, state, escalated: isEscalated(state) };
  });
}

/** Counts for the leader's tablet: open orders and the escalated among them. */
export async function orderCounts(db: Queryable, user: SessionUser, now = new Date()) {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${supervisionOrders.status} = 'open')`.mapWith(Number),
      escalated:
        sql<number>`count(*) filter (where ${supervisionOrders.status} = 'open' and ${supervisionOrders.replyDueAt} < ${now.toISOString()}::timestamptz)`.mapWith(
          Number,
        ),
    })
    .from(supervisionOrders)
    .where(orderScope(user));
  return { open: row?.open ?? 0, escalated: row?.escalated ?? 0 };
}
