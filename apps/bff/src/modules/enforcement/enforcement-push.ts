import type { Queryable } from '@citygov/db/client';
import type { cases } from '@citygov/db/schema/cases';
import { enforcementLinks } from '@citygov/db/schema/enforcement';
import { areas } from '@citygov/db/schema/org';
import { outboxMessages } from '@citygov/db/schema/outbox';
import { and, eq, inArray } from 'drizzle-orm';
import { ENFORCEMENT_CONTRACT_VERSION, type EnforcementCaseSource } from '../../adapters/enforcement/contract';
import { CASE_SOURCE_KIND } from '../../adapters/enforcement/enforcement-channel';
import { enqueueOutboxMessage } from '../integrations/api';

type CaseRow = typeof cases.$inferSelect;

/** One 案源 per case: the outbox key, so a second push (or a retry) never makes a second one. */
export function caseSourceKey(caseId: number): string {
  return `case-source:${caseId}`;
}

/** Whether the case's 案源 is already in the outbox (sent or not). */
export async function caseSourceQueued(db: Queryable, caseId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.system, 'enforcement'),
        eq(outboxMessages.kind, CASE_SOURCE_KIND),
        eq(outboxMessages.caseId, caseId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Puts the case's 案源 in the outbox, in the caller's transaction (with its linked subjects
 * as they are now); the worker delivers it once, by its key. Returns false when it was
 * already there.
 */
export async function enqueueCaseSource(
  db: Queryable,
  row: CaseRow,
  pushedBy: string,
  note: string | null,
  now = new Date(),
): Promise<boolean> {
  if (await caseSourceQueued(db, row.id)) return false;
  const subjects = await db
    .select({
      subjectId: enforcementLinks.subjectId,
      kind: enforcementLinks.subjectKind,
      name: enforcementLinks.subjectName,
    })
    .from(enforcementLinks)
    .where(eq(enforcementLinks.caseId, row.id))
    .orderBy(enforcementLinks.id);
  const areaIds = [row.districtId, row.streetId];
  const codes = new Map(
    (await db.select({ id: areas.id, code: areas.code }).from(areas).where(inArray(areas.id, areaIds))).map((a) => [
      a.id,
      a.code,
    ]),
  );
  const payload: EnforcementCaseSource = {
    contractVersion: ENFORCEMENT_CONTRACT_VERSION,
    caseNo: row.caseNo,
    category: row.categoryCode,
    description: row.description.slice(0, 2000),
    address: row.address.slice(0, 200),
    coordinates: { lng: row.lng, lat: row.lat, crs: 'CGCS2000' },
    districtCode: codes.get(row.districtId) ?? '',
    streetCode: codes.get(row.streetId) ?? '',
    reportedAt: row.reportedAt.toISOString(),
    subjects,
    pushedBy: pushedBy.slice(0, 60),
    pushedAt: now.toISOString(),
    note,
  };
  await enqueueOutboxMessage(db, {
    system: 'enforcement',
    kind: CASE_SOURCE_KIND,
    lane: `case:${row.id}`,
    key: caseSourceKey(row.id),
    caseId: row.id,
    payload: payload as unknown as Record<string, unknown>,
  });
  return true;
}
