import { caseEvents } from '@citygov/db/schema/cases';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { personActor } from '../cases/case-actor';
import { pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { appendCaseEvent } from './append-case-event';
import { consumeCaseEvents, consumerPosition } from './event-consumers';
import { readCaseEventsAfter, streamHead } from './read-case-events';

let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;

beforeAll(async () => {
  app = await openTestApp();
  here = await pointIn(app, '临江区');
  // What the test consumer writes: one row per event it applied; the primary key refuses a second.
  await app.db.execute(sql`create table stream_tally (seq bigint primary key, action text not null)`);
});
afterAll(() => app?.close());

async function reportSome(count: number) {
  const collector = await app.as('linjiang.collector');
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const created = await collector.cases.report({
      ...SAMPLE_REPORT,
      ...here,
      description: `事件流测试第${i}件违章搭建`,
    });
    ids.push(created.id);
  }
  return ids;
}

async function tally() {
  const result = await app.db.execute(sql`select seq::bigint as seq from stream_tally order by seq`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { seq: string | number }[];
  return rows.map((r) => Number(r.seq));
}

describe('the case event stream', () => {
  it('gives every change a position in commit order, the same event as the timeline row', async () => {
    const before = await streamHead(app.db);
    const [id] = await reportSome(1);
    const acceptor = await app.as('linjiang.acceptor');
    const { case: c } = await acceptor.cases.byId({ id: id ?? 0 });
    await acceptor.cases.act({ caseId: c.id, expectedVersion: c.version, action: 'accept' });
    const events = await readCaseEventsAfter(app.db, before, 100);
    const ours = events.filter((e) => e.caseId === id);
    expect(ours.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['report', null, 'reported'],
      ['accept', 'reported', 'accepted'],
    ]);
    // Positions are consecutive from the head on: no gaps.
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => before + i + 1));
    expect(await streamHead(app.db)).toBe(before + events.length);
  });

  it('refuses to rewrite history', async () => {
    const [last] = await app.db.select().from(caseEvents).orderBy(asc(caseEvents.id)).limit(1);
    const rewrite = app.db
      .update(caseEvents)
      .set({ reason: '改写' })
      .where(eq(caseEvents.id, last?.id ?? 0));
    await expect(rewrite).rejects.toThrow();
  });

  it('a consumer stopped in the middle resumes from its cursor with no gap and no event applied twice', async () => {
    await reportSome(7);
    const head = await streamHead(app.db);
    const apply = async (
      tx: Parameters<Parameters<typeof consumeCaseEvents>[2]>[0],
      events: readonly { seq: number; action: string }[],
    ) => {
      for (const e of events)
        await tx.execute(sql`insert into stream_tally (seq, action) values (${e.seq}, ${e.action})`);
    };

    // Two batches of 3, then the process "stops".
    const first = await consumeCaseEvents(app.db, 'test-tally', apply, { batchSize: 3, maxBatches: 2 });
    expect(first).toEqual({ applied: 6, position: 6 });
    // The next batch fails half-way (a crash inside the batch): its writes and its cursor move roll back together.
    let calls = 0;
    const crashing = consumeCaseEvents(
      app.db,
      'test-tally',
      async (tx, events) => {
        calls++;
        await apply(tx, events.slice(0, 1));
        throw new Error('consumer crashed');
      },
      { batchSize: 3 },
    );
    await expect(crashing).rejects.toThrow('consumer crashed');
    expect(calls).toBe(1);
    expect(await consumerPosition(app.db, 'test-tally')).toBe(6);

    // Restarted, it catches up to the head.
    const rest = await consumeCaseEvents(app.db, 'test-tally', apply, { batchSize: 3 });
    expect(rest.position).toBe(head);
    const applied = await tally();
    expect(applied).toEqual(Array.from({ length: head }, (_, i) => i + 1));

    // Nothing new: nothing applied, the cursor stays.
    expect(await consumeCaseEvents(app.db, 'test-tally', apply)).toEqual({ applied: 0, position: head });
  });

  it('lets other work in between batches while it catches up a backlog', async () => {
    await reportSome(4);
    // A request arriving meanwhile is a macrotask; on PGlite (no I/O) the batches alone never yield to it.
    let arrived = false;
    setImmediate(() => {
      arrived = true;
    });
    const seenByBatch: boolean[] = [];
    await consumeCaseEvents(app.db, 'test-turns', async () => void seenByBatch.push(arrived), { batchSize: 1 });
    expect(seenByBatch.length).toBeGreaterThan(2);
    expect(seenByBatch.at(-1)).toBe(true);
  });

  it('orders by commit, not by start: a transaction that commits later gets the later position', async () => {
    if (app.kind === 'pglite') return; // one connection: PGlite runs transactions one after another
    const [caseId] = await reportSome(1);
    const actor = personActor(await loadUser('linjiang.collector'));
    const before = await streamHead(app.db);
    let releaseSlow = () => {};
    const slowMayCommit = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    let slowEventId = 0;
    const slow = app.db.transaction(async (tx) => {
      slowEventId = (await appendCaseEvent(tx, remark(caseId ?? 0, actor, '先开始，后提交'))).id;
      await slowMayCommit;
    });
    // Let the slow transaction insert first (it holds the smaller id).
    while (slowEventId === 0) await new Promise((r) => setTimeout(r, 10));
    const fastEventId = await app.db.transaction(
      async (tx) => (await appendCaseEvent(tx, remark(caseId ?? 0, actor, '后开始，先提交'))).id,
    );
    expect(fastEventId).toBeGreaterThan(slowEventId);
    // A reader now sees the fast one only; the slow one is not yet part of the stream.
    const seen = await readCaseEventsAfter(app.db, before, 10);
    expect(seen.map((e) => e.eventId)).toEqual([fastEventId]);
    releaseSlow();
    await slow;
    const all = await readCaseEventsAfter(app.db, before, 10);
    expect(all.map((e) => e.eventId)).toEqual([fastEventId, slowEventId]);
    expect(all.map((e) => e.seq)).toEqual([before + 1, before + 2]);
  });
});

async function loadUser(username: string) {
  const { loadSessionUser } = await import('../auth/session-store');
  const user = await loadSessionUser(app.db, await app.userId(username));
  if (!user) throw new Error(`no user ${username}`);
  return user;
}

function remark(caseId: number, actor: ReturnType<typeof personActor>, text: string) {
  return {
    caseId,
    action: 'remark' as const,
    label: '备注',
    actor,
    fromStatus: 'reported' as const,
    toStatus: 'reported' as const,
    reason: text,
    detail: null,
    at: new Date(),
  };
}
