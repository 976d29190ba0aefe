import type { Queryable } from '@citygov/db/client';
import { categories, categoryMajors } from '@citygov/db/schema/catalogue';
import { areas, departments } from '@citygov/db/schema/org';
import { asc, eq, inArray } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { departmentNames, listAreaTree } from '../org/api';
import { ruleAccess } from './dispatch-rule-scope';
import { loadDispatchRules, type StoredDispatchRule } from './load-dispatch-rules';

/** A rule as the admin page shows it: ids with their names, and whether the caller may change it. */
export type DispatchRuleView = Awaited<ReturnType<typeof describeDispatchRules>>[number];

/** Names for the departments and categories the rules refer to, fetched once for the lot. */
export async function describeDispatchRules(db: Queryable, user: SessionUser, rules: readonly StoredDispatchRule[]) {
  const departmentIds = [...new Set(rules.flatMap((r) => [r.leadDepartmentId, ...r.assistingDepartmentIds]))];
  const codes = [...new Set(rules.flatMap((r) => (r.categoryCode ? [r.categoryCode] : [])))];
  const namesById = await departmentNames(db, departmentIds);
  const majorNames = new Map((await db.select().from(categoryMajors)).map((m) => [`${m.kind}:${m.code}`, m.name]));
  const minorNames = new Map(
    codes.length === 0
      ? []
      : (
          await db
            .select({ kind: categories.kind, code: categories.code, name: categories.name })
            .from(categories)
            .where(inArray(categories.code, codes))
        ).map((c) => [`${c.kind}:${c.code}`, c.name]),
  );
  const nameOf = (id: number) => namesById.get(id) ?? `#${id}`;
  return rules.map((rule) => ({
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    automatic: rule.automatic,
    priority: rule.priority,
    kind: rule.kind,
    majorCode: rule.majorCode,
    majorName: rule.majorCode ? (majorNames.get(`${rule.kind}:${rule.majorCode}`) ?? null) : null,
    categoryCode: rule.categoryCode,
    categoryName: rule.categoryCode ? (minorNames.get(`${rule.kind}:${rule.categoryCode}`) ?? null) : null,
    areaId: rule.areaId,
    areaName: rule.areaName,
    urgency: rule.urgency,
    leadDepartmentId: rule.leadDepartmentId,
    leadDepartmentName: nameOf(rule.leadDepartmentId),
    assistingDepartmentIds: [...rule.assistingDepartmentIds],
    assistingDepartmentNames: rule.assistingDepartmentIds.map(nameOf),
    note: rule.note,
    editable: ruleAccess(user, rule.areaPath) === 'edit',
  }));
}

/** Rules that apply somewhere in the caller's area: their own to edit, wider ones read-only. */
export async function listDispatchRules(db: Queryable, user: SessionUser) {
  const visible = (await loadDispatchRules(db)).filter((rule) => ruleAccess(user, rule.areaPath) !== 'none');
  return describeDispatchRules(db, user, visible);
}

/**
 * What the rule form offers: the caller's area tree, and the departments a rule may send
 * to (their area's and the city's, no command centre) with the area each serves, so the
 * form can keep to those serving the whole of the chosen area.
 */
export async function dispatchRuleFormOptions(db: Queryable, user: SessionUser) {
  const rows = await db
    .select({
      id: departments.id,
      parentId: departments.parentId,
      name: departments.name,
      kind: departments.kind,
      areaId: departments.areaId,
      areaName: areas.name,
      areaLevel: areas.level,
      areaPath: areas.path,
    })
    .from(departments)
    .innerJoin(areas, eq(areas.id, departments.areaId))
    .orderBy(asc(departments.path));
  const reachable = rows.filter(
    (d) =>
      d.kind !== 'command_centre' && (d.areaPath.startsWith(user.areaPath) || user.areaPath.startsWith(d.areaPath)),
  );
  return {
    areas: await listAreaTree(db, user),
    departments: reachable.map(({ areaPath: _path, ...d }) => d),
    /** Whether the caller may leave the area empty (a rule for the whole city). */
    citywide: user.areaLevel === 'city',
  };
}
