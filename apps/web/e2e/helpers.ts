import { expect, type Locator, type Page } from '@playwright/test';

/** Every demo account's password (the seed's DEMO_PASSWORD). */
export const DEMO_PASSWORD = 'Citygov@2026';

/** Fills the login form; does not wait for the outcome. */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Logs in through the form and waits for the portal home. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await submitLogin(page, username, password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('工作台');
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** The entries of the side navigation, in order. */
export function navItems(page: Page) {
  return page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem');
}

/**
 * Picks the lead department (主办部门) in a dispatch dialog and checks the choice stuck:
 * the tree re-renders when its options arrive, which can swallow an early click.
 */
export async function pickLeadDepartment(page: Page, dialog: Locator, name: string) {
  await expect(async () => {
    const lead = dialog.getByLabel('主办部门');
    await lead.click();
    await lead.fill(name.replace(/^.{2}区/, ''));
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: new RegExp(`^${name}（`) })
      .click({ timeout: 3_000 });
    // The chosen department shows as the field's text (a typed search stays in the input's value).
    const field = dialog.locator('.ant-form-item').filter({ hasText: '主办部门' }).first();
    await expect(field).toContainText(name, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
