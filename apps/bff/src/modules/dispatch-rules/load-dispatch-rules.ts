import type { Queryable } from '@citygov/db/client';
import { dispatchRules } from '@citygov/db/schema/dispatch';
import { areas } from '@citygov/db/schema/org';
import type { DispatchRule } from '@citygov/domain/dispatch/dispatch-rules';
import { asc, eq } from 'drizzle-orm';

export type StoredDispatchRule = DispatchRule & { areaId: number | null; areaName: string | null; note: string | null };

/** Every rule with its area's path; a city has tens to hundreds, so they are matched in memory. */
export async function loadDispatchRules(db: Queryable): Promise<StoredDispatchRule[]> {
  const rows = await db
    .select({ rule: dispatchRules, areaPath: areas.path, areaName: areas.name })
    .from(dispatchRules)
    .leftJoin(areas, eq(areas.id, dispatchRules.areaId))
    .orderBy(asc(dispatchRules.id));
  return rows.map(({ rule, areaPath, areaName }) => ({
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    automatic: rule.automatic,
    priority: rule.priority,
    kind: rule.kind,
    majorCode: rule.majorCode,
    categoryCode: rule.categoryCode,
    areaId: rule.areaId,
    areaPath: areaPath ?? null,
    areaName: areaName ?? null,
    urgency: rule.urgency,
    leadDepartmentId: rule.leadDepartmentId,
    assistingDepartmentIds: rule.assistingDepartmentIds,
    note: rule.note,
  }));
}
