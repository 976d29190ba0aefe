import type { Database, Queryable } from '@citygov/db/client';
import { caseEventConsumers } from '@citygov/db/schema/cases';
import { eq, sql } from 'drizzle-orm';
import { readCaseEventsAfter, type StreamEvent } from './read-case-events';

export interface ConsumeResult {
  /** Events applied in this call. */
  applied: number;
  /** The consumer's position afterwards. */
  position: number;
}

/**
 * Feeds a consumer (a rollup, the outbox, an evaluation) the events after its stored
 * position, one batch per transaction: the consumer's own writes and its new position
 * commit together, so a consumer that stops anywhere resumes exactly where its last
 * committed batch ended — no gap, no event applied twice. The cursor row is locked for
 * the batch, so two processes running the same consumer take turns instead of racing.
 */
export async function consumeCaseEvents(
  db: Database,
  consumer: string,
  apply: (tx: Queryable, events: readonly StreamEvent[]) => Promise<void>,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<ConsumeResult> {
  const batchSize = options.batchSize ?? 500;
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  let applied = 0;
  let position = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const step = await db.transaction(async (tx) => {
      await tx.insert(caseEventConsumers).values({ name: consumer }).onConflictDoNothing();
      const [cursor] = await tx
        .select({ position: caseEventConsumers.position })
        .from(caseEventConsumers)
        .where(eq(caseEventConsumers.name, consumer))
        .for('update');
      const from = Number(cursor?.position ?? 0);
      const events = await readCaseEventsAfter(tx, from, batchSize);
      if (events.length === 0) return { count: 0, position: from };
      await apply(tx, events);
      const to = events[events.length - 1]?.seq ?? from;
      await tx
        .update(caseEventConsumers)
        .set({ position: to, updatedAt: sql`now()` })
        .where(eq(caseEventConsumers.name, consumer));
      return { count: events.length, position: to };
    });
    applied += step.count;
    position = step.position;
    if (step.count < batchSize) break;
    // PGlite answers in the same thread without I/O, so a loop of batches would run on
    // microtasks alone and hold every request (even /readyz) until a long backlog is done:
    // let the event loop turn between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { applied, position };
}

/** Where a consumer stands (0 before its first batch). */
export async function consumerPosition(db: Queryable, consumer: string): Promise<number> {
  const [row] = await db
    .select({ position: caseEventConsumers.position })
    .from(caseEventConsumers)
    .where(eq(caseEventConsumers.name, consumer));
  return Number(row?.position ?? 0);
}
