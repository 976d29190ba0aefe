import { expect, type Page, test } from '@playwright/test';
import { login, logout } from './helpers';

// Unique per run, inside 临江区 so the district-admin check below still holds.
const suffix = Date.now().toString(36);
const NEW_USERNAME = `linjiang.e2e-${suffix}`;
const NEW_DISPLAY_NAME = '测试监督员';
const NEW_PASSWORD = 'E2eTest2026';

/**
 * Opens a Select / TreeSelect by its label, picks an option by its text (typing it first
 * when the field is searchable) and checks the choice took, retrying while the dropdown
 * is still animating or filtering.
 */
async function pick(page: Page, label: string, option: string, { search = false } = {}) {
  const field = page.getByLabel(label, { exact: true });
  const select = page.locator('.ant-select').filter({ has: field });
  await expect(async () => {
    await field.click();
    if (search) await field.fill(option);
    // The dropdown opened last is the newest portal; a closing one may still be fading out.
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):visible').last();
    await dropdown.getByTitle(option, { exact: true }).first().click({ timeout: 3_000 });
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

async function openCreateDialog(page: Page) {
  await page.goto('/admin/users');
  await page.getByRole('button', { name: '新增用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新增用户' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function fillNewUser(page: Page, username: string) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('姓名', { exact: true }).fill(NEW_DISPLAY_NAME);
  await page.getByLabel('初始密码', { exact: true }).fill(NEW_PASSWORD);
  await pick(page, '角色', '监督员');
  await pick(page, '所属区域', '临江区', { search: true });
  await page.getByLabel('岗位', { exact: true }).fill('临江区监督员');
}

test.describe.configure({ mode: 'serial' });

test('admin creates a user through the dialog, who can then log in', async ({ page }) => {
  await login(page, 'admin');
  const dialog = await openCreateDialog(page);
  await fillNewUser(page, NEW_USERNAME);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已保存用户「${NEW_USERNAME}」`)).toBeVisible();

  await page.getByLabel('搜索用户').fill(NEW_USERNAME);
  await page.getByLabel('搜索用户').press('Enter');
  const row = page.getByRole('row').filter({ hasText: NEW_USERNAME });
  await expect(row).toContainText(NEW_DISPLAY_NAME);
  await expect(row).toContainText('监督员');
  await expect(row).toContainText('临江区');

  await logout(page);
  await login(page, NEW_USERNAME, NEW_PASSWORD);
  await expect(page.getByRole('heading', { name: '监督员工作台', level: 2 })).toBeVisible();
  await expect(page.getByText(NEW_DISPLAY_NAME).first()).toBeVisible();
});

test('a duplicate username shows the server message', async ({ page }) => {
  await login(page, 'admin');
  const dialog = await openCreateDialog(page);
  await fillNewUser(page, 'linjiang.collector');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('用户名「linjiang.collector」已存在');
  await expect(dialog).toBeVisible();
});

test('a district admin sees only 临江区 users', async ({ page }) => {
  await login(page, 'linjiang.admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('cell', { name: 'linjiang.admin', exact: true })).toBeVisible();
  await expect(page.getByText(/共 \d+ 个账号/)).toBeVisible();
  const names = await page.getByRole('row').locator('td:first-child').allInnerTexts();
  expect(names.length).toBeGreaterThanOrEqual(9);
  for (const name of names) expect(name).toMatch(/^linjiang\./);
  await expect(page.getByRole('cell', { name: 'hubin.admin', exact: true })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: 'admin', exact: true })).toHaveCount(0);
});

test('the operation log shows the creation', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/admin/audit');
  await page.getByLabel('操作', { exact: true }).fill('users.create');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/action=users\.create/);
  const row = page.getByRole('row').filter({ hasText: NEW_USERNAME });
  await expect(row.first()).toBeVisible();
  await expect(row.first()).toContainText('新增用户');
  await expect(row.first()).toContainText('admin');
  await expect(row.first()).toContainText('成功');
});

test('an admin marks a working day off in the working calendar used for deadlines', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/catalogue');
  await page.getByRole('link', { name: /工作日历/ }).click();
  await expect(page.getByRole('heading', { name: '工作日历' })).toBeVisible();
  await page.locator('.ant-picker-calendar-year-select').click();
  await page.locator('.ant-select-item-option', { hasText: /^2026年$/ }).click();
  await page.locator('.ant-picker-calendar-month-select').click();
  await page.locator('.ant-select-item-option', { hasText: /^10月$/ }).click();
  // National Day week off, and the Saturday 10-10 worked in lieu (调休), from the national data.
  await expect(page.locator('td[title="2026-10-05"]')).toContainText('休');
  await expect(page.locator('td[title="2026-10-10"]')).toContainText('班');
  await page.locator('td[title="2026-10-09"]').click();
  await page.getByLabel('调整说明').fill('本地活动调休');
  await page.getByRole('button', { name: '设为休息日' }).click();
  await expect(page.getByText('已将 2026-10-09 设为休息日')).toBeVisible();
  await expect(page.locator('td[title="2026-10-09"]')).toContainText('休');
  await page.getByRole('button', { name: '恢复国家日历' }).click();
  await expect(page.getByText('2026-10-09 已恢复国家日历')).toBeVisible();
});
