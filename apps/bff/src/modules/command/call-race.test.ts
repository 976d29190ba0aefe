import { type OpenDatabase, openDatabase, rowsOf } from '@citygov/db/client';
import { auditLog } from '@citygov/db/schema/audit';
import { caseEvents } from '@citygov/db/schema/cases';
import { caseCalls } from '@citygov/db/schema/command';
import { openTestDatabase } from '@citygov/db/testing/open-test-database';
import { testDatabaseKind } from '@citygov/db/testing/test-database';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testAppOn } from '../../testing/test-app';
import { pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { expireCall } from './call-expiry';
import { standOnDuty } from './command-test-helpers';

/**
 * 呼叫超时 when two BFF processes work the outbox worker's queue: the expiry job of one call
 * may run in both at once, or race the called person's late answer. Each process has its
 * own pool on the one database. Only PostgreSQL can be shared by two processes (PGlite is
 * one embedded connection in one process, so nothing there ever runs concurrently), so
 * this runs in the PostgreSQL pass.
 */
const postgres = testDatabaseKind() === 'postgres';
const ROUNDS = 6;

let app: TestApp;
/** The other process's pool. */
let other: OpenDatabase;
let here: { lng: number; lat: number };

beforeAll(async () => {
  if (!postgres) return;
  const open = await openTestDatabase();
  app = testAppOn(open, { CITYGOV_CALL_TIMEOUT_SECONDS: '1' });
  other = await openDatabase({ databaseUrl: open.location, maxConnections: 5 });
  here = await pointIn(app, '临江区');
});
afterAll(async () => {
  await other?.close();
  await app?.close();
});

/** Puts a demo account on duty with a fresh fix `metres` north of the cases. */
const stand = (username: string, metres: number) => standOnDuty(app, here, username, metres);

/** A new case called to its nearest person (the collector); returns the case and its open call. */
async function calledCase(round: number) {
  const collector = await app.as('linjiang.collector');
  const { id } = await collector.cases.report({ ...SAMPLE_REPORT, description: `井盖缺失，第${round}处`, ...here });
  await (await app.as('linjiang.area_chief')).command.callNearest({ caseId: id });
  const [call] = await app.db
    .select()
    .from(caseCalls)
    .where(and(eq(caseCalls.caseId, id), eq(caseCalls.state, 'calling')));
  if (!call) throw new Error('no open call');
  return { caseId: id, call };
}

async function timeline(caseId: number) {
  const rows = await app.db
    .select({ action: caseEvents.action })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));
  return rows.map((r) => r.action);
}

async function callsOf(caseId: number) {
  const rows = await app.db
    .select({ userId: caseCalls.userId, state: caseCalls.state })
    .from(caseCalls)
    .where(eq(caseCalls.caseId, caseId))
    .orderBy(asc(caseCalls.id));
  return rows.map((r) => [r.userId, r.state]);
}

async function timeoutAudits(caseId: number) {
  return app.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'command.callTimeout'), eq(auditLog.target, `case:${caseId}`)));
}

/** Sessions of this database waiting for a lock (a racer blocked on the case row). */
async function waitingOnLocks(): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await app.db.execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    ),
  );
  return row?.n ?? 0;
}

async function untilWaiting(n: number) {
  const deadline = Date.now() + 10_000;
  while ((await waitingOnLocks()) < n) {
    if (Date.now() > deadline) throw new Error(`fewer than ${n} sessions waiting on the case row`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Runs two racers in a fixed order against a case row held locked by a third session: both
 * read the open call, then queue on the row in the order started; released, the first
 * claims the call and the second must find it gone.
 */
async function inOrder<A, B>(caseId: number, first: () => Promise<A>, second: () => Promise<B>) {
  const started = await other.db.transaction(async (tx) => {
    await tx.execute(sql`select id from cases where id = ${caseId} for update`);
    const a = first().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await untilWaiting(1);
    const b = second().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await untilWaiting(2);
    return { a, b };
  });
  return { first: await started.a, second: await started.b };
}

describe.skipIf(!postgres)('呼叫超时 raced by two processes (PostgreSQL)', () => {
  it('the expiry job run twice at once records 超时未接 and 超时转呼 once', async () => {
    await stand('linjiang.collector', 100);
    const enforceChief = await stand('linjiang.enforce_chief', 200);
    const collectorId = await app.userId('linjiang.collector');
    const enforceChiefId = await app.userId('linjiang.enforce_chief');
    for (let round = 0; round < ROUNDS; round++) {
      const { caseId, call } = await calledCase(round);
      const due = new Date(call.expiresAt.getTime() + 1000);
      const outcomes = await Promise.all([expireCall(app.db, call.id, due), expireCall(other.db, call.id, due)]);
      expect(outcomes.sort()).toEqual(['answered', 'relayed']);
      expect(await callsOf(caseId)).toEqual([
        [collectorId, 'expired'],
        [enforceChiefId, 'calling'],
      ]);
      const actions = await timeline(caseId);
      expect(actions.filter((a) => a === 'callTimeout')).toHaveLength(1);
      expect(actions.filter((a) => a === 'relayCall')).toHaveLength(1);
      expect(await timeoutAudits(caseId)).toHaveLength(1);
      // The relayed call is declined, so the next round's relay finds the chief free again.
      await enforceChief.command.answerCall({ caseId, accept: false });
    }
  });

  it('a late answer racing the expiry: either accepted, or expired and refused with CALL_EXPIRED — never both', async () => {
    const collector = await stand('linjiang.collector', 100);
    const enforceChief = await stand('linjiang.enforce_chief', 200);
    const collectorId = await app.userId('linjiang.collector');
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const { caseId, call } = await calledCase(100 + round);
      const due = new Date(call.expiresAt.getTime() + 1000);
      const [answer, expiry] = await Promise.allSettled([
        collector.command.answerCall({ caseId, accept: true }),
        expireCall(other.db, call.id, due),
      ]);
      if (expiry.status === 'rejected') throw expiry.reason;
      const actions = await timeline(caseId);
      const calls = await callsOf(caseId);
      if (answer.status === 'fulfilled') {
        outcomes.add('accepted');
        expect(expiry.value).toBe('answered');
        expect(calls).toEqual([[collectorId, 'accepted']]);
        expect(actions).toContain('acceptCall');
        expect(actions).not.toContain('callTimeout');
        expect(await timeoutAudits(caseId)).toHaveLength(0);
      } else {
        outcomes.add('expired');
        expect(expiry.value).toBe('relayed');
        expect(answer.reason).toMatchObject({ code: 'CONFLICT', message: '呼叫已超时，不能再应答' });
        expect((answer.reason as { cause?: unknown }).cause).toMatchObject({ code: 'CALL_EXPIRED' });
        expect(calls[0]).toEqual([collectorId, 'expired']);
        expect(actions).not.toContain('acceptCall');
        expect(actions.filter((a) => a === 'callTimeout')).toHaveLength(1);
        await enforceChief.command.answerCall({ caseId, accept: false });
      }
    }
    // Which side wins is up to the scheduler; whichever did, the case tells one story.
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('a late answer that reads the open call but loses the row to the expiry is refused with CALL_EXPIRED', async () => {
    const collector = await stand('linjiang.collector', 100);
    const enforceChief = await stand('linjiang.enforce_chief', 200);
    const collectorId = await app.userId('linjiang.collector');
    // The expiry queues on the case row first, the answer behind it.
    const lost = await calledCase(200);
    const due = new Date(lost.call.expiresAt.getTime() + 1000);
    const expiryFirst = await inOrder(
      lost.caseId,
      () => expireCall(other.db, lost.call.id, due),
      () => collector.command.answerCall({ caseId: lost.caseId, accept: true }),
    );
    expect(expiryFirst.first).toEqual({ ok: true, value: 'relayed' });
    expect(expiryFirst.second.ok).toBe(false);
    const refusal = expiryFirst.second.ok ? null : expiryFirst.second.error;
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: '呼叫已超时，不能再应答' });
    expect((refusal as { cause?: unknown }).cause).toMatchObject({ code: 'CALL_EXPIRED' });
    expect((await callsOf(lost.caseId))[0]).toEqual([collectorId, 'expired']);
    expect(await timeline(lost.caseId)).not.toContain('acceptCall');
    await enforceChief.command.answerCall({ caseId: lost.caseId, accept: false });

    // The answer queues first: it is accepted, and the expiry behind it changes nothing.
    const won = await calledCase(201);
    const answerFirst = await inOrder(
      won.caseId,
      () => collector.command.answerCall({ caseId: won.caseId, accept: true }),
      () => expireCall(other.db, won.call.id, new Date(won.call.expiresAt.getTime() + 1000)),
    );
    expect(answerFirst.first).toEqual({ ok: true, value: { state: 'accepted' } });
    expect(answerFirst.second).toEqual({ ok: true, value: 'answered' });
    expect(await callsOf(won.caseId)).toEqual([[collectorId, 'accepted']]);
    expect(await timeline(won.caseId)).not.toContain('callTimeout');
    expect(await timeoutAudits(won.caseId)).toHaveLength(0);
  });
});
