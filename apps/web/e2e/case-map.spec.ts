import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { apiAs, trpcMutation, trpcQuery } from './api';
import { login } from './helpers';

// 案件地图 (/map): layers switched by their Chinese names, a case card from a click on a
// point, 框选 (a drawn polygon) filtering the list beside the map, and /search's link here.

const SHOTS = '/tmp/shots-casemap';
const DESK = { width: 1920, height: 1080 };
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };
const RUN = Date.now().toString(36);

let inside = { caseNo: '', lng: 0, lat: 0 };
let outside = { caseNo: '' };

test.beforeAll(async ({ baseURL }) => {
  mkdirSync(SHOTS, { recursive: true });
  const { api: collector } = await apiAs(baseURL ?? '', 'linjiang.collector');
  const home = await trpcQuery<{ center: [number, number] }>(collector, 'geo.home');
  const [lng, lat] = home.center;
  const report = (description: string, at: { lng: number; lat: number }) =>
    trpcMutation<{ id: number; caseNo: string }>(collector, 'cases.report', {
      source: 'collector',
      kind: 'event',
      categoryCode: '06001',
      urgency: 'urgent',
      description: `${description}（${RUN}）`,
      ...at,
      confirmedDistinct: true,
    });
  // Away from the home centre, where other specs of a full run report their cases.
  const a = { lng: lng + 0.0019, lat: lat - 0.0013 };
  inside = { caseNo: (await report('框选内：人行道上堆放装修垃圾', a)).caseNo, ...a };
  outside = { caseNo: (await report('框选外：绿化带内违规种菜', { lng: a.lng + 0.003, lat: a.lat })).caseNo };
});

async function openMap(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await login(page, 'linjiang.shift_lead');
  await page.goto(`/map?at=${inside.lng},${inside.lat},17`);
  await expect(page.getByRole('heading', { name: '案件地图' })).toBeVisible();
  const map = page.locator('section[aria-label="案件地图"]');
  await expect(map).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  return map;
}

test('layers switch by name, a point opens its case card, a drawn polygon filters the list', async ({ page }) => {
  const map = await openMap(page, DESK);
  await expect(page.getByText(/共 \d+ 个单元网格/)).toBeVisible();

  // 图层: every switch by its Chinese name.
  for (const name of ['社区', '热力', '视频监控', '物联设备']) {
    const control = page.getByRole('switch', { name, exact: true });
    await expect(control).not.toBeChecked();
    await control.click();
    await expect(control).toBeChecked();
  }
  for (const name of ['网格', '区界', '街道']) {
    const control = page.getByRole('switch', { name, exact: true });
    await control.click();
    await expect(control).not.toBeChecked();
    await control.click();
    await expect(control).toBeChecked();
  }
  await expect(page.getByRole('switch', { name: '案件', exact: true })).toBeChecked();
  await page.getByRole('switch', { name: '热力', exact: true }).click();
  await expect(map).toHaveAttribute('data-state', 'ready');

  // The map opened on the case: a click at its centre is a click on the point.
  const box = await map.boundingBox();
  if (!box) throw new Error('no map box');
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await expect(async () => {
    await page.mouse.click(centre.x, centre.y);
    await expect(page.getByRole('region', { name: '案件卡片' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const card = page.getByRole('region', { name: '案件卡片' });
  await expect(card).toContainText(inside.caseNo);
  await expect(card).toContainText('紧急');
  await expect(card.getByRole('link', { name: '查看案件详情' })).toHaveAttribute('href', /\/desk\/cases\/\d+$/);
  await expect(page.getByRole('table', { name: '案件列表' })).toContainText(outside.caseNo);
  await page.screenshot({ path: `${SHOTS}/case-map-desk.png` });

  // 框选: four clicks around the case, then 完成框选; the list holds only what is inside.
  await page.getByRole('button', { name: '框选', exact: true }).click();
  await expect(map).toHaveAttribute('data-drawing', 'true');
  for (const [dx, dy] of [
    [-90, -90],
    [90, -90],
    [90, 90],
    [-90, 90],
  ] as const) {
    await page.mouse.click(centre.x + dx, centre.y + dy);
  }
  await expect(page.getByText('已点 4 个')).toBeVisible();
  await page.getByRole('button', { name: '完成框选' }).click();
  await expect(page).toHaveURL(/area=/);
  const results = page.getByRole('table', { name: '框选结果' });
  await expect(results).toContainText(inside.caseNo);
  await expect(results).not.toContainText(outside.caseNo);
  await expect(page.getByText(/^框选结果（\d+ 件）$/)).toBeVisible();
  await expect(map).toHaveAttribute('data-state', 'ready');
  await page.screenshot({ path: `${SHOTS}/case-map-polygon-desk.png` });

  // The filter is in the URL: a reload shows the same result.
  await page.reload();
  await expect(page.getByRole('table', { name: '框选结果' })).toContainText(inside.caseNo);
  await page.getByRole('button', { name: '清除框选' }).click();
  await expect(page.getByRole('table', { name: '案件列表' })).toContainText(outside.caseNo);
});

test('tablet and phone', async ({ page }) => {
  await openMap(page, TABLET);
  await expect(page.getByRole('table', { name: '案件列表' })).toContainText(inside.caseNo);
  await page.screenshot({ path: `${SHOTS}/case-map-tablet.png` });
  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(page.locator('section[aria-label="案件地图"]')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  await expect(page.getByRole('switch', { name: '案件', exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/case-map-phone.png`, fullPage: true });
});

test('/search opens the map with the same filters, its words included; 关键词 on the map', async ({ page }) => {
  await page.setViewportSize(DESK);
  await login(page, 'linjiang.shift_lead');
  await page.goto(`/search?q=${encodeURIComponent(`装修垃圾 ${RUN}`)}&status=reported`);
  await expect(page.getByRole('table', { name: '查询结果' })).toContainText(inside.caseNo);
  await page.getByRole('link', { name: '在地图上查看' }).click();
  await expect(page).toHaveURL(/\/map\?q=[^&]+&status=reported$/);
  const keyword = page.getByRole('searchbox', { name: '关键词' });
  await expect(keyword).toHaveValue(`装修垃圾 ${RUN}`);
  const list = page.getByRole('table', { name: '案件列表' });
  await expect(list).toContainText(inside.caseNo);
  await expect(list).not.toContainText(outside.caseNo);
  await expect(page.getByText('案件列表（1 件）')).toBeVisible();

  // Other words on the map itself: the list and the URL follow.
  await keyword.fill(`违规种菜 ${RUN}`);
  await keyword.press('Enter');
  await expect(page).toHaveURL(/q=%E8%BF%9D/);
  await expect(list).toContainText(outside.caseNo);
  await expect(list).not.toContainText(inside.caseNo);
  await page.screenshot({ path: `${SHOTS}/case-map-keyword-desk.png` });
  // Words no case holds exactly: the closest cases, said to be a loose match.
  await keyword.fill('绿化带里违规种植蔬菜');
  await keyword.press('Enter');
  await expect(
    page.getByText(/没有完全包含“绿化带里违规种植蔬菜”的案件，显示最相近的 \d+ 件（模糊匹配）/),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/case-map-keyword-fuzzy-desk.png` });
  // Nothing to match even loosely (no two Chinese characters in a row): an empty list, not every case.
  await keyword.fill(`zzqx ${RUN}`);
  await keyword.press('Enter');
  await expect(page.getByText('案件列表（0 件）')).toBeVisible();
});
