import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { NotFoundError } from '@citygov/domain/errors';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { caseScope, caseWorkScope } from './case-scope';

export type CaseRow = typeof cases.$inferSelect;

const notInScope = () => new NotFoundError('案件不存在或不在您的管辖范围内', { code: 'CASE_NOT_IN_SCOPE' });

/** One case the caller may see; out of scope reads the same as missing. */
export async function loadCaseInScope(db: Queryable, user: SessionUser, caseId: number): Promise<CaseRow> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), caseScope(user)));
  if (!row) throw notInScope();
  return row;
}

/**
 * One case the caller may work on (act on, assign, pass on); a case they only reported,
 * outside their area or department, reads as missing here.
 */
export async function loadCaseForWork(db: Queryable, user: SessionUser, caseId: number): Promise<CaseRow> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), caseWorkScope(user)));
  if (!row) throw notInScope();
  return row;
}
