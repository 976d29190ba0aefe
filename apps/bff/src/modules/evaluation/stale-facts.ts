import type { Database, Queryable } from '@citygov/db/client';
import { caseEventConsumers } from '@citygov/db/schema/cases';
import { evaluationCaseFacts } from '@citygov/db/schema/supervision';
import { sql } from 'drizzle-orm';
import { createCatchUp, type StreamEvent, streamHead } from '../events/api';

/** The consumer's name on the event stream (its cursor row; migration 0036 starts it at the head). */
export const EVALUATION_FACTS_CONSUMER = 'evaluation-facts';

/**
 * Notes each case's last event, so kept facts read through an earlier one count as stale
 * (load-case-records.ts reads them afresh). Marks only: the facts themselves are computed
 * when a ranking needs them, so a busy stream costs one small upsert per batch.
 */
export async function markStaleFacts(tx: Queryable, events: readonly StreamEvent[]): Promise<void> {
  const latest = new Map<number, number>();
  for (const event of events) latest.set(event.caseId, Math.max(latest.get(event.caseId) ?? 0, event.seq));
  if (latest.size === 0) return;
  await tx
    .insert(evaluationCaseFacts)
    .values([...latest].map(([caseId, latestSeq]) => ({ caseId, latestSeq })))
    .onConflictDoUpdate({
      target: evaluationCaseFacts.caseId,
      set: { latestSeq: sql`greatest(${evaluationCaseFacts.latestSeq}, excluded.latest_seq)` },
    });
}

const runners = new WeakMap<Database, ReturnType<typeof createCatchUp>>();

/** Brings the stale marks up to the stream's end (shared by the calls of one process, as the wall rollup's). */
export function catchUpStaleFacts(db: Database): Promise<void> {
  let runner = runners.get(db);
  if (!runner) {
    runner = createCatchUp(db, EVALUATION_FACTS_CONSUMER, markStaleFacts);
    runners.set(db, runner);
  }
  return runner.catchUp();
}

/**
 * Starts the consumer at the stream's head when no facts are kept yet: with nothing kept,
 * nothing can be stale, so a history just written (the demo city's year of events) need
 * not be read through. Run before the process serves (start-up after seeding), when no
 * ranking can be reading timelines; returns whether it moved the cursor.
 */
export async function startStaleFactsAtHead(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${evaluationCaseFacts} in share mode`);
    const [kept] = await tx.select({ caseId: evaluationCaseFacts.caseId }).from(evaluationCaseFacts).limit(1);
    if (kept) return false;
    const head = await streamHead(tx);
    await tx
      .insert(caseEventConsumers)
      .values({ name: EVALUATION_FACTS_CONSUMER, position: head })
      .onConflictDoUpdate({ target: caseEventConsumers.name, set: { position: head, updatedAt: sql`now()` } });
    return true;
  });
}
