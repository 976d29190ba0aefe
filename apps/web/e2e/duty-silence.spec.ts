import { autoOffLabel, autoOffRefusal, DEFAULT_DUTY_SILENCE_MINUTES } from '@citygov/domain/command/duty-silence';
import { expect, test } from '@playwright/test';
import { formatDateTime } from '../src/lib/format';
import { apiAs, SAME_ORIGIN_HEADERS, shootIfAsked, trpcMutation, trpcQuery } from './api';
import { login } from './helpers';
import { SILENT_SHIFT } from './silent-shift';

// 自动下岗 on the phone (390×844): a collector's phone fell silent for longer than the limit
// (the e2e server arranges that shift, see silent-shift.ts); the app's own duty-silence job
// takes them off duty. The desk's 在岗统计 (1920×1080) shows the 自动下岗 with its time, the
// phone's duty card says why and since when it reads 离岗, and after 上岗 it reads 在岗 again.

const DESK = { viewport: { width: 1920, height: 1080 } } as const;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const LIMIT = DEFAULT_DUTY_SILENCE_MINUTES;

interface MyDuty {
  onDuty: boolean;
  since: string | null;
  lastAt: string | null;
  autoOffMinutes: number | null;
}

/** HH:mm in China time, as 在岗统计 shows a time of the day. */
const hourMinute = (at: string) => formatDateTime(at).slice(-8, -3);

test('a phone silent past the limit is taken off duty; the card says so, and 上岗 puts it back on', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL ?? '';
  const collector = await apiAs(base, SILENT_SHIFT.username);
  const { user } = await trpcQuery<{ user: { displayName: string } }>(collector.api, 'auth.me');
  const displayName = user.displayName;

  // The job runs on the worker's sweep (every few seconds) once the server is up.
  await expect
    .poll(async () => (await trpcQuery<MyDuty>(collector.api, 'staff.myDuty')).autoOffMinutes, { timeout: 60_000 })
    .toBe(LIMIT);
  const taken = await trpcQuery<MyDuty>(collector.api, 'staff.myDuty');
  expect(taken.onDuty).toBe(false);
  // Dated at the last fix: the silent half hour is not duty.
  expect(taken.since).not.toBeNull();
  expect(taken.since).toBe(taken.lastAt);
  const offAt = taken.since ?? '';

  // A fix the phone sends now is refused, saying why and asking for 上岗.
  const home = await trpcQuery<{ center: [number, number] }>(collector.api, 'geo.home');
  const here = { lng: home.center[0], lat: home.center[1] };
  const refused = await collector.api.post('/trpc/staff.reportPositions', {
    data: {
      json: { points: [{ ...here, accuracyM: 10, at: new Date().toISOString() }] },
      meta: { values: { 'points.0.at': ['Date'] } },
    },
    headers: SAME_ORIGIN_HEADERS,
  });
  expect(refused.status()).toBe(409);
  expect(JSON.stringify(await refused.json())).toContain(autoOffRefusal(LIMIT));

  // The desk: 在岗统计 of the street shows today's last 下岗 as 自动下岗 at the last fix.
  const deskContext = await browser.newContext({ ...DESK, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const desk = await deskContext.newPage();
  await login(desk, 'hubin.area_chief');
  await desk.getByRole('menuitem', { name: '在岗统计' }).click();
  await expect(desk).toHaveURL(/\/staff\/duty$/);
  // 近 7 天, not the default 本周: just after Monday 00:00 (China time) the silent shift lies in last week.
  await desk.getByPlaceholder('开始日期').click();
  await desk.locator('.ant-picker-presets').getByText('近 7 天', { exact: true }).click();
  const report = desk.getByRole('table');
  const personRows = report.getByRole('row').filter({ hasText: displayName });
  const row = personRows.filter({ hasText: autoOffLabel(LIMIT) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(5)).toHaveText(`${hourMinute(offAt)} ${autoOffLabel(LIMIT)}`);
  await shootIfAsked(desk, 'duty-silence-desk-report');

  // The phone: the duty card reads 离岗, since the last fix, and says the system did it and why.
  const phoneContext = await browser.newContext({
    ...PHONE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['geolocation'],
    geolocation: { longitude: here.lng, latitude: here.lat, accuracy: 12 },
  });
  const phone = await phoneContext.newPage();
  await login(phone, SILENT_SHIFT.username);
  await phone.goto('/m/duty');
  await expect(phone.getByText('离岗', { exact: true }).first()).toBeVisible();
  await expect(phone.getByText(`自动下岗于 ${formatDateTime(offAt)}`)).toBeVisible();
  const notice = phone.getByRole('alert').filter({ hasText: `系统已${autoOffLabel(LIMIT)}` });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('已按最后一次定位时间下岗');
  await expect(notice).toContainText('重新上岗');
  await expect(phone.getByText('最近定位').locator('..')).toContainText(/\d+ 分钟前/);
  await expect(phone.getByRole('switch', { name: '上岗' })).not.toBeChecked();
  await shootIfAsked(phone, 'duty-silence-phone-auto-off');

  // 上岗 again: 在岗 from now, the notice gone, and the phone reports its GPS again.
  await phone.getByRole('switch', { name: '上岗' }).click();
  await expect(phone.getByRole('switch', { name: '下岗' })).toBeChecked();
  await expect(phone.getByText('在岗', { exact: true }).first()).toBeVisible();
  await expect(phone.getByText(/^上岗于 /)).toBeVisible();
  await expect(notice).toHaveCount(0);
  await expect(phone.getByText('最近定位').locator('..')).toContainText('刚刚');
  await shootIfAsked(phone, 'duty-silence-phone-back-on');
  const back = await trpcQuery<MyDuty>(collector.api, 'staff.myDuty');
  expect(back.onDuty).toBe(true);
  expect(back.autoOffMinutes).toBeNull();

  // The desk sees the person 在岗 again today.
  await desk.reload();
  await expect(personRows.filter({ hasText: '在岗中' }).getByRole('cell').nth(5)).toHaveText('在岗中');

  await trpcMutation(collector.api, 'staff.setOnDuty', { onDuty: false });
  await deskContext.close();
  await phoneContext.close();
});
