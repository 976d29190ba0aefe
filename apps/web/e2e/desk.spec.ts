import { readFile } from 'node:fs/promises';
import { type Browser, type Download, expect, type Page, test } from '@playwright/test';
import { shootIfAsked } from './api';
import { login, pickLeadDepartment } from './helpers';

/**
 * The dispatcher desk end to end: intake → list filters in the URL → a stale 受理 refused
 * with the server's reason → filing → a dispatch seen live on another screen.
 * One case walks through all of it, so the tests run in order.
 */
test.describe.configure({ mode: 'serial' });

const DESCRIPTION = `滨江路人行道有流动摊贩占道经营，影响行人通行（e2e ${Date.now().toString(36)}）`;
const created = { id: 0, caseNo: '' };

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, username);
  return page;
}

/** Opens the case and waits until the live-update stream is connected, so later changes reach it. */
async function openCaseLive(page: Page) {
  const stream = page.waitForResponse((response) => response.url().includes('cases.onChange'));
  await page.goto(`/desk/cases/${created.id}`);
  await expect(page.getByRole('heading', { name: `案件 ${created.caseNo}` })).toBeVisible();
  await stream;
}

function actionButton(page: Page, label: string) {
  return page.getByRole('toolbar', { name: '案件操作' }).getByRole('button', { name: label, exact: true });
}

/** The downloaded file is a real workbook: an .xlsx is a zip archive, which starts with "PK". */
async function expectWorkbook(download: Download, name: RegExp) {
  expect(download.suggestedFilename()).toMatch(name);
  const path = await download.path();
  expect((await readFile(path)).subarray(0, 2).toString('latin1')).toBe('PK');
}

async function act(page: Page, label: string, opinion?: string) {
  await actionButton(page, label).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${label} · 案件`) });
  await expect(dialog).toBeVisible();
  if (opinion) await dialog.getByLabel('意见').fill(opinion);
  return dialog;
}

test('an acceptor registers a case from the intake page and sees its number', async ({ page }) => {
  await login(page, 'linjiang.acceptor');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '案件登记' }).click();
  await expect(page.getByRole('heading', { name: '案件登记' })).toBeVisible();

  const map = page.locator('section[aria-label="登记位置地图"]');
  await expect(map).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const box = await map.boundingBox();
  if (!box) throw new Error('the intake map has no size');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('picked-location')).toContainText('网格编码');
  await expect(page.getByLabel('地址')).toHaveValue(/网格附近$/);

  const category = page.getByLabel('事部件小类');
  await category.click();
  await category.pressSequentially('占道');
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toContainText('占道');
  await category.press('Enter');
  await expect(page.getByText(/^小类助手 · \d{5} /)).toBeVisible();
  await expect(page.getByText('立案条件').first()).toBeVisible();

  await page.getByLabel('问题描述').fill(DESCRIPTION);
  await page.getByRole('button', { name: '登记案件' }).click();

  const success = page.getByText(/^登记成功，案件编号 \d{12}$/);
  await expect(success).toBeVisible();
  created.caseNo = ((await success.textContent()) ?? '').replace(/\D/g, '');
  await page.getByRole('button', { name: '查看案件详情' }).click();
  await expect(page).toHaveURL(/\/desk\/cases\/\d+$/);
  created.id = Number(new URL(page.url()).pathname.split('/').pop());
  await expect(page.getByRole('heading', { name: `案件 ${created.caseNo}` })).toBeVisible();
  await expect(page.getByText(DESCRIPTION)).toBeVisible();
});

test('the status filter is held in the URL and survives a reload', async ({ page }) => {
  await login(page, 'linjiang.shift_lead');
  await page.goto('/desk/cases');
  const status = page.getByLabel('状态', { exact: true });
  await status.click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('待受理', { exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/[?&]status=reported\b/);
  await expect(page.getByRole('row').filter({ hasText: created.caseNo })).toBeVisible();

  await page.goto('/desk/cases?status=filed');
  await expect(page.getByText('没有符合条件的案件')).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/[?&]status=filed\b/);
  await expect(page.locator('.ant-select-selection-item', { hasText: '已立案' })).toBeVisible();
  await expect(page.getByText('没有符合条件的案件')).toBeVisible();

  await page.goto('/desk/cases?status=reported');
  await page.reload();
  await expect(page.locator('.ant-select-selection-item', { hasText: '待受理' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: created.caseNo });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/desk/cases/${created.id}$`));
});

test('导出 Excel downloads the filtered list and the open case as workbooks', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login(page, 'linjiang.shift_lead');
  await page.goto('/desk/cases?status=reported');
  await expect(page.getByRole('row').filter({ hasText: created.caseNo })).toBeVisible();
  await expect(page.getByLabel('地图显示')).toBeVisible();
  await shootIfAsked(page, 'desk-case-list-1920');
  const list = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  await expectWorkbook(await list, /^案件列表-\d{8}-\d{4}\.xlsx$/);
  await expect(page.getByText(/^已导出 \d+ 件案件$/)).toBeVisible();

  await page.goto(`/desk/cases/${created.id}`);
  await expect(page.getByRole('heading', { name: `案件 ${created.caseNo}` })).toBeVisible();
  await expect(page.getByText(DESCRIPTION)).toBeVisible();
  await expect(page.locator('section[aria-label="案件位置地图"]')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  await shootIfAsked(page, 'desk-case-detail-1920');
  const one = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  await expectWorkbook(await one, new RegExp(`^案件-${created.caseNo}\\.xlsx$`));
  await expect(page.getByText('已导出', { exact: true })).toBeVisible();
});

test('an action on a case someone else just changed shows the conflict message', async ({ browser }) => {
  // The acceptor opens 受理 and hesitates; meanwhile the shift lead accepts the case.
  const late = await signedIn(browser, 'linjiang.acceptor');
  await openCaseLive(late);
  const stale = await act(late, '受理', '情况属实，予以受理');

  const first = await signedIn(browser, 'linjiang.shift_lead');
  await first.goto(`/desk/cases/${created.id}`);
  const accept = await act(first, '受理');
  await accept.getByRole('button', { name: '提交' }).click();
  await expect(first.getByText('受理成功')).toBeVisible();

  await stale.getByRole('button', { name: '提交' }).click();
  const conflict = late.getByRole('dialog').filter({ hasText: '案件已被他人处理' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('已执行「受理」');
  await conflict.getByRole('button', { name: '知道了' }).click();
  await expect(late.locator('.ant-tag', { hasText: /^已受理$/ })).toBeVisible();
  await late.context().close();
  await first.context().close();
});

test('the shift lead files the case; disabled actions say why', async ({ page }) => {
  await login(page, 'linjiang.shift_lead');
  await page.goto(`/desk/cases/${created.id}`);
  await expect(page.getByRole('heading', { name: `案件 ${created.caseNo}` })).toBeVisible();

  await actionButton(page, '结案').hover();
  await expect(page.getByRole('tooltip')).toContainText('案件当前状态为「已受理」，不能结案');

  // 不予立案 needs an opinion: refused in the dialog before anything is sent.
  const refuse = await act(page, '不予立案');
  await refuse.getByRole('button', { name: '提交' }).click();
  await expect(refuse.getByText('请填写不予立案意见')).toBeVisible();
  await refuse.getByRole('button', { name: '取消' }).click();

  const file = await act(page, '立案', '符合立案条件，予以立案');
  await file.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('立案成功')).toBeVisible();
  await expect(page.locator('.ant-tag', { hasText: /^已立案$/ })).toBeVisible();
  await expect(page.getByText('意见：符合立案条件，予以立案')).toBeVisible();
});

test('a dispatch on one screen shows up on another without reload', async ({ browser }) => {
  const watcher = await signedIn(browser, 'linjiang.shift_lead');
  await openCaseLive(watcher);
  await expect(watcher.locator('.ant-tag', { hasText: /^已立案$/ })).toBeVisible();

  const dispatcher = await signedIn(browser, 'linjiang.dispatcher');
  await dispatcher.goto(`/desk/cases/${created.id}`);
  const dialog = await act(dispatcher, '派遣', '请尽快处置');
  await pickLeadDepartment(dispatcher, dialog, '临江区市政管理所');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(dispatcher.getByText('派遣成功')).toBeVisible();

  // The shift lead's open page follows without a reload.
  await expect(watcher.locator('.ant-tag', { hasText: /^已派遣$/ })).toBeVisible();
  await expect(watcher.getByText('主办部门：临江区市政管理所')).toBeVisible();
  await watcher.context().close();
  await dispatcher.context().close();
});
