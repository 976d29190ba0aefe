import { type Browser, expect, test } from '@playwright/test';
import { type Api, actOnCase, apiAs, reportOwnProblem, shootIfAsked, trpcQuery } from './api';
import { login, pickLeadDepartment } from './helpers';

/**
 * The dispatcher's tools: 派遣助手 in the dispatch dialog (rule suggestion, grid members,
 * similar closed cases, department records), 批量派遣 from 待派遣, and the department
 * passing a case to its sub-unit (二级派遣) on the phone. Cases are set up through tRPC.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

const DESK = { viewport: { width: 1920, height: 1080 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const RUN = Date.now().toString(36);
const shoot = shootIfAsked;
const act = actOnCase;

async function signedIn(baseURL: string, username: string): Promise<Api> {
  return (await apiAs(baseURL, username)).api;
}

interface Seeded {
  closed: { id: number; caseNo: string };
  single: { id: number; caseNo: string };
  batch: { id: number; caseNo: string }[];
  /** Dispatched with 临江区市政管理所 assisting (the handler's department). */
  assisted: { id: number; caseNo: string };
  gridMember: string;
}

/**
 * In the street chief's street: one case closed by 临江区市政管理所, and four filed ones of
 * the same category waiting in 待派遣.
 */
async function seed(baseURL: string): Promise<Seeded> {
  const acceptor = await signedIn(baseURL, 'linjiang.acceptor');
  const shiftLead = await signedIn(baseURL, 'linjiang.shift_lead');
  const dispatcher = await signedIn(baseURL, 'linjiang.dispatcher');
  const handler = await signedIn(baseURL, 'linjiang.dept_handler');
  const chief = await signedIn(baseURL, 'linjiang.street_chief');
  const home = await trpcQuery<{ center: [number, number] }>(chief, 'geo.home');
  const [lng, lat] = home.center;
  const filed = async (description: string) => {
    const created = await reportOwnProblem(acceptor, 'hotline', { lng, lat }, `${description}（${RUN}）`);
    await act(acceptor, created.id, 'accept');
    await act(shiftLead, created.id, 'file');
    return created;
  };
  const closed = await filed('江滨小区6幢住户在院内用彩钢瓦搭建棚屋');
  const municipal = await trpcQuery<{ id: number; name: string }[]>(dispatcher, 'cases.dispatchTargets');
  const municipalId = municipal.find((d) => d.name === '临江区市政管理所')?.id;
  await act(dispatcher, closed.id, 'dispatch', { leadDepartmentId: municipalId });
  await act(handler, closed.id, 'takeUp');
  await act(handler, closed.id, 'feedBack', { reason: '违建棚屋已拆除' });
  await act(shiftLead, closed.id, 'quickClose', { reason: '照片清晰，现场已恢复' });

  const single = await filed('江滨小区2幢一楼住户在院内用彩钢瓦围出一间棚屋');
  const batch = [
    await filed('江滨小区9幢楼下有人用彩钢瓦违规搭建简易棚'),
    await filed('江滨小区南门外彩钢瓦棚屋占用绿地'),
  ];
  const assisted = await filed('江滨小区东侧围墙外私搭彩钢瓦雨棚');
  const help = await trpcQuery<{ gridMembers: { displayName: string }[] }>(dispatcher, 'dispatchAssist.forCase', {
    caseId: single.id,
  });
  for (const api of [acceptor, shiftLead, dispatcher, handler, chief]) await api.dispose();
  return { closed, single, batch, assisted, gridMember: help.gridMembers[0]?.displayName ?? '' };
}

async function deskPage(browser: Browser, username: string) {
  const context = await browser.newContext(DESK);
  const page = await context.newPage();
  await login(page, username);
  return page;
}

let seeded: Seeded;
test.beforeAll(async ({ baseURL }) => {
  seeded = await seed(baseURL ?? '');
});

test('the dispatch dialog shows 派遣助手 and 采用 fills the departments', async ({ browser }) => {
  const page = await deskPage(browser, 'linjiang.dispatcher');
  await page.goto(`/desk/cases/${seeded.single.id}`);
  await page.getByRole('toolbar', { name: '案件操作' }).getByRole('button', { name: '派遣', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^派遣 · 案件/ });
  const assistant = dialog.getByRole('region', { name: '派遣助手' });
  await expect(assistant.getByText('规则建议')).toBeVisible();
  await expect(assistant.getByText('临江区市容环境')).toBeVisible();
  await expect(assistant.getByRole('radio', { name: new RegExp(seeded.gridMember) })).toBeVisible();
  const similar = assistant.locator('.ant-card').filter({ hasText: '相似案件' });
  await expect(similar.getByRole('row', { name: new RegExp(seeded.closed.caseNo) })).toContainText('临江区市政管理所');
  const records = assistant.locator('.ant-card').filter({ hasText: '部门处置情况' });
  await expect(records.getByRole('row', { name: /临江区市政管理所/ })).toContainText('100%');
  await shoot(page, 'dispatch-dialog-desk');

  await assistant.getByRole('button', { name: '采用' }).click();
  const lead = dialog.locator('.ant-form-item').filter({ hasText: '主办部门' }).first();
  await expect(lead).toContainText('临江区环卫所');
  await assistant.getByRole('radio', { name: new RegExp(seeded.gridMember) }).check();
  await dialog.getByLabel('意见').fill('按规则派遣');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('派遣成功')).toBeVisible();

  const departments = page.getByRole('region', { name: '承办部门' });
  await expect(departments).toContainText('主办');
  await expect(departments).toContainText('临江区环卫所');
  await expect(page.getByText(`网格责任人：${seeded.gridMember}`)).toBeVisible();
  await page.context().close();
});

test('the dispatcher batch-dispatches two cases from 待派遣', async ({ browser }) => {
  const page = await deskPage(browser, 'linjiang.dispatcher');
  await page.goto('/desk/cases?queue=toDispatch');
  const bar = page.getByRole('toolbar', { name: '批量派遣' });
  await expect(bar).toBeVisible();
  for (const c of seeded.batch) {
    await page
      .getByRole('row', { name: new RegExp(c.caseNo) })
      .getByRole('checkbox')
      .check();
  }
  await expect(page).toHaveURL(/\/desk\/cases\?queue=toDispatch$/);
  await bar.getByRole('button', { name: '批量派遣（2）' }).click();
  const dialog = page.getByRole('dialog', { name: '批量派遣 · 2 件案件' });
  await expect(dialog).toContainText(seeded.batch[0]?.caseNo ?? '');
  await pickLeadDepartment(page, dialog, '临江区市政管理所');
  await dialog.getByLabel('意见').fill('同类违建集中处置');
  await dialog.getByText('所选案件派给同一主办').click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await shoot(page, 'batch-dispatch-desk');
  await dialog.getByRole('button', { name: '派遣' }).click();
  await expect(page.getByText('已批量派遣 2 件案件')).toBeVisible();
  for (const c of seeded.batch) await expect(page.getByRole('row', { name: new RegExp(c.caseNo) })).toHaveCount(0);
  await expect(bar.getByRole('button', { name: '批量派遣（0）' })).toBeDisabled();
  await page.context().close();
});

interface StageClock {
  case: { stageDeadlineAt: string | null; leadDepartmentId: number | null };
}

test('the department passes a case to 第一养护班 on the phone; the deadline stays', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await login(page, 'linjiang.dept_handler');
  const target = seeded.batch[0];
  if (!target) throw new Error('no case');
  const before = await trpcQuery<StageClock>(page.request, 'cases.byId', { id: target.id });
  await page.goto(`/m/tasks/${target.id}`);
  await expect(page.getByRole('heading', { name: '任务详情' })).toBeVisible();
  await page.getByRole('button', { name: '二级派遣' }).click();
  const sheet = page.getByRole('dialog', { name: '二级派遣' });
  // A tap during the dropdown's opening animation can miss: retry until the field shows the unit.
  await expect(async () => {
    await sheet.getByLabel('下级单位').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText('第一养护班', { exact: true })
      .click({ timeout: 3_000 });
    await expect(sheet.locator('.ant-select')).toContainText('第一养护班', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await sheet.getByLabel(/派遣说明/).fill('请养护班今日处理');
  await shoot(page, 'sub-dispatch-phone');
  await sheet.getByRole('button', { name: '派给下级单位' }).click();
  await expect(page.getByText('临江区市政管理所／第一养护班（主办）')).toBeVisible();
  const after = await trpcQuery<StageClock>(page.request, 'cases.byId', { id: target.id });
  expect(after.case.leadDepartmentId).not.toBe(before.case.leadDepartmentId);
  expect(after.case.stageDeadlineAt).toBe(before.case.stageDeadlineAt);
  await context.close();
});

test('an assisting department sends 协办反馈 on the phone, and the desk shows it', async ({ browser, baseURL }) => {
  const dispatcher = await signedIn(baseURL ?? '', 'linjiang.dispatcher');
  const targets = await trpcQuery<{ id: number; name: string }[]>(dispatcher, 'cases.dispatchTargets');
  const idOf = (name: string) => targets.find((d) => d.name === name)?.id;
  await act(dispatcher, seeded.assisted.id, 'dispatch', {
    leadDepartmentId: idOf('临江区环卫所'),
    assistingDepartmentIds: [idOf('临江区市政管理所')],
  });
  await dispatcher.dispose();

  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await login(page, 'linjiang.dept_handler');
  await page.goto(`/m/tasks/${seeded.assisted.id}`);
  await expect(page.getByText('临江区市政管理所（协办·未反馈）')).toBeVisible();
  await expect(page.getByRole('button', { name: '签收' })).toHaveCount(0);
  await page.getByLabel('协办情况').fill('已配合清理棚屋周边堆物');
  await shoot(page, 'assist-feedback-phone');
  await page.getByRole('button', { name: '提交协办反馈' }).click();
  await expect(page.getByText('协办反馈已提交')).toBeVisible();
  await context.close();

  const desk = await deskPage(browser, 'linjiang.dispatcher');
  await desk.goto(`/desk/cases/${seeded.assisted.id}`);
  const departments = desk.getByRole('region', { name: '承办部门' });
  await expect(departments).toContainText('已反馈');
  await expect(departments).toContainText('已配合清理棚屋周边堆物');
  await shoot(desk, 'case-departments-desk');
  await desk.context().close();
});
