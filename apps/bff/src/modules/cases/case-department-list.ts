import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { caseDepartments } from '@citygov/db/schema/cases';
import { departments } from '@citygov/db/schema/org';
import { maskPhone } from '@citygov/domain/personal-data';
import { asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { gridMemberColumns } from './case-assignments';

const parent = alias(departments, 'parent_department');
const feeder = alias(users, 'assist_feeder');

/**
 * The departments on a case for its detail: the lead (主办) first, then the assisting
 * ones (协办) with their own feedback (协办反馈) — text, when and by whom, or null while
 * they have not reported. A sub-unit carries its parent's name (二级派遣 leaves one as lead).
 */
export function caseDepartmentList(db: Queryable, caseId: number) {
  return db
    .select({
      id: departments.id,
      name: departments.name,
      kind: departments.kind,
      parentName: parent.name,
      role: caseDepartments.role,
      assignedAt: caseDepartments.assignedAt,
      feedback: caseDepartments.feedback,
      fedBackAt: caseDepartments.fedBackAt,
      fedBackByName: feeder.displayName,
    })
    .from(caseDepartments)
    .innerJoin(departments, eq(departments.id, caseDepartments.departmentId))
    .leftJoin(parent, eq(parent.id, departments.parentId))
    .leftJoin(feeder, eq(feeder.id, caseDepartments.fedBackBy))
    .where(eq(caseDepartments.caseId, caseId))
    .orderBy(desc(eq(caseDepartments.role, 'lead')), asc(departments.path));
}

/** The grid member (网格责任人) named at dispatch, with what the desk shows of them (phone masked). */
export async function gridMemberOf(db: Queryable, userId: number | null) {
  if (!userId) return null;
  const [member] = await db.select(gridMemberColumns).from(users).where(eq(users.id, userId));
  return member ? { ...member, phone: maskPhone(member.phone) } : null;
}
