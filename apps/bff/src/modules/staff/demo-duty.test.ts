import { staffDuty } from '@citygov/db/schema/command';
import { seedDemoDuty } from '@citygov/db/seed/demo-history/write-duty-history';
import { chinaDate, MS_PER_DAY } from '@citygov/domain/deadlines/china-time';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { offDutySilent } from './duty-silence';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
  await seedDemoDuty(app.db);
});
afterAll(() => app?.close());

describe('the demo city’s week of duty', () => {
  it('在岗统计 of yesterday lists the field staff with hours on duty and 巡查里程', async () => {
    const yesterday = chinaDate(new Date(Date.now() - MS_PER_DAY));
    const report = await (await app.as('dispatcher')).staff.dutyReport({ from: yesterday, to: yesterday });
    expect(report.rows.length).toBeGreaterThanOrEqual(6);
    for (const row of report.rows) {
      expect(row.day).toBe(yesterday);
      expect(row.firstOn).toBeInstanceOf(Date);
      expect(row.lastOff).toBeInstanceOf(Date);
      // Half shifts at least, never more than a long day.
      expect(row.onDutyMinutes).toBeGreaterThan(150);
      expect(row.onDutyMinutes).toBeLessThan(600);
      expect(row.mileageM).toBeGreaterThan(3_000);
      expect(row.fixes).toBeGreaterThan(200);
    }
    expect(new Set(report.rows.map((r) => r.roleName))).toEqual(new Set(['监督员', '街长/片长']));
    expect(report.totals.mileageM).toBeGreaterThan(report.rows.length * 3_000);
  });

  it('a chief sees their own district’s week, and replays a person’s track of a past day on the command scene', async () => {
    const to = chinaDate(new Date());
    const from = chinaDate(new Date(Date.now() - 7 * MS_PER_DAY));
    const chief = await app.as('linjiang.area_chief');
    const week = await chief.staff.dutyReport({ from, to });
    expect(week.rows.length).toBeGreaterThan(6);
    expect(new Set(week.rows.map((r) => r.areaName)).size).toBe(1);
    const past = week.rows.find((r) => r.day < to && r.mileageM > 0);
    if (!past) throw new Error('no finished day on duty in 临江区');
    const collector = await app.as('linjiang.collector');
    const created = await collector.cases.report({ ...SAMPLE_REPORT, ...(await pointIn(app, '临江区')) });
    const track = await chief.command.track({ caseId: created.id, userId: past.userId, day: past.day });
    expect(track.points.length).toBe(past.fixes);
  });

  it('nobody seeded mid-shift is silent now; once their phones stay silent past the limit, the job takes each off', async () => {
    expect(await offDutySilent(app.db, 30)).toEqual([]);
    const onDuty = await app.db.select().from(staffDuty).where(eq(staffDuty.onDuty, true));
    const later = new Date(Date.now() + 31 * 60_000);
    const taken = await offDutySilent(app.db, 30, later);
    expect(taken.map((t) => t.userId).sort()).toEqual(onDuty.map((d) => d.userId).sort());
    // Each is off from their last fix, before now: the silent half hour is not duty.
    for (const t of taken) expect(t.at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await app.db.select().from(staffDuty).where(eq(staffDuty.onDuty, true))).toEqual([]);
  });
});
