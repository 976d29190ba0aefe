import { join } from 'node:path';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { type Api, actOnCase, apiAs, trpcMutation, trpcQuery } from './api';
import { DEMO_PASSWORD } from './helpers';

// 指挥大厅大屏 at the two wall sizes: it fills in, a case reported through the API moves
// the KPI and lands highlighted on top of the live list (server push), and each size is
// shot for looking at (test-results/…/wall-*.png).

const RUN = Date.now().toString(36);

const REPORTS = [
  { source: 'collector', categoryCode: '06001', description: '江滨路人行道上堆放装修垃圾' },
  { source: 'hotline', categoryCode: '06020', description: '临江公园东侧有人焚烧树叶' },
  { source: 'patrol', categoryCode: '08012', description: '滨江大道施工工地车轮带泥上路' },
  { source: 'leader', categoryCode: '06046', description: '沿江河道有船只违规占用' },
  { source: 'hotline', categoryCode: '01024', description: '江滨小区门口水井冒水' },
] as const;

let reporter: Api;
let around: { lng: number; lat: number };

async function report(api: Api, item: { source: string; categoryCode: string; description: string }, shift = 0) {
  return trpcMutation<{ id: number; caseNo: string }>(api, 'cases.report', {
    kind: 'event',
    source: item.source,
    categoryCode: item.categoryCode,
    description: `${item.description}（${RUN}）`,
    lng: around.lng + shift,
    lat: around.lat + shift / 2,
    confirmedDistinct: true,
  });
}

test.beforeAll(async ({ baseURL }) => {
  if (!baseURL) throw new Error('no baseURL');
  reporter = (await apiAs(baseURL, 'linjiang.acceptor')).api;
  const shiftLead = (await apiAs(baseURL, 'linjiang.shift_lead')).api;
  const dispatcher = (await apiAs(baseURL, 'linjiang.dispatcher')).api;
  const handler = (await apiAs(baseURL, 'linjiang.dept_handler')).api;
  const home = await trpcQuery<{ center: [number, number] }>(reporter, 'geo.home');
  around = { lng: home.center[0], lat: home.center[1] };
  // A small day: every panel has something to show.
  const made = [];
  for (const [i, item] of REPORTS.entries()) made.push(await report(reporter, item, (i - 2) * 0.004));
  const [first, second, third] = made;
  if (!first || !second || !third) throw new Error('reports not made');
  for (const c of [first, second, third]) {
    await actOnCase(reporter, c.id, 'accept');
    await actOnCase(shiftLead, c.id, 'file');
  }
  const targets = await trpcQuery<{ id: number; name: string }[]>(dispatcher, 'cases.dispatchTargets');
  const municipal = targets.find((d) => d.name === '临江区市政管理所')?.id;
  await actOnCase(dispatcher, first.id, 'dispatch', { leadDepartmentId: municipal });
  await actOnCase(dispatcher, second.id, 'dispatch', { leadDepartmentId: municipal });
  await actOnCase(handler, first.id, 'takeUp');
  await actOnCase(handler, first.id, 'feedBack', { reason: '垃圾已清运' });
  await actOnCase(shiftLead, first.id, 'quickClose', { reason: '现场已恢复' });
  await actOnCase(shiftLead, third.id, 'supervise', { reason: '群众反映强烈，请加快处置' });
  for (const api of [shiftLead, dispatcher, handler]) await api.dispose();
});

test.afterAll(async () => {
  await reporter?.dispose();
});

/** The shot goes to the test's output, and with E2E_SHOTS=1 to screenshots/ for looking at. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  // Charts load after the page (aria-busy until drawn) and ease in: let them settle before the shot.
  await expect(page.locator('[role="img"][aria-busy="true"]')).toHaveCount(0);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  if (process.env.E2E_SHOTS)
    await page.screenshot({ path: join(import.meta.dirname, '../../../screenshots', `${name}.png`) });
}

/** 今日及在办 N 件 on the wall's map. */
async function mapCount(page: Page) {
  const text = (await page.getByTestId('wall-map-count').textContent()) ?? '';
  return Number(/今日及在办\s*([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? Number.NaN);
}

async function kpi(page: Page, key: string) {
  const text = ((await page.getByTestId(`kpi-${key}`).textContent()) ?? '').replace(/[^\d]/g, '');
  return Number(text);
}

async function expectFilled(page: Page) {
  const wall = page.getByRole('main', { name: '指挥大厅大屏' });
  await expect(wall).toBeVisible();
  for (const name of ['实时案件', '案件分布', '案件类别 TOP10（本月）', '案件来源（近30日）', '超期与督办']) {
    await expect(wall.getByRole('region', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: '案件分布地图' })).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('wall-map-count')).toContainText('今日及在办');
  await expect(page.getByRole('status').filter({ hasText: '实时推送' })).toBeVisible();
  await expect(page.getByRole('list', { name: '超期与督办列表' })).toContainText('督办');
}

async function seesNewCase(page: Page) {
  const before = await kpi(page, 'reported');
  const onMap = await mapCount(page);
  expect(onMap).toBeGreaterThan(0);
  const created = await report(reporter, {
    source: 'hotline',
    categoryCode: '06001',
    description: '大屏实时测试：江边步道乱堆杂物',
  });
  const live = page.getByRole('list', { name: '实时案件列表' });
  const row = live.getByRole('listitem').filter({ hasText: created.caseNo });
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-fresh', 'true');
  await expect(page.getByTestId('kpi-reported')).toContainText(String(before + 1));
  // The map: the new case pulses at its point, and the count takes it in (other cases may come too).
  await expect(page.getByRole('img', { name: `新案件 ${created.caseNo}` })).toBeVisible();
  await expect.poll(() => mapCount(page)).toBeGreaterThan(onMap);
}

test('the city wall at 1920×1080: fills in, follows a new case, rotates and pins', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/login');
  await page.getByLabel('用户名').fill('leader');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  // The portal's 智慧城管 theme has the entry (it said 建设中 before).
  await page.getByRole('link', { name: '进入智慧城管' }).click();
  await page.getByRole('link', { name: '进入指挥大厅' }).click();
  await expect(page).toHaveURL(/\/wall$/);
  await expectFilled(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('城市运行指挥大厅');
  await seesNewCase(page);
  await shoot(page, testInfo, 'wall-1920x1080');

  // 固定 the map: pages turn, but only to those that show it.
  await page.getByRole('button', { name: '固定案件分布' }).click();
  await expect(page).toHaveURL(/pin=map/);
  await page.getByRole('button', { name: '统计分析' }).click();
  await expect(page.getByRole('region', { name: '流程环节趋势（近30日）' })).toBeVisible();
  await shoot(page, testInfo, 'wall-1920x1080-analysis');
});

test('a district kiosk wall at 3840×2160: 大屏值守 login, new case pushed', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 3840, height: 2160 });
  await page.goto('/wall?rotate=3600');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('用户名').fill('linjiang.shift_lead');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('checkbox', { name: '大屏值守登录' }).check();
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/wall/);
  await expectFilled(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('临江区');
  await seesNewCase(page);
  await shoot(page, testInfo, 'wall-3840x2160');
  // The kiosk session reads the wall only.
  const refused = await page.request.get('/trpc/portal.home');
  expect(refused.status()).toBe(403);
});
