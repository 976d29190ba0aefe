import type { Queryable } from '@citygov/db/client';
import { departments } from '@citygov/db/schema/org';
import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

const parent = alias(departments, 'parent_department');

/**
 * Department names by id, as people know them: a sub-unit with its parent
 * ("临江区市政管理所／第一养护班"). Unknown ids are left out.
 */
export async function departmentNames(db: Queryable, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: departments.id, name: departments.name, kind: departments.kind, parentName: parent.name })
    .from(departments)
    .leftJoin(parent, eq(parent.id, departments.parentId))
    .where(inArray(departments.id, unique));
  return new Map(
    rows.map((d) => [d.id, d.kind === 'sub_unit' && d.parentName ? `${d.parentName}／${d.name}` : d.name]),
  );
}
