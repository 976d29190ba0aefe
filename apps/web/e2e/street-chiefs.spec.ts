import { type Browser, expect, type Page, test } from '@playwright/test';
import { type Api, apiAs, shootIfAsked, trpcMutation, trpcQuery } from './api';
import { login } from './helpers';
import { photo } from './photos';

// 街长制 on the phone (390×844): a street-order report routed to the management chief,
// handed to enforcement, escalated, filed and closed by both lines' area chiefs; and a
// 交接班 that sends new cases to the delegate until its end time, then to the chief again.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const RUN = Date.now().toString(36);

interface Detail {
  case: { id: number; status: string; version: number };
  timeline: { label: string; detail: Record<string, unknown> | null }[];
}

async function phoneAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

/** A 街面秩序 report by the street's collector at the chief's street centre. */
async function streetReport(baseURL: string, categoryCode: string, description: string) {
  const collector = (await apiAs(baseURL, 'linjiang.collector')).api;
  const chief = (await apiAs(baseURL, 'linjiang.street_chief')).api;
  const home = await trpcQuery<{ center: [number, number] }>(chief, 'geo.home');
  const [lng, lat] = home.center;
  return trpcMutation<{ id: number; caseNo: string }>(collector, 'cases.report', {
    source: 'collector',
    kind: 'event',
    categoryCode,
    description: `${description}（${RUN}）`,
    lng,
    lat,
    confirmedDistinct: true,
  });
}

/** Opens the case from the chief's list and takes one action through its form. */
async function takeAction(page: Page, text: string, label: string, reason?: string, shot?: string) {
  await page.goto('/m/chief');
  const card = page.getByRole('link', { name: new RegExp(text) }).or(page.getByRole('link').filter({ hasText: text }));
  await card.first().click();
  await expect(page.getByRole('heading', { name: '街面案件' })).toBeVisible();
  await page.getByRole('region', { name: '街长操作' }).getByRole('button', { name: label, exact: true }).click();
  const form = page.getByRole('region', { name: `${label}表单` });
  if (reason) await form.getByLabel(`${label}意见`).fill(reason);
  if (shot) await shootIfAsked(page, shot);
  await form.getByRole('button', { name: `确认${label}` }).click();
  await expect(page).toHaveURL(/\/m\/chief$/);
}

const detailOf = (api: Api, id: number) => trpcQuery<Detail>(api, 'cases.byId', { id });

test('a case routed to the management chief is handed to enforcement, escalated and closed by both lines', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const description = '沿街水果店把货架摆到人行道上';
  const created = await streetReport(baseURL ?? '', '09005', description);
  const shiftLead = (await apiAs(baseURL ?? '', 'linjiang.shift_lead')).api;
  let detail = await detailOf(shiftLead, created.id);
  expect(detail.case.status).toBe('handling');
  expect(detail.timeline.map((e) => e.label)).toContain('街面派单');

  // 管理街长: sees it under 待处理 with the management actions, hands it to enforcement.
  const management = await phoneAs(browser, 'linjiang.street_chief');
  await management.goto('/m');
  await expect(management).toHaveURL(/\/m\/chief$/);
  await expect(
    management.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '街面' }),
  ).toBeVisible();
  const card = management.getByRole('list', { name: '街面任务' }).getByRole('link').filter({ hasText: description });
  await expect(card).toContainText('管理线');
  await expect(card).toContainText('移交执法');
  await shootIfAsked(management, 'chief-queue-phone');
  await card.click();
  const buttons = management.getByRole('region', { name: '街长操作' });
  for (const label of ['未发现', '教育', '误报', '移交执法']) {
    await expect(buttons.getByRole('button', { name: label, exact: true })).toBeEnabled();
  }
  await shootIfAsked(management, 'chief-case-phone');
  await takeAction(management, description, '移交执法', '商户拒不整改，需执法', 'chief-action-form-phone');

  // 管理片长 approves; the case goes to the 执法街长.
  const areaManagement = await phoneAs(browser, 'linjiang.area_chief');
  await takeAction(areaManagement, description, '同意移交');
  detail = await detailOf(shiftLead, created.id);
  expect(detail.timeline.at(-1)?.label).toBe('同意移交');

  // 执法街长: 口头规劝 needs the photo; this time the chief escalates for filing instead.
  const enforcement = await phoneAs(browser, 'linjiang.enforce_chief');
  await enforcement.goto('/m/chief');
  await enforcement.getByRole('link').filter({ hasText: description }).click();
  await enforcement.getByRole('region', { name: '街长操作' }).getByRole('button', { name: '口头规劝' }).click();
  const persuade = enforcement.getByRole('region', { name: '口头规劝表单' });
  await persuade.getByLabel('口头规劝意见').fill('已现场劝导');
  await persuade.getByRole('button', { name: '确认口头规劝' }).click();
  await expect(persuade.getByRole('alert')).toContainText('请拍摄整改后的现场照片');
  await persuade.getByLabel('现场照片').setInputFiles(photo('after.png'));
  await expect(persuade.getByRole('img', { name: '已上传照片' })).toBeVisible();
  await shootIfAsked(enforcement, 'chief-persuade-phone');
  await persuade.getByRole('button', { name: '取消' }).click();
  await takeAction(enforcement, description, '上报片长', '多次劝导无效，申请立案');

  // 执法片长 files it (push to the enforcement system) and signs the close first.
  const areaEnforcement = await phoneAs(browser, 'linjiang.enforce_area_chief');
  await takeAction(areaEnforcement, description, '执法立案');
  await takeAction(areaEnforcement, description, '联合结案', '已立案处罚');
  await areaEnforcement
    .getByRole('radiogroup', { name: '街面任务分类' })
    .getByText(/跟踪中/)
    .click();
  await expect(areaEnforcement.getByRole('link').filter({ hasText: description })).toBeVisible();

  // 管理片长 signs second: closed.
  await takeAction(areaManagement, description, '联合结案', '管理线复核无误');
  detail = await detailOf(shiftLead, created.id);
  expect(detail.case.status).toBe('closed');
  // The enforcement system's own notes (its 立案 feedback on the pushed 案源) are 备注 entries that come when they come.
  expect(detail.timeline.filter((e) => e.label !== '备注').map((e) => e.label)).toEqual([
    '上报',
    '街面派单',
    '移交执法',
    '同意移交',
    '上报片长',
    '执法立案',
    '联合结案',
    '联合结案',
  ]);
  await areaManagement.goto(`/m/chief/${created.id}`);
  await expect(areaManagement.getByRole('region', { name: '流转记录' })).toContainText('两线片长联合结案');
  await expect(areaManagement.getByRole('region', { name: '流转记录' })).toContainText('已提交推送执法办案系统');
  // The demo's enforcement system answers the 案源 with its 立案, noted on the case.
  await expect(async () => {
    await areaManagement.reload();
    await expect(areaManagement.getByRole('region', { name: '流转记录' })).toContainText('执法系统立案', {
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  await shootIfAsked(areaManagement, 'chief-closed-phone');
});

/** A datetime-local value in Asia/Shanghai (the browser's zone in these tests). */
function shanghaiLocal(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

test('a 交接班 sends a new case to the delegate and stops at its end time', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const chief = await phoneAs(browser, 'linjiang.street_chief');
  await chief.goto('/m/chief');
  await chief.getByRole('link', { name: /交接班/ }).click();
  await expect(chief).toHaveURL(/\/m\/handover$/);
  const form = chief.getByRole('region', { name: '发起交接' });
  await form.getByLabel('接班人').click();
  await form.getByLabel('接班人').fill('夜班');
  await chief.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '夜班街长' }).click();
  await expect(form).toContainText('夜班街长');
  // The form takes whole minutes: the window ends at the first minute's start at least 45 s away
  // (time for the report made during it), so the spec waits 45 to 105 s, not up to two minutes.
  const end = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
  await form.getByLabel('结束时间').fill(shanghaiLocal(end));
  await form.getByRole('button', { name: '夜间值班' }).click();
  await shootIfAsked(chief, 'handover-phone');
  await form.getByRole('button', { name: '确认交接' }).click();
  await expect(form.getByRole('status')).toContainText('已交接给');
  const log = chief.getByRole('region', { name: '交接记录' });
  await expect(log.getByRole('listitem').first()).toContainText('生效中');
  await shootIfAsked(chief, 'handover-log-phone');

  // During the window: a new report goes to the night-duty chief.
  const during = await streetReport(baseURL ?? '', '09021', '路边有人占道洗车');
  const night = await phoneAs(browser, 'linjiang.night_chief');
  await night.goto('/m/chief');
  const card = night.getByRole('link').filter({ hasText: '路边有人占道洗车' });
  await expect(card).toBeVisible();
  await card.click();
  await expect(night.getByRole('region', { name: '流转记录' })).toContainText('交接班：代');
  await shootIfAsked(night, 'handover-delegate-case-phone');

  // After the end time the delegation has ended by itself and new cases go to the chief.
  await expect
    .poll(
      async () => {
        await chief.reload();
        return chief.getByRole('region', { name: '交接记录' }).getByRole('listitem').first().textContent();
      },
      { timeout: 200_000, intervals: [5_000] },
    )
    .toContain('已结束');
  const after = await streetReport(baseURL ?? '', '09010', '人行道上共享单车乱停放');
  await chief.goto('/m/chief');
  await expect(chief.getByRole('link').filter({ hasText: '人行道上共享单车乱停放' })).toBeVisible();
  const shiftLead = (await apiAs(baseURL ?? '', 'linjiang.shift_lead')).api;
  const routed = (await detailOf(shiftLead, after.id)).timeline.at(-1);
  expect(routed?.label).toBe('街面派单');
  expect(routed?.detail).not.toHaveProperty('delegatedFrom');
  expect((await detailOf(shiftLead, during.id)).timeline.at(-1)?.detail).toHaveProperty('delegatedFrom');
});

test('an area chief opens 交接班 on the desk', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await login(page, 'linjiang.area_chief');
  await page.goto('/street/handover');
  await expect(page.getByRole('heading', { name: '交接班（A/B岗）' })).toBeVisible();
  await expect(page.getByRole('region', { name: '发起交接' })).toContainText('管理片长');
  await shootIfAsked(page, 'handover-desk');
});
