import type { Queryable } from '@citygov/db/client';
import { areas, departments } from '@citygov/db/schema/org';
import { type CityWideSetting, changesCityWideSettings, cityLevelOnlyReason } from '@citygov/domain/city-settings';
import { ForbiddenError, NotFoundError } from '@citygov/domain/errors';
import { type AnyColumn, eq, like, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';

/**
 * Data scope in SQL: rows whose area path lies under the user's area. Every list
 * query of a scoped resource adds this condition, so the UI cannot widen it.
 */
export function withinAreaScope(user: SessionUser, pathColumn: AnyColumn): SQL {
  return like(pathColumn, `${user.areaPath}%`);
}

export function coversAreaPath(user: SessionUser, path: string): boolean {
  return path.startsWith(user.areaPath);
}

/** Loads an area and refuses one outside the caller's scope. */
export async function requireAreaInScope(db: Queryable, user: SessionUser, areaId: number) {
  const [area] = await db.select().from(areas).where(eq(areas.id, areaId));
  if (!area) throw new NotFoundError('区域不存在');
  if (!coversAreaPath(user, area.path)) throw new ForbiddenError('不能访问其他辖区的数据');
  return area;
}

/** Loads a department and refuses one whose area lies outside the caller's scope. */
export async function requireDepartmentInScope(db: Queryable, user: SessionUser, departmentId: number) {
  const [row] = await db
    .select({ department: departments, areaPath: areas.path })
    .from(departments)
    .innerJoin(areas, eq(areas.id, departments.areaId))
    .where(eq(departments.id, departmentId));
  if (!row) throw new NotFoundError('部门不存在');
  if (!coversAreaPath(user, row.areaPath)) throw new ForbiddenError('不能访问其他辖区的部门');
  if (user.departmentPath && !row.department.path.startsWith(user.departmentPath)) {
    throw new ForbiddenError('只能访问本部门的数据');
  }
  return row.department;
}

/**
 * Refuses a change of a city-wide setting to anyone below city level, whatever their
 * permissions: the permission says what a role may do, this says where it holds.
 */
export function requireCityLevel(user: SessionUser, setting: CityWideSetting): void {
  if (!changesCityWideSettings(user.areaLevel)) {
    throw new ForbiddenError(cityLevelOnlyReason(setting), { code: 'CITY_LEVEL_ONLY' });
  }
}
