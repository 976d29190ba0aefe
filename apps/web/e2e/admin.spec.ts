import { expect, type Page, test } from '@playwright/test';
import { login, logout } from './helpers';

// Unique per run, inside 临江区 so the district-admin check below still holds.
const suffix = Date.now().toString(36);
const NEW_USERNAME = `linjiang.e2e-${suffix}`;
const NEW_DISPLAY_NAME = '测试监督员';
const NEW_PASSWORD = 'E2eTest2026';
const CHANGED_PASSWORD = 'Harbour-Light-2027';

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

test('the user dialog shows the password rules and refuses a weak password before sending it', async ({ page }) => {
  await login(page, 'admin');
  const dialog = await openCreateDialog(page);
  const rules = dialog.getByRole('list', { name: '密码要求' });
  await expect(rules.getByRole('listitem')).toHaveText([
    '长度 8–64 位',
    '至少包含大写字母、小写字母、数字、特殊符号中的 3 类',
    '不能包含用户名',
    '不能是常见弱密码（如 Aa123456、Abc@1234）',
    '不能与最近 5 次使用过的密码相同',
  ]);
  await page.getByLabel('用户名', { exact: true }).fill('linjiang.rules-check');
  await page.getByLabel('初始密码', { exact: true }).fill('Aa123456');
  const weakRule = rules.getByRole('listitem').filter({ hasText: '常见弱密码' });
  await expect(weakRule.getByRole('img', { name: '未满足' })).toBeVisible();
  await expect(
    rules.getByRole('listitem').filter({ hasText: '3 类' }).getByRole('img', { name: '已满足' }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('密码过于常见，容易被猜中，请换一个')).toBeVisible();
  await expect(dialog).toBeVisible();

  await page.getByLabel('初始密码', { exact: true }).fill('Linjiang.Rules-Check1');
  await expect(dialog.getByText('密码不能包含用户名')).toBeVisible();
  await page.getByLabel('初始密码', { exact: true }).fill('Harbour-Light-77');
  for (const rule of ['长度', '3 类', '用户名', '常见弱密码']) {
    await expect(
      rules.getByRole('listitem').filter({ hasText: rule }).getByRole('img', { name: '已满足' }),
    ).toBeVisible();
  }
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
});

test('phone numbers are masked, and an admin reveals one with 查看', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/admin/users?q=linjiang.shift_lead');
  const row = page.getByRole('row').filter({ hasText: 'linjiang.shift_lead' });
  await expect(row).toContainText(/1\d{2}\*{4}\d{4}/);
  await row.getByRole('button', { name: /的完整手机号$/ }).click();
  await expect(row).toContainText(/1\d{10}/);
  await expect(row).not.toContainText('****');
});

test('a district admin cannot manage their own account from the list, and is told why', async ({ page }) => {
  await login(page, 'linjiang.admin');
  await page.goto('/admin/users');
  const own = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'linjiang.admin', exact: true }) });
  await expect(own.getByRole('button', { name: '重置密码' })).toBeDisabled();
  await expect(own.getByRole('img', { name: /不能在用户管理中修改自己的账号/ })).toBeVisible();
  await own.getByRole('button', { name: '编辑' }).hover({ force: true });
  await expect(page.getByRole('tooltip')).toContainText('不能在用户管理中修改自己的账号');
  const collector = page.getByRole('row').filter({ hasText: 'linjiang.collector' });
  await expect(collector.getByRole('button', { name: '重置密码' })).toBeEnabled();
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

test('the new user changes their password on the home page (修改密码), with the rules shown', async ({ page }) => {
  await login(page, NEW_USERNAME, NEW_PASSWORD);
  await page.getByRole('button', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await dialog.getByLabel('当前密码').fill(NEW_PASSWORD);
  await dialog.getByLabel('新密码', { exact: true }).fill('abc');
  const rules = dialog.getByRole('list', { name: '密码要求' });
  await expect(
    rules.getByRole('listitem').filter({ hasText: '长度' }).getByRole('img', { name: '未满足' }),
  ).toBeVisible();
  await dialog.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await dialog.getByLabel('确认新密码').fill(NEW_PASSWORD);
  await dialog.getByRole('button', { name: '确定修改' }).click();
  // Allowed by the rules, refused by the server: the same as the current one.
  await expect(dialog.getByRole('alert')).toContainText('不能与最近 5 次使用过的密码相同');
  await dialog.getByLabel('新密码', { exact: true }).fill(CHANGED_PASSWORD);
  await dialog.getByLabel('确认新密码').fill(CHANGED_PASSWORD);
  await dialog.getByRole('button', { name: '确定修改' }).click();
  await expect(page.getByText('密码已修改，其他设备上的登录已退出')).toBeVisible();
  await logout(page);
  await login(page, NEW_USERNAME, CHANGED_PASSWORD);
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
