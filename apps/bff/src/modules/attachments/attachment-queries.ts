import type { Queryable } from '@citygov/db/client';
import { caseAttachments, cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/context';
import { coversAreaPath } from '../org/scope';

export interface ViewableAttachment {
  id: number;
  caseId: number | null;
  sha256: string;
  mime: string;
  bytes: number;
}

/**
 * An attachment the user may see, or null (unknown and out-of-scope look the same).
 * Unattached uploads are private to their uploader; attached ones follow the case's
 * grid: visible when the grid lies inside the user's area scope.
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
      gridPath: areas.path,
    })
    .from(caseAttachments)
    .leftJoin(cases, eq(cases.id, caseAttachments.caseId))
    .leftJoin(areas, eq(areas.id, cases.gridId))
    .where(eq(caseAttachments.id, id));
  if (!row) return null;
  const visible =
    row.uploadedBy === user.id || (row.caseId !== null && row.gridPath !== null && coversAreaPath(user, row.gridPath));
  if (!visible) return null;
  const { uploadedBy: _uploadedBy, gridPath: _gridPath, ...attachment } = row;
  return attachment;
}
