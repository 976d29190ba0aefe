import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { NotFoundError } from '@citygov/domain/errors';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/context';
import { caseScope } from './case-scope';

export type CaseRow = typeof cases.$inferSelect;

/** One case through the caller's scope; out of scope reads the same as missing. */
export async function loadCaseInScope(db: Queryable, user: SessionUser, caseId: number): Promise<CaseRow> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), caseScope(user)));
  if (!row) throw new NotFoundError('案件不存在或不在您的管辖范围内');
  return row;
}
