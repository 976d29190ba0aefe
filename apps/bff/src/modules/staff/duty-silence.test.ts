import { auditLog } from '@citygov/db/schema/audit';
import { staffDuty, staffDutyLog } from '@citygov/db/schema/command';
import { openTestDatabase } from '@citygov/db/testing/open-test-database';
import { chinaDate } from '@citygov/domain/deadlines/china-time';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testAppOn } from '../../testing/test-app';
import { loadSessionUser } from '../auth/api';
import { failure, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { OutboxWorker } from '../integrations/api';
import { dutySilenceTimer, offDutySilent } from './duty-silence';
import { setOnDuty } from './staff-duty';

let app: TestApp;
let databaseUrl: string | undefined;
let here: { lng: number; lat: number };
let worker: OutboxWorker | undefined;
beforeAll(async () => {
  const open = await openTestDatabase();
  databaseUrl = open.location;
  app = testAppOn(open);
  here = await pointIn(app, '临江区');
});
afterAll(async () => {
  await worker?.stop();
  await app?.close();
});

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE);

/** The person went 上岗 `minutes` ago (their phone did, at that moment) and sent fixes at the given ages. */
async function shift(username: string, onMinutesAgo: number, fixAges: number[]) {
  const id = await app.userId(username);
  const user = await loadSessionUser(app.db, id);
  if (!user) throw new Error(`no ${username}`);
  await setOnDuty(app.db, user, true, ago(onMinutesAgo));
  const phone = await app.as(username);
  if (fixAges.length > 0)
    await phone.staff.reportPositions({
      points: fixAges.map((age, i) => ({ lng: here.lng, lat: here.lat + i / 111_195, accuracyM: 8, at: ago(age) })),
    });
  return { id, phone };
}

const logOf = (userId: number) =>
  app.db
    .select()
    .from(staffDutyLog)
    .where(eq(staffDutyLog.userId, userId))
    .orderBy(asc(staffDutyLog.at), asc(staffDutyLog.id));

/** The person's 在岗统计 over yesterday and today (a shift two hours back may start yesterday). */
async function reportOf(userId: number) {
  const chief = await app.as('linjiang.area_chief');
  const to = chinaDate(new Date());
  const from = chinaDate(ago(24 * 60));
  const rows = (await chief.staff.dutyReport({ from, to })).rows.filter((r) => r.userId === userId);
  return { minutes: rows.reduce((sum, r) => sum + r.onDutyMinutes, 0), rows };
}

describe('自动下岗: a phone silent past the limit takes its person off duty', () => {
  it('ends the duty at the last fix, marked automatic; 在岗统计, the phone and the command scene agree', async () => {
    // 上岗 two hours ago, fixes until 100 minutes ago, then nothing: the phone died.
    const silent = await shift('linjiang.collector', 120, [115, 110, 100]);
    const lastFix = ago(100);
    // Another person sent a fix five minutes ago: well within the limit.
    const working = await shift('linjiang.night_chief', 120, [60, 5]);
    // Before the job, the silent hours would count as duty.
    expect((await reportOf(silent.id)).minutes).toBeGreaterThanOrEqual(119);

    const taken = await offDutySilent(app.db, 30);
    expect(taken.map((t) => t.userId)).toEqual([silent.id]);

    const log = await logOf(silent.id);
    expect(log.map((l) => [l.onDuty, l.autoOffMinutes])).toEqual([
      [true, null],
      [false, 30],
    ]);
    expect(Math.abs((log[1]?.at.getTime() ?? 0) - lastFix.getTime())).toBeLessThan(1000);
    const [audit] = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'staff.autoOffDuty'), eq(auditLog.target, `user:${silent.id}`)));
    expect(audit?.username).toBe('系统（自动下岗）');

    // 在岗统计: 20 minutes (上岗 to the last fix), not the two hours since; the 下岗 reads as automatic.
    const report = await reportOf(silent.id);
    expect(report.minutes).toBe(20);
    const offDay = report.rows.find((r) => r.lastOff !== null);
    expect(offDay?.lastOffAutoMinutes).toBe(30);
    expect(Math.abs((offDay?.lastOff?.getTime() ?? 0) - lastFix.getTime())).toBeLessThan(1000);

    // The phone's card: 离岗 since the last fix, by 自动下岗.
    const card = await silent.phone.staff.myDuty();
    expect(card).toMatchObject({ onDuty: false, autoOffMinutes: 30 });
    expect(Math.abs((card.since?.getTime() ?? 0) - lastFix.getTime())).toBeLessThan(1000);
    // The one with a recent fix is still 在岗, and their card says nothing of 自动下岗.
    expect(await working.phone.staff.myDuty()).toMatchObject({ onDuty: true, autoOffMinutes: null });

    // The command scene of a case here: the silent person is 离岗, the working one may be called.
    const caseId = (await silent.phone.cases.report({ ...SAMPLE_REPORT, ...here })).id;
    const scene = await (await app.as('linjiang.area_chief')).command.scene({ caseId });
    expect(scene.staff.find((s) => s.userId === silent.id)).toMatchObject({ onDuty: false, availability: 'off_duty' });
    expect(scene.staff.find((s) => s.userId === working.id)).toMatchObject({ onDuty: true, availability: 'available' });
    // 轨迹回放 lists the day's changes with the 自动下岗 marked.
    const track = await (await app.as('linjiang.area_chief')).command.track({
      caseId,
      userId: silent.id,
      day: chinaDate(lastFix),
    });
    expect(track.duty.at(-1)).toMatchObject({ onDuty: false, autoOffMinutes: 30 });
  });

  it('running the job again, or twice at once, changes nothing more', async () => {
    const collector = await app.userId('linjiang.collector');
    const before = await logOf(collector);
    expect(await offDutySilent(app.db, 30)).toEqual([]);
    const both = await Promise.all([offDutySilent(app.db, 30), offDutySilent(app.db, 30)]);
    expect(both).toEqual([[], []]);
    expect(await logOf(collector)).toEqual(before);
    // Two processes finding the same silent person at once: one takes them off, once.
    const enforce = await shift('linjiang.enforce_chief', 90, [80]);
    const racing = await Promise.all([offDutySilent(app.db, 30), offDutySilent(app.db, 30)]);
    expect(racing.flat().map((t) => t.userId)).toEqual([enforce.id]);
    expect((await logOf(enforce.id)).filter((l) => !l.onDuty)).toHaveLength(1);
  });

  it('a fix after 自动下岗 is refused with OFF_DUTY and asks for 上岗 again; the shift’s backlog is still taken', async () => {
    const phone = await app.as('linjiang.collector');
    const refused = await failure(phone.staff.reportPositions({ points: [{ ...here, at: new Date() }] }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.cause).toMatchObject({ code: 'OFF_DUTY' });
    expect(refused.message).toContain('自动下岗（超过30分钟无定位）');
    expect(refused.message).toContain('重新上岗');
    // A fix from before the last one (sent late from the phone's backlog) still belongs to the shift.
    expect(await phone.staff.reportPositions({ points: [{ ...here, at: ago(105) }] })).toEqual({
      stored: 1,
      skipped: 0,
    });
    // 上岗 again: fixes are taken, and the card no longer speaks of 自动下岗.
    await phone.staff.setOnDuty({ onDuty: true });
    expect(await phone.staff.reportPositions({ points: [{ ...here, at: new Date() }] })).toMatchObject({ stored: 1 });
    expect(await phone.staff.myDuty()).toMatchObject({ onDuty: true, autoOffMinutes: null });
  });

  it('runs as a timed job on the outbox worker’s queue', async () => {
    const quiet = await shift('linjiang.area_chief', 60, [45]);
    worker = await OutboxWorker.start({
      db: app.db,
      kind: app.kind,
      databaseUrl,
      channels: new Map(),
      sweepMs: 300,
      maintenanceSeconds: 1,
      timers: [dutySilenceTimer(30, () => undefined)],
    });
    const deadline = Date.now() + 20_000;
    let onDuty = true;
    while (onDuty && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [row] = await app.db.select().from(staffDuty).where(eq(staffDuty.userId, quiet.id));
      onDuty = row?.onDuty ?? true;
    }
    expect(onDuty).toBe(false);
    expect((await logOf(quiet.id)).at(-1)).toMatchObject({ onDuty: false, autoOffMinutes: 30 });
    // The one who went 上岗 again in the test before (a fresh fix) is left on.
    const [collector] = await app.db
      .select()
      .from(staffDuty)
      .where(eq(staffDuty.userId, await app.userId('linjiang.collector')));
    expect(collector?.onDuty).toBe(true);
  });
});
