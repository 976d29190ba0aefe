import { expect, type Locator, type Page } from '@playwright/test';
import { photo } from './photos';

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

/** The phone report form: GPS, optionally a camera photo, category 暴露垃圾 picked by search, the description. */
export async function fillPhoneReport(page: Page, description: string, withPhoto: boolean) {
  await page.getByRole('button', { name: '定位', exact: true }).click();
  await expect(page.getByText('所在网格：')).toBeVisible();
  if (withPhoto) {
    await page.getByLabel('拍照').setInputFiles(photo());
    await expect(page.getByRole('img', { name: '第 1 张照片' })).toBeVisible();
  }
  await page.getByRole('button', { name: '请选择问题分类' }).click();
  await page.getByLabel('搜索分类').fill('暴露垃圾');
  await page
    .getByRole('list', { name: '事件分类列表' })
    .getByRole('button', { name: /暴露垃圾/ })
    .click();
  await page.getByLabel('问题描述').fill(description);
}
