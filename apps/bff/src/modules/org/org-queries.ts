import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { areas, departments } from '@citygov/db/schema/org';
import { and, asc, count, eq, inArray, like, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { withinAreaScope } from './scope';

const TREE_LEVELS = ['city', 'district', 'street', 'community'] as const;

/** The area tree down to communities, limited to the caller's scope (grids come per community). */
export async function listAreaTree(db: Queryable, user: SessionUser) {
  return db
    .select({
      id: areas.id,
      parentId: areas.parentId,
      level: areas.level,
      code: areas.code,
      name: areas.name,
      centerLng: areas.centerLng,
      centerLat: areas.centerLat,
    })
    .from(areas)
    .where(and(withinAreaScope(user, areas.path), inArray(areas.level, [...TREE_LEVELS])))
    .orderBy(asc(areas.code));
}

export async function listAreaChildren(db: Queryable, user: SessionUser, parentId: number) {
  return db
    .select({ id: areas.id, level: areas.level, code: areas.code, name: areas.name })
    .from(areas)
    .where(and(eq(areas.parentId, parentId), withinAreaScope(user, areas.path)))
    .orderBy(asc(areas.code));
}

/** Departments serving an area in scope; a department-scoped user sees only their own branch. */
export async function listDepartments(db: Queryable, user: SessionUser) {
  const conditions: SQL[] = [withinAreaScope(user, areas.path)];
  if (user.departmentPath) conditions.push(like(departments.path, `${user.departmentPath}%`));
  const staff = db
    .select({ departmentId: users.departmentId, staff: count().as('staff') })
    .from(users)
    .groupBy(users.departmentId)
    .as('staff');
  return db
    .select({
      id: departments.id,
      parentId: departments.parentId,
      name: departments.name,
      kind: departments.kind,
      areaId: departments.areaId,
      areaName: areas.name,
      phone: departments.phone,
      staff: staff.staff,
    })
    .from(departments)
    .innerJoin(areas, eq(areas.id, departments.areaId))
    .leftJoin(staff, eq(staff.departmentId, departments.id))
    .where(and(...conditions))
    .orderBy(asc(departments.path));
}
