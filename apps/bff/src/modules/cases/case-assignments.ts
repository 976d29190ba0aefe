import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { areas, departments } from '@citygov/db/schema/org';
import { ForbiddenError, ValidationError } from '@citygov/domain/errors';
import { maskPhone } from '@citygov/domain/personal-data';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';

/**
 * The collector for a verify or check task: the one chosen, who must cover the case's
 * grid, or by default the collector of the smallest area around it (grid → street → …).
 */
export async function pickCollector(db: Queryable, gridId: number, chosen: number | undefined) {
  const candidates = await collectorsCovering(db, gridId);
  if (chosen !== undefined) {
    const found = candidates.find((c) => c.id === chosen);
    if (!found) throw new ValidationError('所选监督员不负责该网格');
    return found;
  }
  const nearest = candidates[0];
  if (!nearest) throw new ValidationError('该网格没有可派发任务的监督员');
  return nearest;
}

/** Active collectors whose area contains the grid, the most local first. */
export async function collectorsCovering(db: Queryable, gridId: number) {
  const [grid] = await db.select({ path: areas.path }).from(areas).where(eq(areas.id, gridId));
  if (!grid) throw new ValidationError('网格不存在');
  return db
    .select({ id: users.id, displayName: users.displayName, areaPath: areas.path })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(and(eq(users.role, 'collector'), eq(users.active, true), sql`${grid.path} like ${areas.path} || '%'`))
    .orderBy(desc(sql`length(${areas.path})`), users.id);
}

/** Departments a dispatcher may send to: inside their area, or city-level ones above it. */
export async function listDispatchableDepartments(db: Queryable, user: SessionUser) {
  const rows = await db
    .select({
      id: departments.id,
      parentId: departments.parentId,
      name: departments.name,
      kind: departments.kind,
      areaName: areas.name,
      areaPath: areas.path,
    })
    .from(departments)
    .innerJoin(areas, eq(areas.id, departments.areaId))
    .orderBy(departments.path);
  return rows
    .filter((d) => d.kind !== 'command_centre')
    .filter((d) => d.areaPath.startsWith(user.areaPath) || user.areaPath.startsWith(d.areaPath))
    .map(({ areaPath: _path, ...d }) => d);
}

/**
 * A department a dispatcher may send to: one serving an area inside the dispatcher's
 * scope, or a city-level department above it.
 */
export async function requireDispatchableDepartment(db: Queryable, user: SessionUser, departmentId: number) {
  const [row] = await db
    .select({ id: departments.id, name: departments.name, areaPath: areas.path })
    .from(departments)
    .innerJoin(areas, eq(areas.id, departments.areaId))
    .where(eq(departments.id, departmentId));
  if (!row) throw new ValidationError('处置部门不存在');
  const inside = row.areaPath.startsWith(user.areaPath);
  const above = user.areaPath.startsWith(row.areaPath);
  if (!inside && !above) throw new ForbiddenError(`不能派遣到其他辖区的部门：${row.name}`);
  return row;
}

/** What the desk shows of a grid member (网格责任人). */
export const gridMemberColumns = {
  id: users.id,
  displayName: users.displayName,
  role: users.role,
  position: users.position,
  phone: users.phone,
};

/**
 * 网格责任人: street chiefs and collectors whose area holds the grid, the most local first.
 * Their phones are masked (the full number: `users.revealPhone`, logged).
 */
export async function gridMembersFor(db: Queryable, gridId: number) {
  const [grid] = await db.select({ path: areas.path }).from(areas).where(eq(areas.id, gridId));
  if (!grid) throw new ValidationError('网格不存在');
  const rows = await db
    .select({ ...gridMemberColumns, areaName: areas.name })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(
      and(
        inArray(users.role, ['street_chief', 'collector']),
        eq(users.active, true),
        sql`${grid.path} like ${areas.path} || '%'`,
      ),
    )
    .orderBy(desc(sql`length(${areas.path})`), sql`${users.role} = 'collector'`, users.id);
  return rows.map((row) => ({ ...row, phone: maskPhone(row.phone) }));
}

export async function requireGridMember(db: Queryable, gridId: number, userId: number) {
  const member = (await gridMembersFor(db, gridId)).find((m) => m.id === userId);
  if (!member) throw new ValidationError('所选网格责任人不负责该网格');
  return member;
}
