import type { Queryable } from '@citygov/db/client';
import { alarms } from '@citygov/db/schema/alarms';
import { asc, eq } from 'drizzle-orm';

/** The alarms behind a case, oldest first: which camera or sensor raised it, and each sighting. */
export async function alarmsOfCase(db: Queryable, caseId: number) {
  return db
    .select({
      id: alarms.id,
      source: alarms.source,
      type: alarms.type,
      subject: alarms.subject,
      subjectName: alarms.subjectName,
      confidence: alarms.confidence,
      value: alarms.value,
      at: alarms.at,
      outcome: alarms.outcome,
      snapshotAttachmentId: alarms.snapshotAttachmentId,
    })
    .from(alarms)
    .where(eq(alarms.caseId, caseId))
    .orderBy(asc(alarms.at));
}
