import { LEADER_CASES_PAGE } from '@citygov/domain/supervision/leader-cards';
import { expect, test } from '@playwright/test';
import { type Api, actOnCase, apiAs, reportOwnProblem, shootIfAsked, trpcQuery } from './api';
import { login } from './helpers';

// 督查考核: a supervisor's evaluation (view, drill down, publish), a 督办单 issued and
// answered on the desk, and the leader's tablet drilled from the city to a case.

const DESK = { viewport: { width: 1920, height: 1080 } };
const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true };
const RUN = Date.now().toString(36);

async function signedIn(baseURL: string, username: string): Promise<Api> {
  return (await apiAs(baseURL, username)).api;
}

/** The street of 临江区's chief (its name), and a collector's report at its centre (待受理). */
async function chiefStreet(baseURL: string) {
  const collector = await signedIn(baseURL, 'linjiang.collector');
  const chief = await signedIn(baseURL, 'linjiang.street_chief');
  const home = await trpcQuery<{ name: string; center: [number, number] }>(chief, 'geo.home');
  const [lng, lat] = home.center;
  const report = (description: string) =>
    reportOwnProblem(collector, 'collector', { lng, lat }, `${description}（${RUN}）`);
  return { name: home.name, report };
}

/** A 临江区 case reported by the street's collector, accepted, filed and dispatched to 临江区市政管理所. */
async function dispatchedCase(baseURL: string, description: string) {
  const acceptor = await signedIn(baseURL, 'linjiang.acceptor');
  const shiftLead = await signedIn(baseURL, 'linjiang.shift_lead');
  const dispatcher = await signedIn(baseURL, 'linjiang.dispatcher');
  const street = await chiefStreet(baseURL);
  const created = await street.report(description);
  await actOnCase(acceptor, created.id, 'accept');
  await actOnCase(shiftLead, created.id, 'file');
  const targets = await trpcQuery<{ id: number; name: string }[]>(dispatcher, 'cases.dispatchTargets');
  const municipal = targets.find((d) => d.name === '临江区市政管理所')?.id;
  await actOnCase(dispatcher, created.id, 'dispatch', { leadDepartmentId: municipal });
  // The chief's street, where the case lies: other specs leave open cases in other streets.
  return { ...created, street: street.name };
}

/** `count` more reports (待受理) in the street of 临江区's chief, where dispatchedCase puts its case. */
async function reportsInChiefStreet(baseURL: string, count: number) {
  const street = await chiefStreet(baseURL);
  for (let n = 1; n <= count; n++) await street.report(`街边店外占道堆放杂物第${n}处`);
}

test.describe('综合评价', () => {
  test.use(DESK);
  test('a supervisor views the district ranking, opens the cases behind a number and publishes it', async ({
    page,
    baseURL,
  }) => {
    await dispatchedCase(baseURL ?? '', '江滨路人行道上堆放建筑垃圾');
    await login(page, 'supervisor');
    await page.goto('/supervision/evaluation');
    await expect(page.getByRole('heading', { name: '综合评价' })).toBeVisible();
    const table = page.getByRole('table');
    const row = table.getByRole('row', { name: /临江区/ });
    await expect(row).toBeVisible();
    await expect(page.getByRole('img', { name: '区县排名图' })).toBeVisible();
    await expect(page.getByText(/未发布 · 实时计算于/)).toBeVisible();
    await shootIfAsked(page, 'supervision-evaluation-desk');

    // 下钻: the 监督举报率 number opens the collector-reported cases of the district.
    await row.getByRole('button', { name: /临江区 监督举报率 .* 查看案件/ }).click();
    const drawer = page.getByRole('dialog', { name: /临江区 · 案件明细/ });
    await expect(drawer.getByRole('link', { name: /^\d{12}$/ }).first()).toBeVisible();
    await shootIfAsked(page, 'supervision-evaluation-drill');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // Positions: the collector ranking lists 临江区's collector.
    await page.goto('/supervision/evaluation?subject=collector');
    await expect(page.getByRole('columnheader', { name: /有效上报率（40%）/ })).toBeVisible();
    await page.goto('/supervision/evaluation');

    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('button', { name: '发布', exact: true }).last().click();
    await expect(page.getByText(/已发布 · 第1版/)).toBeVisible();
    await expect(page.getByRole('button', { name: '重新计算' })).toBeVisible();

    // The indicator table: the shipped definitions, editable at city level.
    await page.getByRole('tab', { name: '指标设置' }).click();
    await expect(page.getByText('按期结案数 ÷ (应结案数 − 缓办数)')).toBeVisible();
    await shootIfAsked(page, 'supervision-indicators');
  });
});

test.describe('督办单', () => {
  test.use(DESK);
  test('a supervisor issues an order on a case; the department answers it on the desk', async ({
    browser,
    baseURL,
  }) => {
    const created = await dispatchedCase(baseURL ?? '', '滨江花园东门占道经营');
    const supervisorContext = await browser.newContext(DESK);
    const supervisor = await supervisorContext.newPage();
    await login(supervisor, 'supervisor');
    await supervisor.goto(`/desk/cases/${created.id}`);
    await supervisor.getByRole('button', { name: '下达督办单' }).click();
    const dialog = supervisor.getByRole('dialog', { name: /下达督办单/ });
    await dialog.getByLabel(/意见/).fill('请于今日内清理占道摊点并回复');
    await dialog
      .getByRole('button', { name: /确\s*定|提\s*交|下达督办单/ })
      .last()
      .click();
    await expect(supervisor.getByText('请于今日内清理占道摊点并回复').first()).toBeVisible();
    await supervisorContext.close();

    const handlerContext = await browser.newContext(DESK);
    const handler = await handlerContext.newPage();
    await login(handler, 'linjiang.dept_handler');
    await handler.goto('/desk');
    const orders = handler.getByRole('listitem').filter({ hasText: '请于今日内清理占道摊点并回复' });
    await expect(orders.getByText('待回复')).toBeVisible();
    await shootIfAsked(handler, 'supervision-orders-desk');
    await orders.getByRole('link', { name: /查看案件/ }).click();
    await handler.getByRole('button', { name: '回复督办' }).click();
    const reply = handler.getByRole('dialog', { name: /回复督办/ });
    await reply.getByLabel(/意见/).fill('已安排执法队员清理，明早复查');
    await reply
      .getByRole('button', { name: /确\s*定|提\s*交|回复督办/ })
      .last()
      .click();
    await expect(handler.getByText('按时回复')).toBeVisible();
    await handlerContext.close();
  });
});

test.describe('领导驾驶舱', () => {
  test.use(TABLET);
  test('a leader on a 1024×768 tablet drills from the city to a case, issues 督办 and an instruction (批示)', async ({
    page,
    baseURL,
  }) => {
    const created = await dispatchedCase(baseURL ?? '', '临江大道绿化带内倾倒生活垃圾');
    // More open cases in the street than one page of cards; new reports, due for 受理 within
    // minutes, come first (most urgent first), so the dispatched case lies past the first page.
    await reportsInChiefStreet(baseURL ?? '', LEADER_CASES_PAGE);
    await login(page, 'leader');
    await page.goto('/leader');
    await expect(page.getByRole('heading', { name: '领导驾驶舱' })).toBeVisible();
    await expect(page.getByRole('region', { name: '关键指标' })).toBeVisible();
    await shootIfAsked(page, 'leader-city-1024');
    await page.getByRole('button', { name: /^临江区，在办/ }).tap();
    await expect(page.getByRole('region', { name: '街道排名' })).toBeVisible();
    await shootIfAsked(page, 'leader-district-1024');
    await page
      .getByRole('region', { name: '街道排名' })
      .getByRole('button', { name: new RegExp(`^${created.street}，在办`) })
      .tap();
    const cards = page.getByRole('region', { name: '案件', exact: true });
    await cards.getByText('在办', { exact: true }).tap();
    await expect(cards.getByRole('button', { name: /^案件 \d+$/ })).toHaveCount(LEADER_CASES_PAGE);
    await cards.getByRole('button', { name: '加载更多' }).tap();
    await expect(cards.getByRole('button', { name: /^案件 \d+$/ }).nth(LEADER_CASES_PAGE)).toBeVisible();
    await shootIfAsked(page, 'leader-cards-more-1024');
    // The street may hold more (other specs' cases): 加载更多 until the case's card is there.
    const card = cards.getByRole('button', { name: `案件 ${created.caseNo}` });
    await expect(async () => {
      if (!(await card.isVisible())) await cards.getByRole('button', { name: '加载更多' }).tap({ timeout: 5_000 });
      await expect(card).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 45_000 });
    const shown = await cards.getByRole('button', { name: /^案件 \d+$/ }).count();
    await card.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(0);
    await card.tap();
    await expect(page.getByText('临江大道绿化带内倾倒生活垃圾', { exact: false })).toBeVisible();
    await shootIfAsked(page, 'leader-case-1024');
    await page.getByRole('button', { name: '下达督办' }).tap();
    await page.getByLabel('督办要求').fill('请今日内清理并回复');
    await page
      .getByRole('dialog', { name: '下达督办单' })
      .getByRole('button', { name: /^下\s*达$/ })
      .tap();
    await expect(page.getByText('督办中')).toBeVisible();
    await expect(page.getByText('下达督办单').first()).toBeVisible();
    // 领导批示: the instruction lands in the case's record, in the leader's own words.
    await page.getByRole('button', { name: '领导批示' }).tap();
    await page.getByLabel('批示内容').fill('请城管局牵头，三日内彻底整治');
    await shootIfAsked(page, 'leader-instruct-1024');
    await page
      .getByRole('dialog', { name: '领导批示' })
      .getByRole('button', { name: /^批\s*示$/ })
      .tap();
    await expect(page.getByText('批示已送达处置人员')).toBeVisible();
    await expect(
      page.getByRole('listitem').filter({ hasText: '领导批示' }).filter({ hasText: '请城管局牵头，三日内彻底整治' }),
    ).toBeVisible();
    // Back from the case, the list is as long as the leader left it (more than one page).
    await page.getByRole('button', { name: '返回' }).tap();
    await expect(cards.getByRole('button', { name: /^案件 \d+$/ })).toHaveCount(shown);
    // …and where the leader left it, at the case's card.
    await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(Math.round(scrolled));
    await expect(card).toBeInViewport();
  });

  test('the tablet fits 1366×1024 too', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 1024 });
    await login(page, 'leader');
    await page.goto('/leader');
    await expect(page.getByRole('region', { name: '区县排名' })).toBeVisible();
    await shootIfAsked(page, 'leader-city-1366');
  });
});
