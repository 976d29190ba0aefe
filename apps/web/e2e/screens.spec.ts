import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { login } from './helpers';

// For looking at, not for pixel comparison; the folder is gitignored.
const SHOTS = join(import.meta.dirname, '../../../screenshots');

const DESK = { width: 1920, height: 1080 };
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string) {
  // Let fonts, lazy chunks and table data settle.
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

test.describe('screenshots', () => {
  test('login, desk', async ({ page }) => {
    await page.setViewportSize(DESK);
    await page.goto('/login');
    await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
    await shoot(page, 'login-desk');
  });

  test('login, phone', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/login');
    await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
    await shoot(page, 'login-phone');
  });

  test('shift lead home, desk', async ({ page }) => {
    await page.setViewportSize(DESK);
    await login(page, 'linjiang.shift_lead');
    await expect(page.getByText('值班长工作台')).toBeVisible();
    await shoot(page, 'home-shift-lead-desk');
  });

  test('collector home, phone', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await login(page, 'linjiang.collector');
    await expect(page.getByRole('button', { name: '菜单' })).toBeVisible();
    await shoot(page, 'home-collector-phone');
  });

  test('leader home, tablet', async ({ page }) => {
    await page.setViewportSize(TABLET);
    await login(page, 'leader');
    await expect(page.getByRole('heading', { name: '领导工作台' })).toBeVisible();
    await shoot(page, 'home-leader-tablet');
  });

  test('users page, desk', async ({ page }) => {
    await page.setViewportSize(DESK);
    await login(page, 'admin');
    await page.goto('/admin/users');
    await expect(page.getByRole('cell', { name: 'linjiang.admin', exact: true })).toBeVisible();
    await shoot(page, 'users-desk');
  });

  test('map page, desk', async ({ page }) => {
    await page.setViewportSize(DESK);
    await login(page, 'linjiang.shift_lead');
    await page.goto('/map');
    // data-state turns "ready" once the grids are drawn and the map is idle.
    await expect(page.locator('section[aria-label="案件地图"][data-state="ready"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('section[aria-label="案件地图"] canvas')).toBeVisible();
    await expect(page.getByText('共 600 个单元网格')).toBeVisible();
    await shoot(page, 'map-desk');
  });
});
