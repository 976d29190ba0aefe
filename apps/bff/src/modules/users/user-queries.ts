import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { areas, departments } from '@citygov/db/schema/org';
import { userManagementRefusal } from '@citygov/domain/auth/user-management';
import { ForbiddenError, NotFoundError } from '@citygov/domain/errors';
import { maskPhone } from '@citygov/domain/personal-data';
import { and, asc, count, eq, ilike, not, or, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { hasLoginLock, loginLockedUntil } from '../auth/api';
import { coversAreaPath, withinAreaScope } from '../org/api';
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
  areaPath: areas.path,
  departmentId: users.departmentId,
  departmentName: departments.name,
  active: users.active,
  /** Until when some address is locked out of the account by wrong passwords (null: none). */
  lockedUntil: loginLockedUntil(users.username),
  lastLoginAt: users.lastLoginAt,
};

/**
 * A user as lists and detail views send it: the phone masked (the full number only through
 * `revealPhone`, which is logged), and whether the viewer may manage the account, with why not.
 */
function toListedUser<T extends { id: number; role: string; phone: string | null; areaPath: string }>(
  viewer: SessionUser,
  row: T,
) {
  const { areaPath: _path, phone, ...rest } = row;
  return { ...rest, phone: maskPhone(phone), manageRefusal: userManagementRefusal(viewer, row) };
}

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
  const locked = hasLoginLock(users.username);
  if (input.status === 'locked') conditions.push(locked);
  if (input.status === 'active') conditions.push(eq(users.active, true), not(locked));
  if (input.status === 'inactive') conditions.push(eq(users.active, false), not(locked));
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
  return {
    rows: rows.map((row) => toListedUser(viewer, row)),
    total: totals[0]?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** One user, refused when the user's area lies outside the caller's scope (the phone in clear: callers mask). */
export async function requireUserInScope(db: Queryable, viewer: SessionUser, id: number) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, id));
  if (!row) throw new NotFoundError('用户不存在');
  if (!coversAreaPath(viewer, row.areaPath)) throw new ForbiddenError('不能管理其他辖区的用户');
  return row;
}

/** One user as the detail view sends it. */
export async function getUser(db: Queryable, viewer: SessionUser, id: number) {
  return toListedUser(viewer, await requireUserInScope(db, viewer, id));
}

/**
 * The one gate of every change to an account through user management: in scope, and
 * strictly below the actor (see `userManagementRefusal`).
 */
export async function requireManageableUser(db: Queryable, actor: SessionUser, id: number) {
  const target = await requireUserInScope(db, actor, id);
  const refusal = userManagementRefusal(actor, target);
  if (refusal) throw new ForbiddenError(refusal);
  return target;
}
