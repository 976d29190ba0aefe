import { expect, type Page, test } from '@playwright/test';
import { apiAs, shootIfAsked, trpcMutation, trpcQuery } from './api';
import { login } from './helpers';

// The app under its own Content-Security-Policy: maps (maplibre's worker, canvas),
// antd's runtime styles and every screen must work with no violation reported; the
// web client must send the CSRF header; no other site may frame it.

/** Collects every CSP violation the page reports, from the DOM event and the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) seen.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return seen;
}

test('the desk case list with its map and the case map run under the CSP without a violation', async ({
  page,
  baseURL,
}) => {
  // A case, reported through the API (with the CSRF header), so the map has a pin.
  const { api } = await apiAs(baseURL ?? '', 'linjiang.acceptor');
  const home = await trpcQuery<{ center: [number, number] }>(api, 'geo.home');
  const [lng, lat] = home.center;
  await trpcMutation(api, 'cases.report', {
    source: 'hotline',
    kind: 'event',
    categoryCode: '06001',
    description: '滨江路人行道上有一处井盖缺失，行人经过有危险（CSP 测试）',
    lng,
    lat,
    confirmedDistinct: true,
  });
  const violations = await watchViolations(page);
  await page.setViewportSize({ width: 1600, height: 900 });
  await login(page, 'linjiang.shift_lead');

  const document = await page.goto('/desk/cases');
  const csp = (await document?.allHeaders())?.['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { name: '案件查询' })).toBeVisible();
  await page.getByLabel('地图显示').click();
  const caseMap = page.locator('section[aria-label="案件地图"]');
  await expect(caseMap).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(caseMap.locator('canvas')).toBeVisible();
  await shootIfAsked(page, 'csp-desk-case-map');

  await page.goto('/map');
  const caseMapPage = page.locator('section[aria-label="案件地图"]');
  await expect(caseMapPage).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(page.getByText('共 600 个单元网格')).toBeVisible();
  await shootIfAsked(page, 'csp-case-map-page');
  expect(violations).toEqual([]);
});

test('the web app sends the CSRF header with its tRPC calls', async ({ page }) => {
  await page.goto('/login');
  const loginCall = page.waitForRequest((request) => request.url().includes('/trpc/auth.login'));
  await page.getByLabel('用户名').fill('linjiang.collector');
  await page.getByLabel('密码').fill('Citygov@2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  const request = await loginCall;
  expect(request.method()).toBe('POST');
  expect(await request.headerValue('x-citygov-csrf')).toBe('1');
  await expect(page).toHaveURL(/\/$/);
});

test('another site cannot frame the desk', async ({ page, baseURL }) => {
  const refused = page.waitForEvent('console', (message) => /frame-ancestors/.test(message.text()));
  await page.setContent(`<iframe title="framed" src="${baseURL}/login"></iframe>`);
  await refused;
  const framed = page.frameLocator('iframe[title="framed"]');
  await expect(framed.getByRole('button', { name: '登录', exact: true })).toHaveCount(0);
});
