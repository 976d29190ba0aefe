import { chinaMinutesOfDay } from '@citygov/domain/deadlines/china-time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { failure, pointIn } from '../cases/case-test-helpers';

let app: TestApp;
let here: { lng: number; lat: number };
/** How far from China midnight these tests need to be: the track reaches back 40 s, the tests run for up to a minute. */
const TRACK_BACK_MS = 40_000;
const TESTS_RUN_MS = 60_000;

/**
 * The track and 在岗统计 are per China day: run at 00:00:10 China time, a track that reaches back
 * 40 s lies partly in yesterday, and 今天's mileage is rightly 0. Wait until the tests fit in one day.
 */
async function clearOfChinaMidnight(): Promise<void> {
  const sinceMidnight = chinaMinutesOfDay(new Date()) * 60_000;
  const untilMidnight = 86_400_000 - sinceMidnight;
  const wait =
    sinceMidnight < TRACK_BACK_MS + 5_000
      ? TRACK_BACK_MS + 5_000 - sinceMidnight
      : untilMidnight < TESTS_RUN_MS
        ? untilMidnight + TRACK_BACK_MS + 5_000
        : 0;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

beforeAll(async () => {
  app = await openTestApp();
  here = await pointIn(app, '临江区');
  await clearOfChinaMidnight();
}, 180_000);
afterAll(() => app?.close());

describe('在岗 and the GPS track', () => {
  it('sums the day’s patrol mileage from the track, skipping a GPS jump, and refuses bad points', async () => {
    const phone = await app.as('linjiang.night_chief');
    const off = await failure(phone.staff.reportPositions({ points: [{ ...here, at: new Date() }] }));
    expect(off.message).toContain('未上岗');
    await phone.staff.setOnDuty({ onDuty: true });
    const start = Date.now() - TRACK_BACK_MS;
    const at = (s: number) => new Date(start + s * 1000);
    // 111.2 m north in 10 s (40 km/h, an e-bike), a fix 5.4 km away 10 s later (2,000 km/h: a
    // jump), then another 111.2 m north of the last good fix 20 s on: 222.4 m travelled.
    const track = [
      { lng: 120, lat: 30, at: at(0) },
      { lng: 120, lat: 30.001, at: at(10) },
      { lng: 120, lat: 30.05, at: at(20) },
      { lng: 120, lat: 30.002, at: at(30) },
    ];
    // Sent out of order and partly twice, as a phone back online might.
    await phone.staff.reportPositions({ points: [track[2], track[0]].filter((p) => p !== undefined) });
    const resent = await phone.staff.reportPositions({ points: track });
    expect(resent).toEqual({ stored: 2, skipped: 2 });
    const duty = await phone.staff.myDuty();
    expect(duty.onDuty).toBe(true);
    expect(duty.mileageM).toBe(222);

    const future = await failure(
      phone.staff.reportPositions({ points: [{ lng: 120, lat: 30, at: new Date(Date.now() + 3600_000) }] }),
    );
    expect(future.message).toContain('定位时间晚于当前时间');
    const zero = await failure(phone.staff.reportPositions({ points: [{ lng: 0, lat: 0, at: new Date() }] }));
    expect(zero.code).toBe('BAD_REQUEST');
    expect(zero.message).toContain('经度不在有效范围');
  });

  it('在岗统计: per person and day, first on / last off, hours, mileage and fixes, within the viewer’s area only', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const nightChief = await app.userId('linjiang.night_chief');
    const report = await (await app.as('linjiang.area_chief')).staff.dutyReport({ from: today, to: today });
    const row = report.rows.find((r) => r.userId === nightChief);
    expect(row).toMatchObject({ day: today, mileageM: 222, fixes: 4, lastOff: null });
    expect(row?.firstOn).toBeInstanceOf(Date);
    expect(report.totals.mileageM).toBeGreaterThanOrEqual(222);
    // 下岗: the day now has its last off.
    await (await app.as('linjiang.night_chief')).staff.setOnDuty({ onDuty: false });
    const after = await (await app.as('linjiang.area_chief')).staff.dutyReport({ from: today, to: today });
    expect(after.rows.find((r) => r.userId === nightChief)?.lastOff).toBeInstanceOf(Date);
    // Another district's chief never sees them.
    const other = await (await app.as('yunshan.area_chief')).staff.dutyReport({ from: today, to: today });
    expect(other.rows.some((r) => r.userId === nightChief)).toBe(false);
    const backwards = await failure(
      (await app.as('linjiang.area_chief')).staff.dutyReport({ from: today, to: '2020-01-01' }),
    );
    expect(backwards.message).toContain('结束日期不能早于开始日期');
  });

  it('在岗统计 of a finished day takes in a fix the phone sends late', async () => {
    const chinaDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
    const today = chinaDay(Date.now());
    const yesterday = chinaDay(Date.now() - 86_400_000);
    const noon = (minute: number) => new Date(`${yesterday}T12:0${minute}:00+08:00`);
    const phone = await app.as('linjiang.collector');
    const collector = await app.userId('linjiang.collector');
    await phone.staff.setOnDuty({ onDuty: true });
    await phone.staff.reportPositions({
      points: [
        { lng: 120, lat: 30, at: noon(0) },
        { lng: 120, lat: 30.001, at: noon(1) },
      ],
    });
    const chief = await app.as('linjiang.area_chief');
    const dayOf = async () =>
      (await chief.staff.dutyReport({ from: yesterday, to: today })).rows.find(
        (r) => r.userId === collector && r.day === yesterday,
      );
    expect(await dayOf()).toMatchObject({ mileageM: 111, fixes: 2 });
    // Asked again, the finished day reads the same.
    expect(await dayOf()).toMatchObject({ mileageM: 111, fixes: 2 });
    // The phone was offline and sends one more fix of yesterday: the day is counted again.
    await phone.staff.reportPositions({ points: [{ lng: 120, lat: 30.002, at: noon(2) }] });
    expect(await dayOf()).toMatchObject({ mileageM: 222, fixes: 3 });
    await phone.staff.setOnDuty({ onDuty: false });
  });
});
