import { chinaDate, chinaMinutesOfDay } from '@citygov/domain/deadlines/china-time';
import { expect, test } from '@playwright/test';
import { type Api, apiAs, SAME_ORIGIN_HEADERS, shootIfAsked, trpcMutation, trpcQuery } from './api';
import { login } from './helpers';

// 片长指挥: the area chief opens the command scene of a case on the desk (1920×1080), calls
// the nearest available person; the collector, on duty with the phone reporting GPS
// (390×844), accepts on the phone; the scene shows 已接受.

const DESK = { viewport: { width: 1920, height: 1080 } } as const;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const RUN = Date.now().toString(36);

/** 0.001° of latitude ≈ 111 m. */
const north = (point: { lng: number; lat: number }, metres: number) => ({
  lng: point.lng,
  lat: point.lat + metres / 111_195,
});

/** reportPositions takes Dates: superjson says so in its meta. */
async function reportFix(api: Api, point: { lng: number; lat: number }, at: Date) {
  const res = await api.post('/trpc/staff.reportPositions', {
    data: {
      json: { points: [{ ...point, accuracyM: 10, at: at.toISOString() }] },
      meta: { values: { 'points.0.at': ['Date'] } },
    },
    headers: SAME_ORIGIN_HEADERS,
  });
  expect(res.ok(), await res.text()).toBe(true);
}

interface Scene {
  staff: { userId: number; name: string; availabilityName: string }[];
}

test('the area chief calls the nearest available person, who accepts on the phone', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const base = baseURL ?? '';
  const chief = (await apiAs(base, 'linjiang.area_chief')).api;
  const collector = await apiAs(base, 'linjiang.collector');
  const home = await trpcQuery<{ center: [number, number] }>(chief, 'geo.home');
  const here = { lng: home.center[0], lat: home.center[1] };
  const created = await trpcMutation<{ id: number; caseNo: string }>(collector.api, 'cases.report', {
    source: 'collector',
    kind: 'event',
    categoryCode: '09005',
    description: `沿街商铺占道堆放货物，影响通行（${RUN}）`,
    ...here,
    confirmedDistinct: true,
  });

  // Two others around the case: the street chief nearer but off duty, the enforcement chief with a stale fix.
  const streetChief = (await apiAs(base, 'linjiang.street_chief')).api;
  await trpcMutation(streetChief, 'staff.setOnDuty', { onDuty: true });
  await reportFix(streetChief, north(here, 80), new Date());
  await trpcMutation(streetChief, 'staff.setOnDuty', { onDuty: false });
  const enforce = await apiAs(base, 'linjiang.enforce_chief');
  const enforceChief = enforce.api;
  await trpcMutation(enforceChief, 'staff.setOnDuty', { onDuty: true });
  const staleFixAt = new Date(Date.now() - 25 * 60_000);
  await reportFix(enforceChief, north(here, 160), staleFixAt);

  // The collector's phone: 上岗 on the 在岗 tab; the page reports the phone's GPS from then on.
  const phoneContext = await browser.newContext({
    ...PHONE,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    permissions: ['geolocation'],
    geolocation: { longitude: here.lng, latitude: north(here, 320).lat, accuracy: 12 },
  });
  const phone = await phoneContext.newPage();
  await login(phone, 'linjiang.collector');
  await phone.goto('/m/duty');
  await phone.getByRole('switch', { name: '上岗' }).click();
  await expect(phone.getByText('在岗', { exact: true }).first()).toBeVisible();
  await expect(phone.getByRole('switch', { name: '下岗' })).toBeChecked();
  await expect(phone.getByText('最近定位').locator('..')).toContainText('刚刚');
  await shootIfAsked(phone, 'command-phone-on-duty');

  // The desk: 指挥调度 from the case page opens the scene.
  const deskContext = await browser.newContext({ ...DESK, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const desk = await deskContext.newPage();
  await login(desk, 'linjiang.area_chief');
  await desk.goto(`/desk/cases/${created.id}`);
  await desk.getByRole('button', { name: '指挥调度' }).click();
  await expect(desk).toHaveURL(new RegExp(`/command/${created.id}$`));
  const scene = await trpcQuery<Scene>(chief, 'command.scene', { caseId: created.id });
  const collectorName = scene.staff.find((s) => s.userId === collector.me.id)?.name ?? '';
  expect(collectorName).not.toBe('');
  const staffTable = desk.getByRole('region', { name: '附近人员' });
  const collectorRow = staffTable.getByRole('row').filter({ hasText: collectorName });
  await expect(collectorRow).toContainText('可呼叫');
  await expect(collectorRow).toContainText('在岗');
  await expect(staffTable.getByRole('row').filter({ hasText: '位置过旧' })).toHaveCount(1);
  await expect(desk.getByRole('region', { name: '指挥地图' })).toHaveAttribute('data-state', 'ready');
  await expect(desk.getByText(new RegExp(`${collectorName} · 3\\d\\d 米`))).toBeVisible();
  await shootIfAsked(desk, 'command-scene-desk');

  await desk.getByRole('button', { name: '呼叫最近人员' }).click();
  const calls = desk.getByRole('region', { name: '呼叫记录' });
  await expect(calls.getByRole('listitem', { name: `${collectorName} 呼叫中` })).toBeVisible();
  await shootIfAsked(desk, 'command-scene-calling');

  // The phone: the call under 呼叫任务 (the 在岗 tab counts it), 接受.
  await phone.reload();
  const call = phone.getByRole('listitem', { name: `呼叫 ${created.caseNo}` });
  await expect(call).toContainText('呼叫中');
  await shootIfAsked(phone, 'command-phone-call');
  await call.getByRole('button', { name: '接受' }).click();
  await expect(call).toContainText('已接受');

  // The scene picks up the answer by itself.
  await expect(calls.getByRole('listitem', { name: `${collectorName} 已接受` })).toBeVisible({ timeout: 15_000 });
  await expect(desk.getByRole('region', { name: '流转记录' })).toContainText('接受呼叫');
  await shootIfAsked(desk, 'command-scene-accepted');

  // 轨迹回放: the enforcement chief's walk (the stale fix, then three fixes of the last half
  // minute, ~50 km/h), on the map with a time slider. The replay shows one China day (today by
  // default): a fix from before midnight is yesterday's, and the fixes must not straddle it.
  const sinceChinaMidnight = chinaMinutesOfDay(new Date()) * 60_000;
  if (sinceChinaMidnight < 40_000) await desk.waitForTimeout(40_000 - sinceChinaMidnight);
  const fixTimes = [staleFixAt];
  for (const [metres, seconds] of [
    [260, 30],
    [400, 20],
    [520, 10],
  ] as const) {
    const at = new Date(Date.now() - seconds * 1000);
    fixTimes.push(at);
    await reportFix(enforceChief, { ...north(here, metres), lng: here.lng + metres / 200_000 }, at);
  }
  const today = chinaDate(new Date());
  const todays = fixTimes.filter((at) => chinaDate(at) === today).length;
  const enforceName = scene.staff.find((s) => s.userId === enforce.me.id)?.name ?? '';
  await desk.getByRole('button', { name: `回放${enforceName}的轨迹` }).click();
  await expect(desk.getByText(`${enforceName} · 回放至`)).toContainText(`（${todays}/${todays}）`);
  await expect(desk.getByRole('slider', { name: '轨迹回放时间' })).toBeVisible();
  await expect(desk.getByRole('textbox', { name: '回放日期' })).toBeVisible();
  await shootIfAsked(desk, 'command-track-replay');

  // 在岗统计 from the menu: today's row of the enforcement chief carries the mileage of their fixes.
  await desk.getByRole('menuitem', { name: '在岗统计' }).click();
  await expect(desk).toHaveURL(/\/staff\/duty$/);
  const report = desk.getByRole('table');
  const enforceRow = report.getByRole('row').filter({ hasText: enforceName });
  await expect(enforceRow.first()).toContainText('在岗中');
  await expect(enforceRow.first().getByRole('cell').nth(7)).not.toHaveText('0.00');
  await expect(report.getByRole('row').filter({ hasText: '合计' })).toBeVisible();
  await shootIfAsked(desk, 'command-duty-report');
  // 下岗 again: the collector's phone is shared with the other phone specs of the run.
  await trpcMutation(collector.api, 'staff.setOnDuty', { onDuty: false });
  await trpcMutation(enforceChief, 'staff.setOnDuty', { onDuty: false });
});
