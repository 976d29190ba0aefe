import type { Database, Queryable } from '@citygov/db/client';
import { caseAttachments, caseEventConsumers, caseEvents, cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import { outboxMessages } from '@citygov/db/schema/outbox';
import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CaseChangeForChannel, IntegrationSystem, OutboundChannel } from '../../adapters/channel';
import { consumeCaseEvents, type StreamEvent, streamHead } from '../events/api';

export const OUTBOX_CONSUMER = 'outbox';

/** A lane that got new messages: the worker wakes it. */
export interface LaneRef {
  system: IntegrationSystem;
  lane: string;
}

/**
 * Turns the case event stream into outbox rows. The rows and the consumer's new position
 * commit in one transaction (`consumeCaseEvents`), so every committed case change becomes
 * its messages exactly once, even when the process dies between batches; the unique
 * idempotency key makes a repeat harmless anyway. The outbox starts at the stream's head
 * the first time it runs: the history before the link existed is not sent.
 */
export async function deriveOutbox(
  db: Database,
  channels: ReadonlyMap<IntegrationSystem, OutboundChannel>,
  options: { batchSize?: number } = {},
): Promise<{ applied: number; lanes: LaneRef[] }> {
  if (channels.size === 0) return { applied: 0, lanes: [] };
  const head = await streamHead(db);
  await db.insert(caseEventConsumers).values({ name: OUTBOX_CONSUMER, position: head }).onConflictDoNothing();
  const lanes = new Map<string, LaneRef>();
  const result = await consumeCaseEvents(
    db,
    OUTBOX_CONSUMER,
    async (tx, events) => {
      const changes = await changesOf(tx, events);
      const rows: (typeof outboxMessages.$inferInsert)[] = [];
      for (const change of changes) {
        for (const channel of channels.values()) {
          for (const draft of await channel.draftsFor(change, tx)) {
            rows.push({
              system: channel.system,
              lane: draft.lane,
              kind: draft.kind,
              caseId: change.case.id,
              eventSeq: change.event.seq,
              idempotencyKey: `citygov:${channel.system}:${draft.key}`,
              payload: draft.payload,
            });
            lanes.set(`${channel.system}|${draft.lane}`, { system: channel.system, lane: draft.lane });
          }
        }
      }
      for (let i = 0; i < rows.length; i += 200) {
        await tx
          .insert(outboxMessages)
          .values(rows.slice(i, i + 200))
          .onConflictDoNothing();
      }
    },
    { batchSize: options.batchSize ?? 500 },
  );
  return { applied: result.applied, lanes: [...lanes.values()] };
}

const grid = alias(areas, 'grid');
const street = alias(areas, 'street');
const district = alias(areas, 'district');

/** The stream events with their cases as the adapters see them. */
async function changesOf(tx: Queryable, events: readonly StreamEvent[]): Promise<CaseChangeForChannel[]> {
  if (events.length === 0) return [];
  const caseIds = [...new Set(events.map((e) => e.caseId))];
  const caseRows = await tx
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      source: cases.source,
      kind: cases.kind,
      categoryCode: cases.categoryCode,
      urgency: cases.urgency,
      description: cases.description,
      address: cases.address,
      lng: cases.lng,
      lat: cases.lat,
      gridCode: grid.code,
      streetCode: street.code,
      districtCode: district.code,
      status: cases.status,
      reportedAt: cases.reportedAt,
      closedAt: cases.closedAt,
      deadlineAt: cases.stageDeadlineAt,
    })
    .from(cases)
    .innerJoin(grid, eq(grid.id, cases.gridId))
    .innerJoin(street, eq(street.id, cases.streetId))
    .innerJoin(district, eq(district.id, cases.districtId))
    .where(inArray(cases.id, caseIds));
  const attachmentRows = await tx
    .select({
      caseId: caseAttachments.caseId,
      id: caseAttachments.id,
      purpose: caseAttachments.purpose,
      mime: caseAttachments.mime,
      sha256: caseAttachments.sha256,
    })
    .from(caseAttachments)
    .where(inArray(caseAttachments.caseId, caseIds));
  const eventRows = await tx
    .select({ id: caseEvents.id, label: caseEvents.label, reason: caseEvents.reason })
    .from(caseEvents)
    .where(
      inArray(
        caseEvents.id,
        events.map((e) => e.eventId),
      ),
    );
  const byCase = new Map(caseRows.map((row) => [row.id, row]));
  const eventText = new Map(eventRows.map((row) => [row.id, row]));
  const changes: CaseChangeForChannel[] = [];
  for (const event of events) {
    const row = byCase.get(event.caseId);
    if (!row) continue;
    const text = eventText.get(event.eventId);
    changes.push({
      event: {
        seq: event.seq,
        eventId: event.eventId,
        action: event.action,
        label: text?.label ?? event.action,
        actorKind: event.actorKind,
        actorName: event.actorName,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        at: event.at,
        reason: text?.reason ?? null,
        detail: event.detail,
      },
      case: {
        ...row,
        attachments: attachmentRows
          .filter((a) => a.caseId === row.id)
          .map((a) => ({ id: a.id, purpose: a.purpose, mime: a.mime, sha256: a.sha256 })),
      },
    });
  }
  return changes;
}
