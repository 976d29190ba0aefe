import type { Queryable } from '@citygov/db/client';
import { caseDepartments, type cases } from '@citygov/db/schema/cases';
import { departments } from '@citygov/db/schema/org';
import type { CaseSnapshot } from '@citygov/domain/cases/plan-case-action';
import { and, eq, like } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { type ChiefPosts, chiefPostsFor } from '../street-chiefs/api';

type CaseRow = typeof cases.$inferSelect;

export interface DepartmentPart {
  role: 'lead' | 'assist' | null;
  /** The case's department row the user acts for (their own unit or one below it). */
  departmentId: number | null;
}

/**
 * The part the caller's department plays in a case: lead when the lead department is
 * theirs or one of their sub-units, else assist when an assisting one is. Only for
 * department staff who handle cases; others get no department check.
 */
export async function departmentPart(
  db: Queryable,
  user: SessionUser,
  caseId: number,
): Promise<DepartmentPart | undefined> {
  if (!user.departmentPath || !user.permissions.has('case.handle')) return undefined;
  const rows = await db
    .select({ departmentId: caseDepartments.departmentId, role: caseDepartments.role })
    .from(caseDepartments)
    .innerJoin(departments, eq(departments.id, caseDepartments.departmentId))
    .where(and(eq(caseDepartments.caseId, caseId), like(departments.path, `${user.departmentPath}%`)));
  const lead = rows.find((r) => r.role === 'lead');
  const assist = rows.find((r) => r.role === 'assist');
  const part = lead ?? assist;
  return { role: part?.role ?? null, departmentId: part?.departmentId ?? null };
}

/** 街长制: the caller's chief posts for a street-governance case's grid (none for other cases and people). */
export async function chiefPart(
  db: Queryable,
  user: SessionUser,
  row: Pick<CaseRow, 'chiefLine' | 'gridId'>,
  now: Date,
): Promise<ChiefPosts | undefined> {
  if (!row.chiefLine || !user.permissions.has('street.handle')) return undefined;
  return chiefPostsFor(db, user.id, row.gridId, now);
}

export function caseSnapshot(row: CaseRow, part: DepartmentPart | undefined, chief?: ChiefPosts): CaseSnapshot {
  return {
    chiefLine: row.chiefLine,
    enforcementFiled: row.enforcementFiled,
    closeSignedLine: row.closeSignedLine,
    ...(chief ? { chiefPart: chief } : {}),
    status: row.status,
    pendingKind: row.pendingKind,
    checkResult: row.checkResult,
    hungUpFrom: row.hungUpFrom,
    forced: row.forced,
    supervised: row.supervised,
    ...(part ? { departmentRole: part.role } : {}),
  };
}
