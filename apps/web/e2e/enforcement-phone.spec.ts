import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { apiAs, shootIfAsked, trpcMutation, trpcQuery } from './api';
import { login } from './helpers';

// 执法 on the street chief's phone (390×844): the 当事人 of a street case with its 违法 / 处罚记录
// and 关联案件 (以事查人), and 当事人查询 from the tab bar (以人查事), all without the page
// scrolling sideways; a collector, who may not see enforcement information, gets neither.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const RUN = Date.now().toString(36);

async function phoneAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

/** The page never scrolls sideways at 390 px. */
async function expectNoSideways(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(widths.viewport).toBe(390);
  expect(widths.page).toBeLessThanOrEqual(390);
}

/** Brings a block to the top of the screen, under the sticky top bar (for the screenshots). */
async function scrollToTop(locator: Locator) {
  await locator.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 64));
}

test('a street chief reads the 当事人 of a case and looks a subject up on the phone', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  // A 街面秩序 report at the chief's street centre goes to the chief; 张某明 is linked to it.
  const description = `江滨路流动摊贩占道卖水果（${RUN}）`;
  const collector = (await apiAs(baseURL ?? '', 'linjiang.collector')).api;
  const chiefApi = (await apiAs(baseURL ?? '', 'linjiang.street_chief')).api;
  const home = await trpcQuery<{ center: [number, number] }>(chiefApi, 'geo.home');
  const [lng, lat] = home.center;
  const created = await trpcMutation<{ id: number; caseNo: string }>(collector, 'cases.report', {
    source: 'collector',
    kind: 'event',
    categoryCode: '09005',
    description,
    lng,
    lat,
    confirmedDistinct: true,
  });
  await trpcMutation(chiefApi, 'enforcement.link', { caseId: created.id, subjectId: 'ZF-P-0001' });

  const page = await phoneAs(browser, 'linjiang.street_chief');
  await page.goto('/m');
  await page.getByRole('list', { name: '街面任务' }).getByRole('link').filter({ hasText: description }).click();
  await expect(page.getByRole('heading', { name: '街面案件' })).toBeVisible();

  // 以事查人: the case's 当事人 and, one tap on, their records and cases.
  const section = page.getByRole('region', { name: '当事人', exact: true });
  const linked = section.getByRole('list', { name: '关联当事人' });
  await expect(linked.getByText('张某明', { exact: true })).toBeVisible();
  await expect(linked.getByText(/330106\*+0018/)).toBeVisible();
  const show = section.getByRole('button', { name: '查看 张某明 的违法和处罚记录' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  expect((await show.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(40);
  await scrollToTop(section);
  await shootIfAsked(page, 'enforcement-phone-case-section');
  await show.click();
  const records = section.getByRole('region', { name: '张某明的记录' });
  const violations = records.getByRole('list', { name: '违法记录' });
  await expect(violations.getByText('占道经营')).toBeVisible();
  await expect(violations.getByText('在江滨路人行道摆摊经营水果，经劝导后仍未撤离')).toBeVisible();
  await expect(
    records.getByRole('list', { name: '处罚记录' }).getByText('云临综执罚决字〔2025〕第 0877 号'),
  ).toBeVisible();
  const cases = records.getByRole('list', { name: '关联案件' });
  await expect(cases.getByRole('link', { name: created.caseNo })).toBeVisible();
  await expectNoSideways(page);
  await scrollToTop(records);
  await shootIfAsked(page, 'enforcement-phone-case-subject');
  await scrollToTop(cases);
  await shootIfAsked(page, 'enforcement-phone-case-cases');

  // 以人查事 from the tab bar: a company by part of its name.
  await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '当事人' }).click();
  await expect(page).toHaveURL(/\/m\/subjects$/);
  await expect(page.getByRole('heading', { name: '当事人查询' })).toBeVisible();
  await page.getByLabel('当事人查询').fill('鑫达建材');
  const search = page.getByRole('button', { name: '查询' });
  expect((await search.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(40);
  await search.click();
  const hit = page.getByRole('region', { name: '查询结果' }).getByRole('button', { name: '云湖市鑫达建材有限公司' });
  await expect(hit).toHaveAttribute('aria-pressed', 'false');
  await hit.click();
  await expect(hit).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: '查询结果' }).locator('[aria-current="true"]')).toContainText(
    '云湖市鑫达建材有限公司',
  );
  const found = page.getByRole('region', { name: '云湖市鑫达建材有限公司的记录' });
  await expect(found.getByRole('list', { name: '违法记录' }).getByText('施工扬尘')).toBeVisible();
  await expect(found.getByRole('list', { name: '违法记录' }).getByText('渣土乱倒')).toBeVisible();
  await expect(found.getByRole('list', { name: '处罚记录' }).getByText('20,000 元')).toBeVisible();
  await expect(found.getByText('本辖区暂无关联案件')).toBeVisible();
  await expectNoSideways(page);
  await shootIfAsked(page, 'enforcement-phone-subjects-search');
  await scrollToTop(found.getByRole('list', { name: '处罚记录' }));
  await shootIfAsked(page, 'enforcement-phone-subjects-history');

  // …and the person of the case, by name: the case is among 张某明's cases and opens on the phone.
  await page.getByLabel('当事人查询').fill('张某明');
  await search.click();
  await page.getByRole('region', { name: '查询结果' }).getByRole('button', { name: '张某明' }).click();
  const his = page.getByRole('region', { name: '张某明的记录' });
  await expect(his.getByRole('list', { name: '违法记录' }).getByText('乱堆物料')).toBeVisible();
  await his.getByRole('list', { name: '关联案件' }).getByRole('link', { name: created.caseNo }).click();
  await expect(page).toHaveURL(new RegExp(`/m/cases/${created.id}$`));
  await expect(page.getByText(description)).toBeVisible();
  await expectNoSideways(page);
  await page.context().close();
});

test('a collector, who may not see enforcement information, has no 当事人 on the phone', async ({ browser }) => {
  const page = await phoneAs(browser, 'linjiang.collector');
  await page.goto('/m/report');
  const tabs = page.getByRole('navigation', { name: '底部导航' });
  await expect(tabs.getByRole('link', { name: '上报', exact: true })).toBeVisible();
  await expect(tabs.getByRole('link', { name: '当事人' })).toHaveCount(0);
  await page.goto('/m/subjects');
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.getByLabel('当事人查询')).toHaveCount(0);
  await page.context().close();
});
