import type { Queryable } from '@citygov/db/client';
import { crossCheckSamples } from '@citygov/db/schema/cross-check';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';

/**
 * A supervisor of another county may open the photos of a case sampled to them (交叉抽查),
 * though it lies outside their area: the assignment is their scope for that case.
 */
export async function reviewerMayOpenCase(db: Queryable, user: SessionUser, caseId: number): Promise<boolean> {
  if (!user.permissions.has('crossCheck.review')) return false;
  const [row] = await db
    .select({ id: crossCheckSamples.id })
    .from(crossCheckSamples)
    .where(and(eq(crossCheckSamples.caseId, caseId), eq(crossCheckSamples.reviewerId, user.id)))
    .limit(1);
  return row !== undefined;
}
