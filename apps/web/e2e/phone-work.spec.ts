import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type Api, actOnCase, apiAs, trpcMutation, trpcQuery } from './api';
import { login } from './helpers';
import { photo } from './photos';

// The phone as a full work tool for a department handler: 申请挂账 on the phone, working on
// while a request waits, 返工 / 督办 / 催办 shown with their reasons and as a notice, the
// countdown saying which time it counts, and the task list opening where the work is.

const PHONE = { width: 390, height: 844 };
const BACK_ON_LIST = /\/m\/tasks(\?.*)?$/;

test.use({
  viewport: PHONE,
  isMobile: true,
  hasTouch: true,
  permissions: ['geolocation'],
  geolocation: { longitude: 120.1, latitude: 30.3025, accuracy: 15 },
});

/** PHONE_SHOTS=<dir> writes a screenshot of each phone page for looking at. */
async function shot(page: Page, name: string) {
  const dir = process.env.PHONE_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

interface Detail {
  case: { id: number; status: string; pendingKind: string | null };
  timeline: { action: string; reason: string | null; detail: Record<string, unknown> }[];
}

async function homeCentre(api: Api) {
  const home = await trpcQuery<{ center: [number, number] }>(api, 'geo.home');
  return { longitude: home.center[0], latitude: home.center[1] };
}

async function phoneLogin(page: Page, context: BrowserContext, username: string) {
  await login(page, username);
  const centre = await homeCentre(page.request);
  await context.setGeolocation({ ...centre, accuracy: 12 });
}

/** A case dispatched to linjiang.dept_handler's department and taken up by the handler through the API. */
async function handlingCase(baseURL: string, description: string) {
  const collector = await apiAs(baseURL, 'linjiang.collector');
  const centre = await homeCentre(collector.api);
  const created = await trpcMutation<{ id: number; caseNo: string }>(collector.api, 'cases.report', {
    source: 'collector',
    kind: 'event',
    categoryCode: '06010',
    description,
    lng: centre.longitude + 0.0012,
    lat: centre.latitude + 0.0004,
    confirmedDistinct: true,
  });
  const acceptor = await apiAs(baseURL, 'linjiang.acceptor');
  const shiftLead = await apiAs(baseURL, 'linjiang.shift_lead');
  const dispatcher = await apiAs(baseURL, 'linjiang.dispatcher');
  const handler = await apiAs(baseURL, 'linjiang.dept_handler');
  await actOnCase(acceptor.api, created.id, 'accept');
  await actOnCase(shiftLead.api, created.id, 'file');
  await actOnCase(dispatcher.api, created.id, 'dispatch', { leadDepartmentId: handler.me.departmentId });
  await actOnCase(handler.api, created.id, 'takeUp');
  await Promise.all([collector, acceptor, handler].map((c) => c.api.dispose()));
  return { ...created, shiftLead, dispatcher };
}

test('a handler requests 挂账 on the phone, keeps working, and sees the 返工 reason', async ({
  page,
  context,
  baseURL,
}) => {
  const created = await handlingCase(baseURL ?? '', '绿化带内堆放大量生活垃圾，气味明显');
  await phoneLogin(page, context, 'linjiang.dept_handler');
  await page.goto(`/m/tasks/${created.id}`);
  await expect(page.getByLabel('处置说明')).toBeVisible();

  // 申请挂账 is offered on the phone, with a reason.
  await page.getByRole('button', { name: '申请挂账' }).click();
  const sheet = page.getByRole('dialog', { name: '申请挂账' });
  await sheet.getByRole('button', { name: '提交挂账申请' }).click();
  await expect(sheet.getByText('请填写挂账理由')).toBeVisible();
  await sheet.getByLabel('挂账理由').fill('涉及产权纠纷，需等待街道协调');
  await shot(page, 'task-hang-up-sheet');
  await sheet.getByRole('button', { name: '提交挂账申请' }).click();
  await expect(sheet).toBeHidden();

  // While it waits the handler may still feed back; other requests wait, said in words for the handler.
  await expect(page.getByText('挂账申请已提交，等待审批')).toBeVisible();
  await expect(page.getByText('案件有待审批的挂账申请，审批后才能申请延期')).toBeVisible();
  await expect(page.getByRole('button', { name: '申请延期' })).toBeDisabled();
  await expect(page.getByText('请先审批')).toHaveCount(0);
  await shot(page, 'task-hang-up-pending');

  // The problem got solved meanwhile: feeding back withdraws the waiting request.
  await page.getByLabel('处置说明').fill('协调后已清运垃圾');
  await page.getByLabel('拍照').setInputFiles(photo('after.png'));
  await page.getByRole('button', { name: '提交处置反馈' }).click();
  await expect(page).toHaveURL(BACK_ON_LIST);
  const fed = await trpcQuery<Detail>(page.request, 'cases.byId', { id: created.id });
  expect([fed.case.status, fed.case.pendingKind]).toEqual(['fed_back', null]);
  expect(fed.timeline.at(-1)).toMatchObject({ action: 'feedBack', detail: { withdrawn: '挂账申请' } });

  // The shift lead sends it back; a leader urges and supervises.
  await actOnCase(created.shiftLead.api, created.id, 'rework', { reason: '绿化带内仍有残留垃圾袋' });
  await actOnCase(created.dispatcher.api, created.id, 'remind', { reason: '群众再次来电，请今日处理' });
  await actOnCase(created.dispatcher.api, created.id, 'supervise', { reason: '列入本周督办事项' });
  await Promise.all([created.shiftLead.api.dispose(), created.dispatcher.api.dispose()]);

  // The list opens on a tab that holds work, with the notice of what happened and why.
  await page.goto('/m/tasks');
  const tabs = page.getByRole('radiogroup', { name: '任务类型' });
  const chosen = tabs.getByRole('radio', { checked: true });
  await expect(chosen).not.toHaveAccessibleName(/（0）/);
  const notice = page.getByRole('region', { name: '新提醒' });
  await expect(notice.getByText('绿化带内仍有残留垃圾袋')).toBeVisible();
  await expect(notice.getByText(created.caseNo).first()).toBeVisible();
  await shot(page, 'tasks-notice');

  // The card in 处置中 names the rework, urging and supervision with their reasons, not just 按时.
  await page.goto('/m/tasks?queue=handling');
  const card = page.getByRole('list', { name: '处置中列表' }).getByRole('link').filter({ hasText: created.caseNo });
  await expect(card.getByText('返工', { exact: true }).first()).toBeVisible();
  await expect(card.getByText('绿化带内仍有残留垃圾袋')).toBeVisible();
  await expect(card.getByText('列入本周督办事项')).toBeVisible();
  await expect(card.getByText('群众再次来电，请今日处理')).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'tasks-handling-card');

  // The detail says the same, and the countdown shows its clock deadline.
  await card.click();
  const attention = page.getByRole('list', { name: '返工督办催办' });
  await expect(attention.getByText('绿化带内仍有残留垃圾袋')).toBeVisible();
  await expect(attention.getByText('列入本周督办事项')).toBeVisible();
  await expect(page.getByTestId('case-clock')).toContainText('截止');
  await shot(page, 'task-detail-rework');

  // 知道了 clears the notice on this phone.
  await page.goto('/m/tasks');
  await page.getByRole('region', { name: '新提醒' }).getByRole('button', { name: '知道了' }).click();
  await expect(page.getByRole('region', { name: '新提醒' })).toHaveCount(0);
});

test('a hung-up case shows its clock paused, not a deadline', async ({ page, context, baseURL }) => {
  const created = await handlingCase(baseURL ?? '', '路灯杆倾斜，需要产权单位确认');
  await phoneLogin(page, context, 'linjiang.dept_handler');
  await page.goto(`/m/tasks/${created.id}`);
  await expect(page.getByTestId('case-clock')).toContainText('截止');
  await page.getByRole('button', { name: '申请挂账' }).click();
  const sheet = page.getByRole('dialog', { name: '申请挂账' });
  await sheet.getByLabel('挂账理由').fill('产权单位尚未确认，暂无法施工');
  await sheet.getByRole('button', { name: '提交挂账申请' }).click();
  await expect(sheet).toBeHidden();
  await actOnCase(created.shiftLead.api, created.id, 'approveHangUp');
  await Promise.all([created.shiftLead.api.dispose(), created.dispatcher.api.dispose()]);

  await page.reload();
  const clock = page.getByTestId('case-clock');
  await expect(clock).toContainText('已挂账，计时暂停');
  await expect(clock).not.toContainText('截止');
  await shot(page, 'task-hung-up');
});

test.describe('the citizen page 随手拍', () => {
  test('names the picked place and sends photos with the report', async ({ page, context, baseURL }) => {
    const acceptor = await apiAs(baseURL ?? '', 'linjiang.acceptor');
    const centre = await homeCentre(acceptor.api);
    // Away from the spots the other phone tests report at, so nothing merges.
    await context.setGeolocation({
      longitude: centre.longitude - 0.002,
      latitude: centre.latitude - 0.0015,
      accuracy: 20,
    });
    await page.goto('/public/report');
    await page.getByRole('button', { name: /^问题类型：/ }).click();
    await page.getByRole('textbox', { name: '搜索问题类型' }).fill('垃圾');
    await page
      .getByRole('list', { name: '搜索结果' })
      .getByRole('button', { name: /^暴露垃圾/ })
      .click();
    await page.getByRole('textbox', { name: '问题描述' }).fill('公交站旁边的绿化带里有人倒了几袋装修垃圾');
    await page.getByRole('button', { name: '定位到我的位置' }).click();
    // A place name from our streets and communities, not raw coordinates.
    const place = page.getByTestId('place-name');
    await expect(place).toHaveText(/^临江区.+街道.+社区附近$/);
    await expect(page.getByRole('status').filter({ hasText: '已选位置' })).not.toContainText(/\d+\.\d{4,}/);
    await page.getByLabel('添加现场照片').setInputFiles([photo('bags.png'), photo('kerb.png')]);
    await expect(page.getByRole('img', { name: '第 2 张照片' })).toBeVisible();
    await shot(page, 'public-report-photos');
    await page.getByRole('button', { name: '提交反映' }).click();
    const code = (await page.getByTestId('tracking-code').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const token = await page.request.get(`/open311/v2/tokens/${code}.json`);
    const caseNo = ((await token.json()) as { service_request_id: string }[])[0]?.service_request_id ?? '';
    const found = await trpcQuery<{ rows: { id: number; caseNo: string }[] }>(acceptor.api, 'cases.list', {
      q: caseNo,
    });
    const id = found.rows.find((r) => r.caseNo === caseNo)?.id ?? 0;
    const detail = await trpcQuery<{ attachments: { purpose: string }[] }>(acceptor.api, 'cases.byId', { id });
    expect(detail.attachments.map((a) => a.purpose)).toEqual(['report', 'report']);
    await acceptor.api.dispose();
  });
});
