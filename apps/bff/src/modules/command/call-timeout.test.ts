import { auditLog } from '@citygov/db/schema/audit';
import { caseEvents } from '@citygov/db/schema/cases';
import { caseCalls } from '@citygov/db/schema/command';
import { openTestDatabase } from '@citygov/db/testing/open-test-database';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testAppOn } from '../../testing/test-app';
import { failure, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { OutboxWorker } from '../integrations/api';
import { callExpiryTimer, expireCall } from './call-expiry';
import { standOnDuty } from './command-test-helpers';

// Calls time out after one second here; the queue's job runs at the call's expiry.
let app: TestApp;
let databaseUrl: string | undefined;
let here: { lng: number; lat: number };
let worker: OutboxWorker | undefined;
beforeAll(async () => {
  const open = await openTestDatabase();
  databaseUrl = open.location;
  app = testAppOn(open, { CITYGOV_CALL_TIMEOUT_SECONDS: '1' });
  here = await pointIn(app, '临江区');
});
afterAll(async () => {
  await worker?.stop();
  await app?.close();
});

async function report(description: string) {
  const collector = await app.as('linjiang.collector');
  const { id } = await collector.cases.report({ ...SAMPLE_REPORT, description, ...here });
  return id;
}

/** Puts a demo account on duty with a fresh fix `metres` north of the cases. */
const stand = (username: string, metres: number) => standOnDuty(app, here, username, metres);

const chief = () => app.as('linjiang.area_chief');

async function openCallOf(caseId: number) {
  const [call] = await app.db
    .select()
    .from(caseCalls)
    .where(and(eq(caseCalls.caseId, caseId), eq(caseCalls.state, 'calling')));
  if (!call) throw new Error('no open call');
  return call;
}

async function labels(caseId: number) {
  const rows = await app.db
    .select({ label: caseEvents.label, actorName: caseEvents.actorName })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));
  return rows;
}

/** Polls the scene until its calls are in the given states (the queue works in the background). */
async function sceneUntil(caseId: number, states: string[], timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scene = await (await chief()).command.scene({ caseId });
    if (JSON.stringify(scene.calls.map((c) => c.state)) === JSON.stringify(states)) return scene;
    if (Date.now() > deadline) throw new Error(`calls still ${scene.calls.map((c) => c.state).join(',')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('片长指挥: 呼叫超时', () => {
  it('leaves an accepted call alone at expiry, and refuses to accept a call that has expired', async () => {
    const collector = await stand('linjiang.collector', 100);
    const enforceChief = await stand('linjiang.enforce_chief', 200);

    const answered = await report('桥下排水口堵塞，路面积水');
    expect((await (await chief()).command.callNearest({ caseId: answered }))?.name).toBeTruthy();
    const first = await openCallOf(answered);
    expect(first.expiresAt.getTime() - first.calledAt.getTime()).toBe(1000);
    await collector.command.answerCall({ caseId: answered, accept: true });
    // The job comes late (or twice): the call was answered, nothing changes.
    expect(await expireCall(app.db, first.id, new Date(Date.now() + 5000))).toBe('answered');
    expect((await (await chief()).command.scene({ caseId: answered })).calls.map((c) => c.state)).toEqual(['accepted']);
    expect((await labels(answered)).map((e) => e.label)).not.toContain('超时未接');

    const expired = await report('路边护栏倒伏');
    await (await chief()).command.callNearest({ caseId: expired });
    const call = await openCallOf(expired);
    expect(call.userId).toBe(await app.userId('linjiang.collector'));
    expect(await expireCall(app.db, call.id, new Date(Date.now() + 5000))).toBe('relayed');
    // Run again (another process's job): nothing more.
    expect(await expireCall(app.db, call.id, new Date(Date.now() + 5000))).toBe('answered');
    const late = await failure(collector.command.answerCall({ caseId: expired, accept: true }));
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toContain('呼叫已超时');
    expect(late.cause).toMatchObject({ code: 'CALL_EXPIRED' });
    const scene = await (await chief()).command.scene({ caseId: expired });
    expect(scene.calls.map((c) => [c.userId, c.state])).toEqual([
      [await app.userId('linjiang.collector'), 'expired'],
      [await app.userId('linjiang.enforce_chief'), 'calling'],
    ]);
    expect(scene.unanswered).toBe(false);
    expect((await labels(expired)).map((e) => e.label)).toEqual(
      expect.arrayContaining(['呼叫最近人员', '超时未接', '超时转呼']),
    );
    // The enforcement chief's phone shows the call passed on to them; they decline it.
    expect((await enforceChief.staff.myCalls())[0]).toMatchObject({ caseId: expired, state: 'calling' });
    await enforceChief.command.answerCall({ caseId: expired, accept: false });
    expect((await collector.staff.myCalls()).find((c) => c.caseId === expired)?.state).toBe('expired');
  });

  it('through the queue: an unanswered call passes to the next nearest, then 无人接听 when nobody is left', async () => {
    worker = await OutboxWorker.start({
      db: app.db,
      kind: app.kind,
      databaseUrl,
      channels: new Map(),
      sweepMs: 300,
      maintenanceSeconds: 1,
      timers: [callExpiryTimer],
    });
    await stand('linjiang.collector', 120);
    await stand('linjiang.enforce_chief', 240);
    const caseId = await report('绿化带内堆放建筑垃圾');
    const called = await (await chief()).command.callNearest({ caseId });
    expect(called?.userId).toBe(await app.userId('linjiang.collector'));

    const relayed = await sceneUntil(caseId, ['expired', 'calling']);
    expect(relayed.calls[1]?.userId).toBe(await app.userId('linjiang.enforce_chief'));
    const gone = await sceneUntil(caseId, ['expired', 'expired']);
    expect(gone.unanswered).toBe(true);

    const timeline = await labels(caseId);
    expect(timeline.map((e) => e.label).filter((l) => l !== '上报')).toEqual([
      '呼叫最近人员',
      '超时未接',
      '超时转呼',
      '超时未接',
    ]);
    expect(timeline.filter((e) => e.label === '超时未接').map((e) => e.actorName)).toEqual([
      '系统（呼叫超时）',
      '系统（呼叫超时）',
    ]);
    const [lastTimeout] = await app.db
      .select({ detail: caseEvents.detail })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.action, 'callTimeout')))
      .orderBy(asc(caseEvents.id))
      .offset(1);
    expect(lastTimeout?.detail).toMatchObject({ noOneLeft: true, callerId: await app.userId('linjiang.area_chief') });
    const audits = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'command.callTimeout'), eq(auditLog.target, `case:${caseId}`)));
    expect(audits).toHaveLength(2);
  });
});
