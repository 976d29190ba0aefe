import type { Queryable } from '@citygov/db/client';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { asc, eq, gt, sql } from 'drizzle-orm';

/** One entry of the stream with what a consumer usually needs of its case. */
export interface StreamEvent {
  seq: number;
  eventId: number;
  caseId: number;
  caseNo: string;
  districtId: number;
  action: string;
  actorKind: 'person' | 'system';
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string;
  at: Date;
  detail: Record<string, unknown> | null;
}

/** Events after a position, in stream order (only committed events have a position). */
export async function readCaseEventsAfter(db: Queryable, position: number, limit: number): Promise<StreamEvent[]> {
  const rows = await db
    .select({
      seq: caseEvents.seq,
      eventId: caseEvents.id,
      caseId: caseEvents.caseId,
      caseNo: cases.caseNo,
      districtId: cases.districtId,
      action: caseEvents.action,
      actorKind: caseEvents.actorKind,
      actorName: caseEvents.actorName,
      fromStatus: caseEvents.fromStatus,
      toStatus: caseEvents.toStatus,
      at: caseEvents.at,
      detail: caseEvents.detail,
    })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(gt(caseEvents.seq, position))
    .orderBy(asc(caseEvents.seq))
    .limit(limit);
  return rows.map((row) => ({ ...row, seq: row.seq ?? 0 }));
}

/** The stream's current end: the position of the last committed event. */
export async function streamHead(db: Queryable): Promise<number> {
  const [row] = await db.select({ seq: sql<number>`coalesce(max(${caseEvents.seq}), 0)::bigint` }).from(caseEvents);
  return Number(row?.seq ?? 0);
}
