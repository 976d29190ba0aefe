import { expect, test } from '@playwright/test';
import { shootIfAsked } from './api';
import { login } from './helpers';

/**
 * 外部系统 (/admin/integrations): the city administrator sees each outside system with its
 * health and figures; the demo's dead letter (a day's statistics the province platform
 * refused with 500) is replayed with 重发, reaches the platform simulator the demo started,
 * and leaves the dead letters.
 */
test('the administrator replays a dead letter and it reaches the province platform', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '外部系统' }).click();
  await expect(page.getByRole('heading', { name: '外部系统' })).toBeVisible();

  for (const name of ['浙政钉', '浙里办', '短信', '省平台', '执法系统']) {
    await expect(page.getByLabel(`${name}接入状态`)).toBeVisible();
  }
  const province = page.getByLabel('省平台接入状态');
  await expect(province.getByText(/^正常/)).toBeVisible();
  // The demo starts the 浙政钉 and SMS simulators: their cards show real health.
  await expect(page.getByLabel('浙政钉接入状态').getByText(/^正常/)).toBeVisible();
  await expect(page.getByLabel('短信接入状态').getByText(/^阿里云：/)).toBeVisible();

  const row = page.getByRole('row', { name: /省平台.*日统计.*省平台出错（HTTP 500）/ });
  await expect(row).toBeVisible();
  await shootIfAsked(page, 'integrations-desk-1920');
  await row.getByRole('button', { name: /^重发/ }).click();
  await expect(page.getByText('已重发消息')).toBeVisible();

  // The worker delivers it: the dead letters empty out and the province card shows no dead letter.
  await expect(page.getByText('没有死信：所有消息都已送达或正在重试')).toBeVisible({ timeout: 30_000 });
  await expect(province).toContainText('死信0');
});

test('a collector has no 外部系统 and is refused the page by URL', async ({ page }) => {
  await login(page, 'linjiang.collector');
  await page.goto('/admin/integrations');
  await expect(page.getByText('无权访问')).toBeVisible();
});
