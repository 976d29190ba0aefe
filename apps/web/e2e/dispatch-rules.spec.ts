import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { SAME_ORIGIN_HEADERS, shootIfAsked } from './api';
import { login, pickLeadDepartment } from './helpers';

/**
 * 派遣规则 end to end: the city administrator previews where a 施工扰民 case in 临江区
 * would go (nowhere yet), creates an automatic rule from that preview, and sees the
 * preview name it. Then a case of that category is reported there, accepted and filed
 * by the shift lead at the desk, and is dispatched with no dispatcher step: the detail
 * shows 已派遣 and the timeline's 自动派遣 row names the rule.
 */
test.setTimeout(180_000);

const RULE = `临江施工扰民自动派遣 ${Date.now().toString(36)}`;
const LEAD = '临江区综合行政执法局';
const DESCRIPTION = `工地夜间施工噪音扰民，居民多次投诉（派遣规则 ${Date.now().toString(36)}）`;

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await login(page, username);
  return page;
}

/** Opens a Select / TreeSelect inside `scope` by its label and picks an option by its title. */
async function pick(page: Page, scope: Locator, label: string, option: string) {
  const field = scope.getByLabel(label, { exact: true });
  // An inner `has` locator is matched inside each candidate, so it starts from the page.
  const select = scope.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    await field.click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):visible').last();
    await dropdown.getByTitle(option, { exact: true }).first().click({ timeout: 3_000 });
    await expect(select).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

async function trpc<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/trpc/${path}`, { data: { json: input }, headers: SAME_ORIGIN_HEADERS });
  const body = await res.json();
  if (!res.ok()) throw new Error(`${path}: ${JSON.stringify(body.error?.json?.message ?? body)}`);
  return body.result.data.json as T;
}

/** On the desk: one action through its dialog, as the shift lead would. */
async function deskAct(page: Page, caseId: number, label: string, opinion: string) {
  await page.goto(`/desk/cases/${caseId}`);
  await page.getByRole('toolbar', { name: '案件操作' }).getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${label} · 案件`) });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('意见').fill(opinion);
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText(`${label}成功`)).toBeVisible();
}

test('an automatic rule dispatches a new case with no human step and the timeline names the rule', async ({
  browser,
}) => {
  // The administrator previews the category and place: no rule yet.
  const admin = await signedIn(browser, 'admin');
  await admin.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '派遣规则' }).click();
  await expect(admin.getByRole('heading', { name: '派遣规则' })).toBeVisible();
  const preview = admin.getByRole('region', { name: '规则预览' });
  await pick(admin, preview, '部件/事件', '事件');
  await pick(admin, preview, '大类', '08 施工管理类');
  await pick(admin, preview, '小类', '08001 施工扰民');
  await pick(admin, preview, '区域', '临江区');
  const outcome = preview.getByRole('status', { name: '派遣去向' });
  await expect(outcome).toContainText('没有匹配的派遣规则，将由派遣员人工派遣');

  // A rule from the preview's conditions: automatic, to the district's enforcement bureau.
  await preview.getByRole('button', { name: '按此条件新建规则' }).click();
  const dialog = admin.getByRole('dialog', { name: '新增派遣规则' });
  await expect(dialog).toBeVisible();
  const selected = (label: string) => dialog.locator('.ant-select').filter({ has: admin.getByLabel(label) });
  await expect(selected('小类')).toContainText('施工扰民');
  await expect(selected('区域')).toContainText('临江区');
  // Saving without a name or lead department is refused beside the fields; nothing is lost.
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('规则名称为 2–40 个字')).toBeVisible();
  await expect(dialog.getByText('请选择主办部门')).toBeVisible();
  await dialog.getByLabel('规则名称').fill(RULE);
  await pickLeadDepartment(admin, dialog, LEAD);
  await dialog.getByLabel('自动派遣').click();
  await expect(dialog.getByLabel('自动派遣')).toBeChecked();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(admin.getByText(`已保存规则「${RULE}」`)).toBeVisible();
  await expect(dialog).toBeHidden();

  await expect(outcome).toContainText(`该区域此类案件将派往：${LEAD}（主办） · 规则「${RULE}」 · 自动派遣`);
  const row = admin.getByRole('row').filter({ hasText: RULE });
  await expect(row).toContainText('事件 · 施工管理类 · 施工扰民');
  await shootIfAsked(admin, 'dispatch-rules-desk');
  await expect(row).toContainText('自动派遣');
  await expect(row.getByRole('switch', { name: `启用「${RULE}」` })).toBeChecked();

  // A 施工扰民 case is reported in 临江区 (hotline, over the API as the acceptor's screen would).
  const acceptor = await signedIn(browser, 'linjiang.acceptor');
  const home = await acceptor.request.get('/trpc/geo.home');
  const [lng, lat] = ((await home.json()).result.data.json as { center: [number, number] }).center;
  const created = await trpc<{ id: number; caseNo: string }>(acceptor, 'cases.report', {
    source: 'hotline',
    kind: 'event',
    categoryCode: '08001',
    description: DESCRIPTION,
    lng,
    lat,
  });

  // The shift lead accepts and files it at the desk; nobody dispatches it.
  const shiftLead = await signedIn(browser, 'linjiang.shift_lead');
  await deskAct(shiftLead, created.id, '受理', '信息完整，予以受理');
  await deskAct(shiftLead, created.id, '立案', '符合立案条件');

  await shiftLead.goto(`/desk/cases/${created.id}`);
  await expect(shiftLead.getByRole('heading', { name: `案件 ${created.caseNo}` })).toBeVisible();
  await expect(shiftLead.locator('.ant-tag', { hasText: /^已派遣$/ })).toBeVisible();
  const timeline = shiftLead.getByRole('region', { name: '流转记录' });
  await expect(timeline.getByText('自动派遣', { exact: true })).toBeVisible();
  await expect(timeline.getByText('系统（自动派遣）')).toBeVisible();
  await expect(timeline.getByText(`按派遣规则「${RULE}」自动派遣`)).toBeVisible();
  await expect(timeline.getByText(`主办部门：${LEAD}`)).toBeVisible();

  const detail = await shiftLead.request.get(
    `/trpc/cases.byId?input=${encodeURIComponent(JSON.stringify({ json: { id: created.id } }))}`,
  );
  const events = (await detail.json()).result.data.json.timeline as { label: string }[];
  expect(events.map((e) => e.label)).toEqual(['上报', '受理', '立案', '自动派遣']);

  for (const page of [admin, acceptor, shiftLead]) await page.context().close();
});
