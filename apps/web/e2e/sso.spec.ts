import { expect, type Page, test } from '@playwright/test';
import { shootIfAsked } from './api';
import { DEMO_PASSWORD, logout } from './helpers';

/**
 * 浙政钉 sign-in through the simulator the e2e server starts in demo mode: PC scan login
 * (bound user, and the first login of an unbound one, who binds with our password), and
 * H5 免登 from the simulated 浙政钉 workbench.
 */
async function openScanPage(page: Page) {
  await page.goto('/login');
  await page.getByRole('link', { name: '浙政钉扫码登录' }).click();
  await expect(page.getByRole('heading', { name: '浙政钉扫码登录' })).toBeVisible();
}

test.describe('浙政钉 sign-in', () => {
  test('scan login as a bound user lands on their home page', async ({ page }) => {
    await openScanPage(page);
    await page.getByRole('button', { name: '以王建国身份扫码确认' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: '系统管理员工作台' })).toBeVisible();
  });

  test('the first scan of an unbound user asks for our password once, then signs in', async ({ page }) => {
    await openScanPage(page);
    // yunshan.collector is the demo's unbound 浙政钉 user.
    const scanButton = page.getByRole('button', { name: /身份扫码确认/ }).filter({ hasText: 'yunshan.collector' });
    await scanButton.click();
    await expect(page.getByRole('heading', { name: '绑定浙政钉账号' })).toBeVisible();
    await expect(page.getByText(/首次登录/)).toBeVisible();
    await page.getByLabel('用户名').fill('yunshan.collector');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '绑定并登录' }).click();
    await expect(page.getByRole('heading', { name: '监督员工作台' })).toBeVisible();

    // Next time the scan alone signs them in. The sign-out must have finished first: a
    // page opened while it is still on its way finds the session and skips the login page.
    await logout(page);
    await openScanPage(page);
    await page
      .getByRole('button', { name: /身份扫码确认/ })
      .filter({ hasText: 'yunshan.collector' })
      .click();
    await expect(page.getByRole('heading', { name: '监督员工作台' })).toBeVisible();
  });

  test('H5 免登 from the 浙政钉 workbench opens the app signed in', async ({ page }) => {
    await openScanPage(page);
    const simulator = new URL(page.url()).origin;
    await page.goto(`${simulator}/h5`);
    await page.getByRole('link', { name: /linjiang\.dispatcher/ }).click();
    await expect(page.getByRole('heading', { name: '派遣员工作台' })).toBeVisible();
  });
});

test('login page screenshots (desk and phone)', async ({ page }) => {
  for (const [name, size] of [
    ['login-desk-1920x1080', { width: 1920, height: 1080 }],
    ['login-phone-390x844', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.goto('/login');
    await expect(page.getByRole('link', { name: '浙政钉扫码登录' })).toBeVisible();
    await shootIfAsked(page, name);
  }
  await page.getByRole('tab', { name: '短信登录' }).click();
  await expect(page.getByRole('button', { name: '获取验证码' })).toBeVisible();
  await shootIfAsked(page, 'login-sms-phone-390x844');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/api/sso/zzd/scan');
  await expect(page.getByRole('heading', { name: '浙政钉扫码登录' })).toBeVisible();
  await shootIfAsked(page, 'zzd-scan-simulator-1920x1080');
});
