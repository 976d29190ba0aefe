import { type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import { type Api, actOnCase, apiAs, trpcMutation, trpcQuery } from './api';
import { fillPhoneReport, login } from './helpers';
import { photo } from './photos';

// The street pages (/m/…) on a phone: a collector reports with GPS and a photo, keeps a
// draft through a lost connection, works a verify task; a department handler takes up a
// case and feeds back with a photo. Other roles move cases along through the tRPC API.

const PHONE = { width: 390, height: 844 };
/** The task list itself, not a task under it. */
const BACK_ON_LIST = /\/m\/tasks(\?.*)?$/;

test.use({
  viewport: PHONE,
  isMobile: true,
  hasTouch: true,
  permissions: ['geolocation'],
  // Near the centre of 望江街道 (linjiang.collector's street); replaced per test by geo.home.
  geolocation: { longitude: 120.1, latitude: 30.3025, accuracy: 15 },
});

interface CaseDetail {
  case: { id: number; caseNo: string; status: string; version: number; lng: number; lat: number };
  attachments: { id: number; purpose: string }[];
  timeline: { action: string; reason: string | null }[];
}

const byId = (api: Api, id: number) => trpcQuery<CaseDetail>(api, 'cases.byId', { id });

const act = actOnCase;
const signedIn = apiAs;

/** The centre of the user's own area: a point geo.gridAt accepts for them. */
async function homeCentre(api: Api) {
  const home = await trpcQuery<{ center: [number, number] }>(api, 'geo.home');
  const [longitude, latitude] = home.center;
  const grid = await trpcQuery<{ name: string; code: string }>(api, 'geo.gridAt', { lng: longitude, lat: latitude });
  return { longitude, latitude, grid };
}

/** Logs in on the phone and points the fake GPS at the middle of the user's area. */
async function phoneLogin(page: Page, context: BrowserContext, username: string) {
  await login(page, username);
  const centre = await homeCentre(page.request);
  await context.setGeolocation({ longitude: centre.longitude, latitude: centre.latitude, accuracy: 12 });
  return centre;
}

const fillReport = (page: Page, description: string) => fillPhoneReport(page, description, true);

/**
 * An earlier test's report may stand nearby (in a full run, other specs report at the same
 * street's centre): the reporter then says this is a different problem. Waits for either the
 * question or the sign that the report went on (`next`).
 */
async function sayDifferentIfAsked(page: Page, next: Locator) {
  const different = page.getByRole('button', { name: '不是同一问题，仍要上报' });
  await expect(different.or(next).first()).toBeVisible();
  if (await different.isVisible()) await different.click();
}

// ---- tests -------------------------------------------------------------------------

test('portal home offers the phone entry to a collector on a phone', async ({ page }) => {
  await login(page, 'linjiang.collector');
  await page.getByRole('link', { name: /进入街面移动端/ }).click();
  await expect(page).toHaveURL(/\/m\/report$/);
  await expect(page.getByRole('heading', { name: '上报问题' })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: '底部导航' });
  await expect(tabs.getByRole('link', { name: '上报', exact: true })).toBeVisible();
  await expect(tabs.getByRole('link', { name: /任务/ })).toBeVisible();
  await expect(tabs.getByRole('link', { name: '我的上报' })).toBeVisible();
});

test('collector reports with GPS and a photo and gets the case number', async ({ page, context }) => {
  const centre = await phoneLogin(page, context, 'linjiang.collector');
  await page.goto('/m/report');
  await fillReport(page, '人行道上堆放建筑垃圾约两立方米，影响行人通行');
  await expect(page.getByText(centre.grid.code)).toBeVisible();
  await page.getByRole('button', { name: '提交上报' }).click();
  await sayDifferentIfAsked(page, page.getByText('上报成功'));

  await expect(page.getByText('上报成功')).toBeVisible();
  const caseNo = (await page.getByTestId('case-no').textContent())?.trim() ?? '';
  expect(caseNo).toMatch(/^\d{12}$/);

  // The case is the collector's, at the GPS point, with the photo attached as a report photo.
  const mine = await trpcQuery<{ rows: { id: number; caseNo: string }[] }>(page.request, 'cases.mine', {});
  const row = mine.rows.find((r) => r.caseNo === caseNo);
  expect(row).toBeDefined();
  const detail = await byId(page.request, row?.id ?? 0);
  expect(detail.case.lng).toBeCloseTo(centre.longitude, 5);
  expect(detail.case.lat).toBeCloseTo(centre.latitude, 5);
  expect(detail.attachments.map((a) => a.purpose)).toEqual(['report']);

  // The draft is gone after a successful send, and 我的上报 lists the case.
  await page.reload();
  await expect(page.getByRole('button', { name: '提交上报' })).toBeVisible();
  await expect(page.getByText('草稿已恢复')).toHaveCount(0);
  await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '我的上报' }).click();
  await expect(page.getByRole('list', { name: '我的上报列表' }).getByText(caseNo)).toBeVisible();
});

test('a report survives a reload as a restored draft', async ({ page, context }) => {
  await phoneLogin(page, context, 'linjiang.collector');
  await page.goto('/m/report');
  await fillReport(page, '路灯不亮，夜间行人看不清路面');
  // Saving is debounced; wait for the draft to reach IndexedDB.
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.getByText('草稿已恢复')).toBeVisible();
  await expect(page.getByLabel('问题描述')).toHaveValue('路灯不亮，夜间行人看不清路面');
  await expect(page.getByRole('img', { name: '第 1 张照片' })).toBeVisible();
  await expect(page.getByRole('button', { name: /暴露垃圾/ })).toBeVisible();
  await expect(page.getByText('所在网格：')).toBeVisible();
});

test('going offline during submit keeps the draft; 重试 succeeds once online', async ({ page, context }) => {
  await phoneLogin(page, context, 'linjiang.collector');
  await page.goto('/m/report');
  await fillPhoneReport(page, '井盖破损下陷，车辆经过时有响声', false);

  // The photo is taken with no network: it waits in the draft (待上传) instead of going ahead.
  await context.setOffline(true);
  await page.getByLabel('拍照').setInputFiles(photo());
  await expect(page.getByText('待上传', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '提交上报' }).click();
  await expect(page.getByText('发送失败，已保存草稿')).toBeVisible();
  await expect(page.getByText('上传失败')).toBeVisible();
  await expect(page.getByLabel('问题描述')).toHaveValue('井盖破损下陷，车辆经过时有响声');

  // Back online, the photo goes up by itself; 重试 then sends the report.
  await context.setOffline(false);
  await expect(page.getByText('已上传', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByText('上报成功')).toBeVisible();
  await expect(page.getByTestId('case-no')).toHaveText(/^\d{12}$/);
  await page.reload();
  await expect(page.getByRole('button', { name: '提交上报' })).toBeVisible();
  await expect(page.getByText('草稿已恢复')).toHaveCount(0);
});

test('a server fault after the upload keeps the draft and 重试 does not upload the photo again', async ({
  page,
  context,
}) => {
  await phoneLogin(page, context, 'linjiang.collector');
  await page.goto('/m/report');
  let uploads = 0;
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().endsWith('/api/attachments')) uploads += 1;
  });
  await fillReport(page, '沿街商铺占道经营，摆放货架约三米');
  // A slow, then failing gateway in front of cases.report.
  await page.route('**/trpc/cases.report**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>503 Service Unavailable</h1>' });
  });
  await page.getByRole('button', { name: '提交上报' }).click();
  await sayDifferentIfAsked(page, page.getByText('正在提交…'));
  await expect(page.getByText('正在提交…')).toBeVisible();
  await expect(page.getByText('发送失败，已保存草稿')).toBeVisible();
  await expect(page.getByText('已上传')).toBeVisible();

  await page.unroute('**/trpc/cases.report**');
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByText('上报成功')).toBeVisible();
  expect(uploads).toBe(1);
});

test('collector works a verify task on the phone', async ({ page, context, baseURL }) => {
  const centre = await phoneLogin(page, context, 'linjiang.collector');
  const acceptor = await signedIn(baseURL ?? '', 'linjiang.acceptor');
  const created = await trpcMutation<{ id: number; caseNo: string }>(acceptor.api, 'cases.report', {
    source: 'hotline',
    kind: 'event',
    categoryCode: '06010',
    description: '市民来电：小区门口有垃圾堆放多日',
    lng: centre.longitude,
    lat: centre.latitude,
    // A task of its own, not a repeat of the reports above (智能判重 would merge it).
    confirmedDistinct: true,
  });
  await act(acceptor.api, created.id, 'accept');
  await act(acceptor.api, created.id, 'requestVerify');

  await page.goto('/m/tasks');
  await page.getByText('核实任务', { exact: false }).first().click();
  await page.getByRole('list', { name: '核实任务列表' }).getByText(created.caseNo).click();
  await expect(page.getByRole('heading', { name: '任务详情' })).toBeVisible();
  await expect(page.getByText('市民来电：小区门口有垃圾堆放多日')).toBeVisible();
  await page.getByText('属实', { exact: true }).click();
  await page.getByLabel('核实意见').fill('现场确有垃圾堆放，约一立方米');
  await page.getByLabel('拍照').setInputFiles(photo('verify.png'));
  await page.getByRole('button', { name: '提交核实' }).click();
  await expect(page).toHaveURL(BACK_ON_LIST);

  const after = await byId(acceptor.api, created.id);
  expect(after.case.status).toBe('accepted');
  expect(after.timeline.at(-1)).toMatchObject({ action: 'submitVerification', reason: '现场确有垃圾堆放，约一立方米' });
  expect(after.attachments.map((a) => a.purpose)).toContain('verify');
  await acceptor.api.dispose();
});

/** A case dispatched to linjiang.dept_handler's department, located in the collector's street. */
async function dispatchedCase(baseURL: string, description: string) {
  const collector = await signedIn(baseURL, 'linjiang.collector');
  const centre = await homeCentre(collector.api);
  const created = await trpcMutation<{ id: number; caseNo: string }>(collector.api, 'cases.report', {
    source: 'collector',
    kind: 'event',
    categoryCode: '06010',
    description,
    lng: centre.longitude + 0.001,
    lat: centre.latitude,
    // Each call is a case of its own, at the same spot (智能判重 would merge them).
    confirmedDistinct: true,
  });
  const acceptor = await signedIn(baseURL, 'linjiang.acceptor');
  const shiftLead = await signedIn(baseURL, 'linjiang.shift_lead');
  const dispatcher = await signedIn(baseURL, 'linjiang.dispatcher');
  const handler = await signedIn(baseURL, 'linjiang.dept_handler');
  await act(acceptor.api, created.id, 'accept');
  await act(shiftLead.api, created.id, 'file');
  await act(dispatcher.api, created.id, 'dispatch', { leadDepartmentId: handler.me.departmentId });
  await Promise.all([collector, acceptor, shiftLead, handler].map((c) => c.api.dispose()));
  return { ...created, dispatcher };
}

test('department handler takes up a case and feeds back with a photo', async ({ page, context, baseURL }) => {
  const created = await dispatchedCase(baseURL ?? '', '人行道垃圾堆放，需清运');
  await created.dispatcher.api.dispose();
  await phoneLogin(page, context, 'linjiang.dept_handler');
  await page.getByRole('link', { name: /进入街面移动端/ }).click();
  await expect(page).toHaveURL(BACK_ON_LIST);
  // Department handlers do not report: the task tab, and 在岗 (duty and calls) as every field worker.
  const tabs = page.getByRole('navigation', { name: '底部导航' }).getByRole('link');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.last()).toHaveAccessibleName('在岗');

  await page.getByRole('list', { name: '待签收列表' }).getByText(created.caseNo).click();
  await page.getByRole('button', { name: '签收' }).click();
  await expect(page.getByText('处置说明')).toBeVisible();
  // Side requests are offered while handling.
  await expect(page.getByRole('button', { name: '申请延期' })).toBeEnabled();
  await expect(page.getByRole('button', { name: '申请回退' })).toBeEnabled();

  await page.getByRole('button', { name: '提交处置反馈' }).click();
  await expect(page.getByText('请填写处置说明')).toBeVisible();
  await expect(page.getByText('请至少拍摄一张照片')).toBeVisible();
  await page.getByLabel('处置说明').fill('已安排清运，现场恢复整洁');
  await page.getByLabel('拍照').setInputFiles(photo('after.png'));
  await page.getByRole('button', { name: '提交处置反馈' }).click();
  await expect(page).toHaveURL(BACK_ON_LIST);

  const after = await byId(page.request, created.id);
  expect(after.case.status).toBe('fed_back');
  expect(after.timeline.at(-1)).toMatchObject({ action: 'feedBack', reason: '已安排清运，现场恢复整洁' });
  expect(after.attachments.filter((a) => a.purpose === 'feedback')).toHaveLength(1);
});

test('handler asks for an extension; a stale page is refused with a conflict and the draft survives', async ({
  page,
  context,
  baseURL,
}) => {
  const created = await dispatchedCase(baseURL ?? '', '路面坑洼，需要修补');
  const { dispatcher } = created;
  await phoneLogin(page, context, 'linjiang.dept_handler');
  await page.goto(`/m/tasks/${created.id}`);
  await page.getByRole('button', { name: '签收' }).click();
  await expect(page.getByText('处置说明')).toBeVisible();

  await page.getByRole('button', { name: '申请延期' }).click();
  const sheet = page.getByRole('dialog', { name: '申请延期' });
  await sheet.getByLabel('延期时长').fill('2');
  await sheet.getByLabel('延期理由').fill('需协调供电部门停电后施工');
  await sheet.getByRole('button', { name: '提交延期申请' }).click();
  await expect(sheet).toBeHidden();
  // While the request waits, the handler keeps working; only further requests wait for the decision.
  await expect(page.getByText('延期申请已提交，等待审批')).toBeVisible();
  await expect(page.getByLabel('处置说明')).toBeVisible();
  await expect(page.getByText('案件有待审批的延期申请，审批后才能申请回退')).toBeVisible();
  await expect(page.getByRole('button', { name: '申请回退' })).toBeDisabled();

  // The dispatcher approves; the handler refreshes and can feed back again.
  await act(dispatcher.api, created.id, 'approveExtension');
  await page.getByRole('button', { name: '刷新', exact: true }).click();
  await expect(page.getByLabel('处置说明')).toBeVisible();

  // Someone else touches the case while the handler is filling in the form.
  await page.getByLabel('处置说明').fill('已修补坑洼，恢复通行');
  await page.getByLabel('拍照').setInputFiles(photo('fixed.png'));
  // A 督办-style annotation never invalidates the form…
  await act(dispatcher.api, created.id, 'markDifficult', { reason: '多次反映的问题' });
  // …but a real change does: another extension asked from elsewhere and approved.
  await act(page.request, created.id, 'requestExtension', {
    reason: '另需一天等待材料',
    extension: { amount: 1, unit: 'working_days' },
  });
  await act(dispatcher.api, created.id, 'approveExtension');
  await dispatcher.api.dispose();
  await page.getByRole('button', { name: '提交处置反馈' }).click();
  await expect(page.getByText('案件已被他人处理')).toBeVisible();
  await expect(page.getByText(/已执行「同意延期」/)).toBeVisible();

  await page.getByRole('button', { name: '刷新案件' }).click();
  await expect(page.getByLabel('处置说明')).toHaveValue('已修补坑洼，恢复通行');
  await expect(page.getByRole('img', { name: '第 1 张照片' })).toBeVisible();
  await page.getByRole('button', { name: '提交处置反馈' }).click();
  await expect(page).toHaveURL(BACK_ON_LIST);
  const after = await byId(page.request, created.id);
  expect(after.case.status).toBe('fed_back');
  expect(after.attachments.filter((a) => a.purpose === 'feedback')).toHaveLength(1);
});
