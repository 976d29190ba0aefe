import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { actOnCase, apiAs, trpcMutation, trpcQuery } from './api';
import { contrastOf } from './contrast';
import { login } from './helpers';

// 执法布控: a shift lead looks a subject up in the (simulated) enforcement system, links it to a
// case from the case page, pushes the 案源 and sees it delivered, the system's 立案 come back,
// and the case among the subject's cases.

const DESK = { viewport: { width: 1920, height: 1080 } };
const RUN = Date.now().toString(36);
/** Screenshots for looking at (not committed). */
const SHOTS = '/tmp/shots-enforce';

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  // Past the tables' loading fade.
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test.describe('执法布控', () => {
  test.use(DESK);
  test('a shift lead searches a subject, links it to a case, pushes the 案源 and sees it', async ({
    page,
    baseURL,
  }) => {
    const collector = (await apiAs(baseURL ?? '', 'linjiang.collector')).api;
    const acceptor = (await apiAs(baseURL ?? '', 'linjiang.acceptor')).api;
    const home = await trpcQuery<{ center: [number, number] }>(collector, 'geo.home');
    const [lng, lat] = home.center;
    const created = await trpcMutation<{ id: number; caseNo: string }>(collector, 'cases.report', {
      source: 'collector',
      kind: 'event',
      categoryCode: '06001',
      description: `江滨路水果摊长期占用人行道经营（${RUN}）`,
      lng,
      lat,
      confirmedDistinct: true,
    });
    await actOnCase(acceptor, created.id, 'accept');

    await login(page, 'linjiang.shift_lead');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '执法布控' }).click();
    await expect(page.getByRole('heading', { name: '执法布控' })).toBeVisible();
    await page.getByLabel('当事人查询').fill('张某明');
    await page.getByRole('button', { name: '查询' }).click();
    const results = page.getByRole('region', { name: '查询结果' });
    await results.getByRole('button', { name: '张某明' }).click();
    await expect(page.getByRole('table', { name: '违法记录' }).getByText('占道经营')).toBeVisible();
    // The chosen row is marked (aria-current, 已选中) and its text stays readable on the highlight (WCAG AA).
    const chosen = results.locator('[aria-current="true"]');
    await expect(chosen).toContainText('张某明');
    await expect(chosen).toContainText('已选中');
    expect(await contrastOf(chosen.getByRole('button', { name: '张某明' }))).toBeGreaterThanOrEqual(4.5);
    expect(await contrastOf(chosen.getByText(/违法记录 2 条/))).toBeGreaterThanOrEqual(4.5);
    await shoot(page, 'enforcement-subject-selected-desk');
    await expect(
      page.getByRole('table', { name: '处罚记录' }).getByText('云临综执罚决字〔2025〕第 0877 号'),
    ).toBeVisible();
    await shoot(page, 'enforcement-subject-desk');

    // The case page: 关联当事人, then 推送案源.
    await page.goto(`/desk/cases/${created.id}`);
    const section = page.locator('.ant-card').filter({ has: page.getByText('执法信息', { exact: true }) });
    await expect(section.getByText('未推送')).toBeVisible();
    await section.getByRole('button', { name: '关联当事人' }).click();
    const linkDialog = page.getByRole('dialog', { name: '关联当事人' });
    await linkDialog.getByLabel('当事人查询').fill('张某明');
    await linkDialog.getByRole('button', { name: '查询' }).click();
    await linkDialog.getByRole('button', { name: '关联 张某明' }).click();
    await expect(linkDialog.getByText('已关联', { exact: true })).toBeVisible();
    await linkDialog.getByRole('button', { name: '关闭' }).first().click();
    const linked = section.getByRole('table', { name: '关联当事人' });
    await expect(linked.getByRole('cell', { name: '张某明', exact: true })).toBeVisible();
    await expect(linked.getByRole('cell', { name: '330106********0018' })).toBeVisible();

    await section.getByRole('button', { name: '推送案源' }).click();
    const pushDialog = page.getByRole('dialog', { name: '推送案源到执法系统' });
    await pushDialog.getByLabel('推送说明').fill('多次劝导无效，请予立案');
    await pushDialog.getByRole('button', { name: '确认推送' }).click();
    await expect(section.getByText('已推送', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(section.getByText(/案源编号 AY-/)).toBeVisible();
    await expect(section.getByRole('button', { name: '推送案源' })).toBeDisabled();
    // The simulated system files it and says so through the signed webhook.
    const feedback = section.getByRole('region', { name: '执法反馈' });
    await expect(feedback.getByText('立案', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('推送执法案源：多次劝导无效，请予立案')).toBeVisible();
    await shoot(page, 'enforcement-case-desk');

    // 以人查事: the case is among the subject's cases.
    await page.goto('/enforcement');
    await page.getByLabel('当事人查询').fill('330106198503120018');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('region', { name: '查询结果' }).getByRole('button', { name: '张某明' }).click();
    await expect(
      page.getByRole('table', { name: '关联案件' }).getByRole('link', { name: created.caseNo }),
    ).toBeVisible();
    await shoot(page, 'enforcement-subject-cases-desk');
  });
});

test.describe('执法布控 on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('a street chief looks a subject up at 390×844 and reads its history without the page overflowing', async ({
    page,
  }) => {
    await login(page, 'linjiang.street_chief');
    await page.getByRole('button', { name: '菜单' }).click();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '执法布控' }).click();
    await expect(page.getByRole('heading', { name: '执法布控' })).toBeVisible();
    await page.getByLabel('当事人查询').fill('张某明');
    const search = page.getByRole('button', { name: '查询' });
    await expect(search).toBeInViewport({ ratio: 1 });
    await search.click();
    await page.getByRole('region', { name: '查询结果' }).getByRole('button', { name: '张某明' }).click();

    // Below md the records are one block each, not tables to scroll sideways.
    const violations = page.getByRole('list', { name: '违法记录' });
    const penalties = page.getByRole('list', { name: '处罚记录' });
    await expect(violations.getByText('占道经营')).toBeVisible();
    await expect(penalties.getByText('罚款')).toBeVisible();
    await expect(page.getByRole('table', { name: '违法记录' })).toHaveCount(0);
    // The page itself never scrolls sideways…
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    // …and a record's text is not squeezed to a character a line (情况 on one or two lines, not ten).
    const line = await violations.getByText('在江滨路人行道摆摊经营水果，经劝导后仍未撤离').boundingBox();
    expect(line?.height ?? 0).toBeLessThan(60);
    await violations.scrollIntoViewIfNeeded();
    await expect(violations.getByText('2024-06-11 09:20:00')).toBeInViewport();
    await shoot(page, 'enforcement-subject-phone');
  });
});
