import type { Queryable } from '@citygov/db/client';
import { categories, categoryMajors } from '@citygov/db/schema/catalogue';
import { areas, departments } from '@citygov/db/schema/org';
import { dispatchRuleProblems } from '@citygov/domain/dispatch/dispatch-rules';
import { ForbiddenError, ValidationError } from '@citygov/domain/errors';
import { and, eq, inArray } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import type { TDispatchRuleData } from './dispatch-rule-schemas';

/**
 * Everything a rule must satisfy before it is saved: a sensible target (the pure rules),
 * a category and area that exist, an area inside the administrator's own, and departments
 * that exist, can handle cases, belong to the administrator's area or the city, and serve
 * the whole of the rule's area (its own area or one containing it).
 */
export async function checkDispatchRule(db: Queryable, user: SessionUser, rule: TDispatchRuleData): Promise<void> {
  const problems = dispatchRuleProblems({ ...rule, areaPath: null });
  if (problems.length > 0) throw new ValidationError(problems.join('；'));
  await checkCategory(db, rule);
  const areaPath = await checkArea(db, user, rule.areaId);
  await checkDepartments(db, user, areaPath, [rule.leadDepartmentId, ...rule.assistingDepartmentIds]);
}

async function checkCategory(db: Queryable, rule: TDispatchRuleData) {
  if (rule.kind === null || rule.majorCode === null) return;
  const [major] = await db
    .select()
    .from(categoryMajors)
    .where(and(eq(categoryMajors.kind, rule.kind), eq(categoryMajors.code, rule.majorCode)));
  if (!major) throw new ValidationError('所选大类不存在');
  if (rule.categoryCode === null) return;
  const [minor] = await db
    .select()
    .from(categories)
    .where(and(eq(categories.kind, rule.kind), eq(categories.code, rule.categoryCode)));
  if (!minor) throw new ValidationError('所选小类不存在');
  if (minor.majorCode !== rule.majorCode) throw new ValidationError(`小类「${minor.name}」不属于大类「${major.name}」`);
}

/** The area's path; null (the whole city) only for a city-level administrator. */
async function checkArea(db: Queryable, user: SessionUser, areaId: number | null): Promise<string | null> {
  if (areaId === null) {
    if (user.areaLevel !== 'city') throw new ValidationError('请选择区域：只能为本辖区配置派遣规则');
    return null;
  }
  const [area] = await db.select().from(areas).where(eq(areas.id, areaId));
  if (!area) throw new ValidationError('所选区域不存在');
  if (!area.path.startsWith(user.areaPath)) throw new ForbiddenError('不能为其他辖区配置派遣规则');
  return area.path;
}

async function checkDepartments(db: Queryable, user: SessionUser, areaPath: string | null, ids: readonly number[]) {
  const rows = await db
    .select({
      id: departments.id,
      name: departments.name,
      kind: departments.kind,
      areaPath: areas.path,
      areaLevel: areas.level,
    })
    .from(departments)
    .innerJoin(areas, eq(areas.id, departments.areaId))
    .where(inArray(departments.id, [...ids]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const id of ids) {
    const dept = byId.get(id);
    if (!dept) throw new ValidationError('所选部门不存在');
    if (dept.kind === 'command_centre') throw new ValidationError(`「${dept.name}」是指挥中心，不能承办案件`);
    const ownOrAbove = dept.areaPath.startsWith(user.areaPath) || user.areaPath.startsWith(dept.areaPath);
    if (!ownOrAbove) throw new ForbiddenError(`不能选择其他辖区的部门：${dept.name}`);
    const servesAll = areaPath === null ? dept.areaLevel === 'city' : areaPath.startsWith(dept.areaPath);
    if (!servesAll) throw new ValidationError(`「${dept.name}」不服务所选区域的全部范围`);
  }
}
