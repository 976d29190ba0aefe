import { type Queryable, rowsOf } from '@citygov/db/client';
import { caseEvents } from '@citygov/db/schema/cases';
import { evaluationCaseFacts } from '@citygov/db/schema/supervision';
import type { CaseStatus } from '@citygov/domain/cases/case-states';
import { keepFacts } from '@citygov/domain/evaluation/kept-facts';
import { type TimelineFacts, type TimelineStep, timelineFacts } from '@citygov/domain/evaluation/timeline-facts';
import { sql } from 'drizzle-orm';

/** Cases per timeline read and per write of their facts. */
const CHUNK = 4_000;

/** One event as the timeline query packs it: action, at (epoch ms), actor id, to-status, deadline (epoch ms). */
type PackedStep = [string, number, number | null, CaseStatus, number | null];

function unpack(steps: unknown): TimelineStep[] {
  // Our own query's output (PGlite hands json back parsed, postgres.js too; text is tolerated).
  const packed = (typeof steps === 'string' ? JSON.parse(steps) : steps) as PackedStep[];
  return packed.map(([action, at, actorId, toStatus, deadlineAt]) => ({
    action,
    at: new Date(at),
    actorId,
    toStatus,
    deadlineAt: deadlineAt === null ? null : new Date(deadlineAt),
  }));
}

/**
 * The timelines of some cases, oldest event first, one row per case with its events packed
 * as a JSON array (row-per-event decoding was most of the cost), and the stream position
 * each was read through.
 */
async function timelinesOf(db: Queryable, ids: number[]) {
  const rows = rowsOf<{ case_id: number | string; steps: unknown; seq: number | string | null }>(
    await db.execute(sql`
      select ${caseEvents.caseId} as case_id, max(${caseEvents.seq}) as seq,
        json_agg(json_build_array(${caseEvents.action}, extract(epoch from ${caseEvents.at}) * 1000, ${caseEvents.actorId},
          ${caseEvents.toStatus}, extract(epoch from ${caseEvents.deadlineAt}) * 1000) order by ${caseEvents.id}) as steps
      from ${caseEvents}
      where ${caseEvents.caseId} in (select value::bigint from json_array_elements_text(${JSON.stringify(ids)}::json))
      group by ${caseEvents.caseId}`),
  );
  return new Map(rows.map((row) => [Number(row.case_id), { steps: unpack(row.steps), seq: Number(row.seq ?? 0) }]));
}

async function keep(db: Queryable, rows: { case_id: number; facts: unknown; facts_seq: number }[]) {
  if (rows.length === 0) return;
  // One parameter, the rows as JSON: thousands of bound values are slow to build and plan.
  // Only the facts are set: the consumer's mark of a newer event stays, so facts read before it stay stale.
  await db.execute(sql`
    insert into ${evaluationCaseFacts} (case_id, facts, facts_seq)
    select r.case_id, r.facts, r.facts_seq
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(case_id bigint, facts jsonb, facts_seq bigint)
    on conflict (case_id) do update set facts = excluded.facts, facts_seq = excluded.facts_seq`);
}

/**
 * Reads the facts of cases whose kept facts are missing or stale from their timelines,
 * and keeps them. Chunked, and pipelined: the first ranking of a month in a large city
 * reads hundreds of thousands of timelines, so the next chunk's timelines are read and
 * the last chunk's facts written while this chunk's facts are computed.
 */
export async function readAndKeep(db: Queryable, missing: { id: number; source: string }[]) {
  const out = new Map<number, TimelineFacts>();
  const chunks: { id: number; source: string }[][] = [];
  for (let i = 0; i < missing.length; i += CHUNK) chunks.push(missing.slice(i, i + CHUNK));
  // A failure surfaces where the promise is awaited; the handler only keeps Node from
  // treating it as unhandled while the other half of the pipeline is being awaited.
  const inFlight = <T>(promise: Promise<T>) => {
    promise.catch(() => undefined);
    return promise;
  };
  const read = (chunk: { id: number }[] | undefined) =>
    chunk
      ? inFlight(
          timelinesOf(
            db,
            chunk.map((c) => c.id),
          ),
        )
      : null;
  let next = read(chunks[0]);
  let writing: Promise<void> = Promise.resolve();
  for (let k = 0; k < chunks.length; k++) {
    const timelines = await next;
    next = read(chunks[k + 1]);
    const rows = (chunks[k] ?? []).map(({ id, source }) => {
      const timeline = timelines?.get(id);
      const facts = timelineFacts(source, timeline?.steps ?? []);
      out.set(id, facts);
      return { case_id: id, facts: keepFacts(facts), facts_seq: timeline?.seq ?? 0 };
    });
    await writing;
    writing = inFlight(keep(db, rows));
  }
  await writing;
  return out;
}
