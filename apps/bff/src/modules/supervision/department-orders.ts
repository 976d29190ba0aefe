import type { Queryable } from '@citygov/db/client';
import { areas, departments } from '@citygov/db/schema/org';
import { supervisionOrders } from '@citygov/db/schema/supervision';
import { ConflictError, ForbiddenError, NotFoundError } from '@citygov/domain/errors';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { coversAreaPath } from '../org/api';
import { orderScope } from './order-queries';
import type { ZIssueDepartmentOrderInput, ZReplyDepartmentOrderInput } from './supervision-schemas';

/** A department whose area lies in the issuer's (command-centre staff supervise other departments than their own). */
async function departmentInArea(db: Queryable, user: SessionUser, departmentId: number) {
  const [row] = await db
    .select({ department: departments, areaPath: areas.path })
    .from(departments)
    .innerJoin(areas, eq(areas.id, departments.areaId))
    .where(eq(departments.id, departmentId));
  if (!row) throw new NotFoundError('部门不存在');
  if (!coversAreaPath(user, row.areaPath)) throw new ForbiddenError('不能督办其他辖区的部门');
  return row.department;
}

/**
 * 督办单 to a department about its work in general (several overdue cases, a recurring
 * problem), not one case: a case's order is the case action 下达督办单 (`cases.act`), so it
 * is on the case's timeline.
 */
export async function issueDepartmentOrder(
  db: Queryable,
  user: SessionUser,
  input: z.infer<typeof ZIssueDepartmentOrderInput>,
  now = new Date(),
) {
  const department = await departmentInArea(db, user, input.departmentId);
  const [order] = await db
    .insert(supervisionOrders)
    .values({
      departmentId: department.id,
      areaId: department.areaId,
      instruction: input.instruction,
      replyDueAt: new Date(now.getTime() + input.replyHours * 3_600_000),
      issuedBy: user.id,
      issuedAt: now,
    })
    .returning({ id: supervisionOrders.id, replyDueAt: supervisionOrders.replyDueAt });
  return order;
}

/** The department's reply to a department order; a case's order is answered by 回复督办 on the case. */
export async function replyDepartmentOrder(
  db: Queryable,
  user: SessionUser,
  input: z.infer<typeof ZReplyDepartmentOrderInput>,
  now = new Date(),
) {
  const [order] = await db
    .select()
    .from(supervisionOrders)
    .where(and(eq(supervisionOrders.id, input.id), orderScope(user), isNull(supervisionOrders.caseId)));
  if (!order || user.departmentIds.length === 0) throw new NotFoundError('督办单不存在');
  const [replied] = await db
    .update(supervisionOrders)
    .set({ status: 'replied', reply: input.reply, repliedBy: user.id, repliedAt: now })
    .where(and(eq(supervisionOrders.id, order.id), eq(supervisionOrders.status, 'open')))
    .returning({ id: supervisionOrders.id });
  if (!replied) throw new ConflictError('该督办单已回复');
  return { id: replied.id, late: now.getTime() > order.replyDueAt.getTime() };
}
