import type { Queryable } from '@citygov/db/client';
import { caseAttachments, cases } from '@citygov/db/schema/cases';
import { and, eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { caseScope } from '../cases/api';
import { reviewerMayOpenCase } from '../cross-check/api';

export interface ViewableAttachment {
  id: number;
  caseId: number | null;
  sha256: string;
  mime: string;
  bytes: number;
}

/**
 * An attachment the user may fetch, or null (unknown and not allowed look the same).
 * The rule is the case's: an attached file is visible exactly when the user may open
 * its case (`cases.byId`: the `portal.view` permission and `caseScope`, which narrows
 * department staff to their department's cases), or a case sampled to the caller for a
 * cross-check review (交叉抽查); an unattached upload only to its
 * uploader. Every path to the bytes (original, thumbnail, ranges, HEAD) asks here.
 */
export async function getViewableAttachment(
  db: Queryable,
  user: SessionUser,
  { id }: { id: number },
): Promise<ViewableAttachment | null> {
  const [row] = await db
    .select({
      id: caseAttachments.id,
      caseId: caseAttachments.caseId,
      sha256: caseAttachments.sha256,
      mime: caseAttachments.mime,
      bytes: caseAttachments.bytes,
      uploadedBy: caseAttachments.uploadedBy,
    })
    .from(caseAttachments)
    .where(eq(caseAttachments.id, id));
  if (!row) return null;
  const { uploadedBy, ...attachment } = row;
  if (row.caseId === null) return uploadedBy === user.id ? attachment : null;
  return (await mayOpenCase(db, user, row.caseId)) ? attachment : null;
}

async function mayOpenCase(db: Queryable, user: SessionUser, caseId: number): Promise<boolean> {
  if (!user.permissions.has('portal.view')) return false;
  const [visible] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), caseScope(user)));
  return visible !== undefined || (await reviewerMayOpenCase(db, user, caseId));
}
