import { expect, test } from '@playwright/test';
import { shootIfAsked } from './api';
import { login } from './helpers';

// City-wide settings (事部件分类, 处置时限, 工作日历): a district administrator reads them,
// with the reason they cannot change them; a city administrator changes them.

test('a district administrator sees the catalogue and the working calendar read-only, with the reason', async ({
  page,
}) => {
  await login(page, 'linjiang.admin');
  await page.goto('/catalogue');
  await expect(page.getByText('事部件分类为全市统一设置，仅市级系统管理员可以修改；此处仅供查看')).toBeVisible();
  await page.getByRole('searchbox', { name: '搜索分类' }).fill('私搭乱建');
  await page.getByRole('button', { name: '搜索' }).click();
  const row = page.getByRole('row').filter({ hasText: '私搭乱建' }).first();
  await expect(row).toBeVisible();
  await expect(row.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await row.getByRole('button', { name: '时限' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('处置时限为全市统一设置，仅市级系统管理员可以修改；此处仅供查看')).toBeVisible();
  await expect(drawer.getByRole('button', { name: '保存时限' })).toHaveCount(0);
  await shootIfAsked(page, 'catalogue-district-admin');
  await page.keyboard.press('Escape');

  await page.goto('/catalogue/calendar');
  await expect(page.getByText('工作日历为全市统一设置，仅市级系统管理员可以修改；此处仅供查看')).toBeVisible();
  await expect(page.getByText('国家法定日历')).toBeVisible();
  await expect(page.getByRole('button', { name: /设为(休息日|工作日)/ })).toHaveCount(0);
});

test('the city administrator edits the catalogue without a read-only notice', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/catalogue');
  await expect(page.getByRole('heading', { name: '事部件分类' })).toBeVisible();
  await expect(page.getByText(/为全市统一设置/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '编辑' }).first()).toBeVisible();
  await page.goto('/catalogue/calendar');
  await expect(page.getByRole('button', { name: /设为(休息日|工作日)/ })).toBeVisible();
});
