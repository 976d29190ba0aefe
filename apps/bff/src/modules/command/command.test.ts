import { caseEvents } from '@citygov/db/schema/cases';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { caseRowOf, failure, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { standOnDuty } from './command-test-helpers';

let app: TestApp;
let here: { lng: number; lat: number };
beforeAll(async () => {
  app = await openTestApp();
  here = await pointIn(app, '临江区');
});
afterAll(() => app?.close());

async function report(description: string) {
  const collector = await app.as('linjiang.collector');
  const { id } = await collector.cases.report({ ...SAMPLE_REPORT, description, ...here });
  return id;
}

/** Puts a demo account on duty with one fix `metres` from the case, taken `ageMin` minutes ago. */
const stand = (username: string, metres: number, ageMin = 0) => standOnDuty(app, here, username, metres, ageMin);

async function callNearest(caseId: number) {
  return (await app.as('linjiang.area_chief')).command.callNearest({ caseId });
}

describe('片长指挥: 呼叫最近人员', () => {
  it('calls the nearest available person by live distance, never one outside the area, and the next nearest after a decline', async () => {
    const caseId = await report('人行道上井盖缺失，行人有跌落危险');
    // Nearest, but goes off duty; second nearest, but their fix is 20 minutes old; third is available.
    const streetChief = await stand('linjiang.street_chief', 100);
    await streetChief.staff.setOnDuty({ onDuty: false });
    await stand('linjiang.enforce_chief', 200, 20);
    const collector = await stand('linjiang.collector', 300);
    // Closer than all of them, but of another district: never called.
    await stand('yunshan.collector', 10);

    const scene = await (await app.as('linjiang.area_chief')).command.scene({ caseId });
    const byName = new Map(scene.staff.map((s) => [s.userId, s]));
    expect(byName.get(await app.userId('linjiang.street_chief'))?.availabilityName).toBe('离岗');
    expect(byName.get(await app.userId('linjiang.enforce_chief'))?.availabilityName).toBe('位置过旧');
    expect(byName.get(await app.userId('linjiang.collector'))?.availabilityName).toBe('可呼叫');
    expect(byName.has(await app.userId('yunshan.collector'))).toBe(false);

    const first = await callNearest(caseId);
    expect(first?.userId).toBe(await app.userId('linjiang.collector'));
    expect(first?.distanceM).toBeGreaterThan(290);
    expect(first?.distanceM).toBeLessThan(310);
    const [event] = await app.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.action, 'callNearest')));
    expect(event).toMatchObject({ label: '呼叫最近人员', actorName: expect.any(String) });
    expect(event?.detail).toMatchObject({ calledUserId: first?.userId, distanceM: first?.distanceM });

    // The called person sees it on the phone and accepts; the scene shows 已接受.
    const calls = await collector.staff.myCalls();
    expect(calls[0]).toMatchObject({ caseId, state: 'calling' });
    await collector.command.answerCall({ caseId, accept: true });
    const after = await (await app.as('linjiang.area_chief')).command.scene({ caseId });
    expect(after.calls.map((c) => c.state)).toEqual(['accepted']);
    // Answering twice is refused with a code, and so is a person who was never called.
    expect((await failure(collector.command.answerCall({ caseId, accept: true }))).code).toBe('NOT_FOUND');
    const notCalled = await failure(
      (await app.as('linjiang.enforce_chief')).command.answerCall({ caseId, accept: true }),
    );
    expect(notCalled.message).toContain('没有呼叫您');

    // 轨迹回放: today's fixes of a person of the area; nobody outside it.
    const chief = await app.as('linjiang.area_chief');
    const track = await chief.command.track({ caseId, userId: await app.userId('linjiang.collector') });
    expect(track.points.length).toBeGreaterThan(0);
    // Any day replays: yesterday had no fixes, today's are the same when named.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const collectorId = await app.userId('linjiang.collector');
    expect((await chief.command.track({ caseId, userId: collectorId, day: yesterday })).points).toEqual([]);
    const named = await chief.command.track({ caseId, userId: collectorId, day: today });
    expect(named.points.length).toBe(track.points.length);
    const outside = await failure(chief.command.track({ caseId, userId: await app.userId('yunshan.collector') }));
    expect(outside.code).toBe('NOT_FOUND');

    // A second case at the same spot: the enforcement chief now reports a fresh fix closer than the collector.
    const second = await report('同一路段另一处井盖松动');
    const enforceChief = await stand('linjiang.enforce_chief', 150);
    expect((await callNearest(second))?.userId).toBe(await app.userId('linjiang.enforce_chief'));
    // Holding an open call, they are not called again; declining lets the chief call the next nearest.
    await enforceChief.command.answerCall({ caseId: second, accept: false, reason: '正在处理另一起事件' });
    expect((await callNearest(second))?.userId).toBe(await app.userId('linjiang.collector'));
    const scene2 = await (await app.as('linjiang.area_chief')).command.scene({ caseId: second });
    expect(scene2.calls.map((c) => [c.name, c.state])).toEqual([
      [expect.any(String), 'declined'],
      [expect.any(String), 'calling'],
    ]);
    // Nobody left: the off-duty chief, the one who declined, the one holding the call.
    const none = await failure(callNearest(second));
    expect(none.message).toContain('附近没有可呼叫的在岗人员');
    const timeline = await app.db.select().from(caseEvents).where(eq(caseEvents.caseId, second));
    expect(timeline.map((e) => e.label)).toEqual(expect.arrayContaining(['呼叫最近人员', '拒绝呼叫']));
    // None of it moved the case.
    expect((await caseRowOf(app, second)).status).toBe((await caseRowOf(app, caseId)).status);
  });

  it('refuses a call to a caller without the permission, and a case out of scope', async () => {
    const caseId = await report('小区门口路灯整夜不亮');
    expect((await failure((await app.as('linjiang.collector')).command.callNearest({ caseId }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await failure((await app.as('yunshan.area_chief')).command.scene({ caseId }))).code).toBe('NOT_FOUND');
  });
});
