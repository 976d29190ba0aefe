import type { Queryable } from '@citygov/db/client';
import { caseAttachments } from '@citygov/db/schema/cases';
import { ValidationError } from '@citygov/domain/errors';
import { and, eq, inArray, isNull } from 'drizzle-orm';

export interface AttachUploadsInput {
  caseId: number;
  /** The timeline row of the action the photos document, when there is one. */
  eventId: number | null;
  attachmentIds: number[];
  /** The acting user: only their own uploads can be attached. */
  userId: number;
}

export const MAX_ATTACHMENTS_PER_ACTION = 20;

/**
 * Links the caller's fresh uploads to a case, inside the caller's transaction (pass
 * the transaction as `db`). Refuses the whole set if any id is unknown, someone
 * else's, or already on another case; ids already on this case are left as they are.
 */
export async function attachUploads(db: Queryable, input: AttachUploadsInput): Promise<void> {
  const ids = [...new Set(input.attachmentIds)];
  if (ids.length === 0) return;
  if (ids.length > MAX_ATTACHMENTS_PER_ACTION) {
    throw new ValidationError(`一次最多关联 ${MAX_ATTACHMENTS_PER_ACTION} 个附件`);
  }
  // Lock the rows so two actions cannot both claim the same upload.
  const rows = await db
    .select({ id: caseAttachments.id, caseId: caseAttachments.caseId, uploadedBy: caseAttachments.uploadedBy })
    .from(caseAttachments)
    .where(inArray(caseAttachments.id, ids))
    .for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fresh: number[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) throw new ValidationError(`附件不存在（编号 ${id}），请重新上传`);
    if (row.uploadedBy !== input.userId) throw new ValidationError(`不能使用他人上传的附件（编号 ${id}）`);
    if (row.caseId === input.caseId) continue;
    if (row.caseId !== null) throw new ValidationError(`附件已关联到其他案件（编号 ${id}），请重新上传`);
    fresh.push(id);
  }
  if (fresh.length === 0) return;
  const updated = await db
    .update(caseAttachments)
    .set({ caseId: input.caseId, eventId: input.eventId })
    .where(
      and(
        inArray(caseAttachments.id, fresh),
        eq(caseAttachments.uploadedBy, input.userId),
        isNull(caseAttachments.caseId),
      ),
    )
    .returning({ id: caseAttachments.id });
  if (updated.length !== fresh.length) throw new ValidationError('附件已被其他操作使用，请重新上传');
}
