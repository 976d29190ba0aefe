import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { areas, departments } from '@citygov/db/schema/org';
import { ForbiddenError, NotFoundError } from '@citygov/domain/errors';
import { and, asc, count, eq, gt, ilike, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/context';
import { coversAreaPath, withinAreaScope } from '../org/scope';
import type { TListUsersInput } from './user-schemas';

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  position: users.position,
  phone: users.phone,
  areaId: users.areaId,
  areaName: areas.name,
  departmentId: users.departmentId,
  departmentName: departments.name,
  active: users.active,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
};

/** Staff in the caller's area scope, filtered and paged; served by users_area_idx + areas_path_idx. */
export async function listUsers(db: Queryable, viewer: SessionUser, input: TListUsersInput) {
  const conditions: SQL[] = [withinAreaScope(viewer, areas.path)];
  if (input.q) {
    const pattern = `%${input.q}%`;
    const match = or(ilike(users.username, pattern), ilike(users.displayName, pattern), ilike(users.position, pattern));
    if (match) conditions.push(match);
  }
  if (input.role) conditions.push(eq(users.role, input.role));
  if (input.areaId) conditions.push(eq(users.areaId, input.areaId));
  // A locked account counts as locked whatever else it is: unlocking is the next step for it.
  const now = new Date();
  const notLocked = or(isNull(users.lockedUntil), lte(users.lockedUntil, now));
  if (input.status === 'locked') conditions.push(gt(users.lockedUntil, now));
  if (input.status === 'active' && notLocked) conditions.push(eq(users.active, true), notLocked);
  if (input.status === 'inactive' && notLocked) conditions.push(eq(users.active, false), notLocked);
  const where = and(...conditions);
  const [rows, totals] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .innerJoin(areas, eq(areas.id, users.areaId))
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(users).innerJoin(areas, eq(areas.id, users.areaId)).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** One user, refused when the user's area lies outside the caller's scope. */
export async function requireUserInScope(db: Queryable, viewer: SessionUser, id: number) {
  const [row] = await db
    .select({ ...userColumns, areaPath: areas.path })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, id));
  if (!row) throw new NotFoundError('用户不存在');
  if (!coversAreaPath(viewer, row.areaPath)) throw new ForbiddenError('不能管理其他辖区的用户');
  return row;
}
