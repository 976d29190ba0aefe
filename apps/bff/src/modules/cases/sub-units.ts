import type { Queryable } from '@citygov/db/client';
import { departments } from '@citygov/db/schema/org';
import { and, asc, eq, like, ne } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { loadCaseForWork } from './load-case';

/**
 * 二级派遣 targets: the units below the case's lead department (the ones `subDispatch`
 * accepts), the nearest first. Empty while the case has no lead department.
 */
export async function subUnitsForCase(db: Queryable, user: SessionUser, caseId: number) {
  const row = await loadCaseForWork(db, user, caseId);
  if (!row.leadDepartmentId) return [];
  const [lead] = await db
    .select({ id: departments.id, path: departments.path })
    .from(departments)
    .where(eq(departments.id, row.leadDepartmentId));
  if (!lead) return [];
  const units = await db
    .select({ id: departments.id, name: departments.name, kind: departments.kind, path: departments.path })
    .from(departments)
    .where(and(like(departments.path, `${lead.path}%`), ne(departments.id, lead.id)))
    .orderBy(asc(departments.path));
  return units.map(({ path, ...unit }) => ({ ...unit, depth: depthBelow(lead.path, path) }));
}

/** 1 for a direct child: paths are "/<id>/<id>/…/", one segment per level. */
function depthBelow(parentPath: string, path: string): number {
  return path.slice(parentPath.length).split('/').filter(Boolean).length;
}
