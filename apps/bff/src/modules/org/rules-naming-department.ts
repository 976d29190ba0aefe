import type { Queryable } from '@citygov/db/client';
import { dispatchRules } from '@citygov/db/schema/dispatch';
import { ConflictError } from '@citygov/domain/errors';
import { eq, or, sql } from 'drizzle-orm';

/**
 * A department named by a dispatch rule cannot be deleted: the rule would send cases to
 * nowhere (assisting departments are an id array, so no foreign key guards them).
 */
export async function refuseIfNamedByRules(db: Queryable, departmentId: number): Promise<void> {
  const rules = await db
    .select({ name: dispatchRules.name })
    .from(dispatchRules)
    .where(
      or(
        eq(dispatchRules.leadDepartmentId, departmentId),
        sql`${departmentId} = any(${dispatchRules.assistingDepartmentIds})`,
      ),
    )
    .limit(3);
  if (rules.length === 0) return;
  const names = rules.map((r) => `「${r.name}」`).join('、');
  throw new ConflictError(`派遣规则${names}仍指向该部门，请先修改或删除这些规则`);
}
