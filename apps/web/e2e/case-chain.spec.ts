import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import { login, pickLeadDepartment } from './helpers';
import { photo } from './photos';

/**
 * One case through the whole national workflow, every step by the role that owns it,
 * signed in through the login form: the collector on a phone, the command centre at desks,
 * the department handler on a phone. Includes one extension and one rework loop, and ends
 * by reading the timeline on the desk.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESK = { viewport: { width: 1920, height: 1080 } };
const DESCRIPTION = `石桥小区3号楼东侧人行道堆放建筑垃圾，影响通行（全流程 ${Date.now().toString(36)}）`;

async function signedIn(browser: Browser, username: string, options: Parameters<Browser['newContext']>[0]) {
  const context: BrowserContext = await browser.newContext({ ...options, permissions: ['geolocation'] });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

/** On the desk: open the case, take one action through its dialog, and see it succeed. */
async function deskAct(
  page: Page,
  caseId: number,
  label: string,
  opinion?: string,
  fill?: (dialog: Locator) => Promise<void>,
) {
  await page.goto(`/desk/cases/${caseId}`);
  await page.getByRole('toolbar', { name: '案件操作' }).getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${label} · 案件`) });
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  if (opinion) await dialog.getByLabel('意见').fill(opinion);
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText(`${label}成功`)).toBeVisible();
}

/** On the phone: open the task and submit its form. */
async function phoneSubmit(
  page: Page,
  caseId: number,
  form: { verdict?: string; reasonLabel: string; reason: string; photoName?: string; submit: string },
) {
  await page.goto(`/m/tasks/${caseId}`);
  await expect(page.getByRole('heading', { name: '任务详情' })).toBeVisible();
  if (form.verdict) await page.getByText(form.verdict, { exact: true }).click();
  await page.getByLabel(form.reasonLabel).fill(form.reason);
  if (form.photoName) await page.getByLabel('拍照').setInputFiles(photo(form.photoName));
  await page.getByRole('button', { name: form.submit }).click();
  await expect(page).toHaveURL(/\/m\/tasks(\?.*)?$/);
}

test('a case walks report → close with an extension and a rework loop, and the timeline tells it all', async ({
  browser,
}) => {
  // 上报: the collector on a phone, with GPS and a photo.
  const collector = await signedIn(browser, 'linjiang.collector', PHONE);
  const home = await collector.request.get('/trpc/geo.home');
  const [lng, lat] = ((await home.json()).result.data.json as { center: [number, number] }).center;
  await collector.context().setGeolocation({ longitude: lng, latitude: lat, accuracy: 10 });
  await collector.goto('/m/report');
  await collector.getByRole('button', { name: '定位', exact: true }).click();
  await expect(collector.getByText('所在网格：')).toBeVisible();
  await collector.getByLabel('拍照').setInputFiles(photo('report.png'));
  await collector.getByRole('button', { name: '请选择问题分类' }).click();
  await collector.getByLabel('搜索分类').fill('暴露垃圾');
  await collector
    .getByRole('list', { name: '事件分类列表' })
    .getByRole('button', { name: /暴露垃圾/ })
    .click();
  await collector.getByLabel('问题描述').fill(DESCRIPTION);
  await collector.getByRole('button', { name: '提交上报' }).click();
  await expect(collector.getByText('上报成功')).toBeVisible();
  const caseNo = ((await collector.getByTestId('case-no').textContent()) ?? '').trim();
  const mine = await collector.request.get(
    `/trpc/cases.mine?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
  );
  const rows = (await mine.json()).result.data.json.rows as { id: number; caseNo: string }[];
  const caseId = rows.find((r) => r.caseNo === caseNo)?.id ?? 0;
  expect(caseId).toBeGreaterThan(0);

  // 受理 and 派发核实 at the acceptor's desk; 核实 by the collector on the phone.
  const acceptor = await signedIn(browser, 'linjiang.acceptor', DESK);
  await deskAct(acceptor, caseId, '受理', '信息完整，予以受理');
  await deskAct(acceptor, caseId, '派发核实');
  await phoneSubmit(collector, caseId, {
    verdict: '属实',
    reasonLabel: '核实意见',
    reason: '现场确有建筑垃圾约两立方米',
    photoName: 'verify.png',
    submit: '提交核实',
  });

  // 立案 by the shift lead; 派遣 to the district's municipal office by the dispatcher.
  const shiftLead = await signedIn(browser, 'linjiang.shift_lead', DESK);
  await deskAct(shiftLead, caseId, '立案', '符合立案条件');
  const dispatcher = await signedIn(browser, 'linjiang.dispatcher', DESK);
  await deskAct(dispatcher, caseId, '派遣', '请两日内清运', (dialog) =>
    pickLeadDepartment(dispatcher, dialog, '临江区市政管理所'),
  );

  // 签收 and 申请延期 by the handler on a phone; 同意延期 by the dispatcher.
  const handler = await signedIn(browser, 'linjiang.dept_handler', PHONE);
  await handler.goto(`/m/tasks/${caseId}`);
  await handler.getByRole('button', { name: '签收' }).click();
  await expect(handler.getByText('处置说明')).toBeVisible();
  await handler.getByRole('button', { name: '申请延期' }).click();
  const sheet = handler.getByRole('dialog', { name: '申请延期' });
  await sheet.getByLabel('延期时长').fill('2');
  await sheet.getByLabel('延期理由').fill('需协调渣土车辆');
  await sheet.getByRole('button', { name: '提交延期申请' }).click();
  await expect(sheet).toBeHidden();
  await deskAct(dispatcher, caseId, '同意延期');

  // 处置反馈 with a photo; 派发核查; the check fails; 返工; feed back again; the check passes.
  const feedBack = (reason: string, name: string) =>
    phoneSubmit(handler, caseId, { reasonLabel: '处置说明', reason, photoName: name, submit: '提交处置反馈' });
  await feedBack('已清运大部分建筑垃圾', 'after-1.png');
  await deskAct(acceptor, caseId, '派发核查');
  await phoneSubmit(collector, caseId, {
    verdict: '不通过',
    reasonLabel: '核查意见',
    reason: '仍有少量碎砖未清理',
    photoName: 'check-1.png',
    submit: '提交核查',
  });
  await deskAct(shiftLead, caseId, '返工', '请彻底清理剩余碎砖');
  await feedBack('剩余碎砖已全部清运，路面已冲洗', 'after-2.png');
  await deskAct(acceptor, caseId, '派发核查');
  await phoneSubmit(collector, caseId, {
    verdict: '通过',
    reasonLabel: '核查意见',
    reason: '现场已恢复整洁',
    photoName: 'check-2.png',
    submit: '提交核查',
  });

  // 结案 by the shift lead, then the whole story on the timeline.
  await deskAct(shiftLead, caseId, '结案', '处置到位，予以结案');
  await shiftLead.goto(`/desk/cases/${caseId}`);
  await expect(shiftLead.locator('.ant-tag', { hasText: /^已结案$/ })).toBeVisible();
  const timeline = shiftLead.getByRole('region', { name: '流转记录' });
  const expected = [
    '上报',
    '受理',
    '派发核实',
    '提交核实',
    '立案',
    '派遣',
    '签收',
    '申请延期',
    '同意延期',
    '处置反馈',
    '派发核查',
    '提交核查',
    '返工',
    '处置反馈',
    '派发核查',
    '提交核查',
    '结案',
  ];
  const detail = await shiftLead.request.get(
    `/trpc/cases.byId?input=${encodeURIComponent(JSON.stringify({ json: { id: caseId } }))}`,
  );
  const events = (await detail.json()).result.data.json.timeline as { label: string; actorName: string }[];
  expect(events.map((e) => e.label)).toEqual(expected);
  for (const label of ['返工', '同意延期', '结案'])
    await expect(timeline.getByText(label, { exact: true }).first()).toBeVisible();
  await expect(timeline.getByText('请彻底清理剩余碎砖')).toBeVisible();
  await expect(timeline.getByText('仍有少量碎砖未清理')).toBeVisible();

  for (const page of [collector, acceptor, shiftLead, dispatcher, handler]) await page.context().close();
});
