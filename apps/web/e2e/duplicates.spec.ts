import { expect, test } from '@playwright/test';
import { type Api, apiAs, shootIfAsked, trpcMutation, trpcQuery } from './api';
import { login } from './helpers';
import { photo } from './photos';

// 疑似重复 and 并案 at the shift lead's desk: two near-identical reports (the second said to
// be a different problem, so 智能判重 flags the pair instead of merging it), compared side
// by side and merged; and 并案 from a case's detail page with the lead looked up by number.
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1920, height: 1080 } });

interface Reported {
  id: number;
  caseNo: string;
}

async function trpc<T>(api: Api, path: string, input: unknown, method: 'query' | 'mutation'): Promise<T> {
  return method === 'mutation' ? trpcMutation<T>(api, path, input) : trpcQuery<T>(api, path, input);
}

async function signedIn(baseURL: string, username: string): Promise<Api> {
  return (await apiAs(baseURL, username)).api;
}

async function upload(api: Api, name: string): Promise<number> {
  const res = await api.post('/api/attachments', { multipart: { purpose: 'report', file: photo(name) } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** Two reports of one problem at a spot of their own in 临江区 (away from the other tests' cases). */
async function reportPair(baseURL: string, categoryCode: string, texts: [string, string], photos = false) {
  const acceptor = await signedIn(baseURL, 'linjiang.acceptor');
  const home = await trpc<{ center: [number, number] }>(acceptor, 'geo.home', undefined, 'query');
  const spot = { lng: home.center[0] + 0.004, lat: home.center[1] - 0.003 };
  const base = { source: 'hotline', kind: 'event', categoryCode, ...spot };
  const first = await trpc<Reported>(
    acceptor,
    'cases.report',
    { ...base, description: texts[0], attachmentIds: photos ? [await upload(acceptor, 'first.png')] : [] },
    'mutation',
  );
  const second = await trpc<Reported>(
    acceptor,
    'cases.report',
    {
      ...base,
      description: texts[1],
      attachmentIds: photos ? [await upload(acceptor, 'second.png')] : [],
      // The reporter said it is a different problem: flagged for the shift lead, not merged.
      confirmedDistinct: true,
    },
    'mutation',
  );
  await acceptor.dispose();
  return { first, second };
}

test('a shift lead compares a suspected duplicate side by side and merges it', async ({ page, baseURL }) => {
  const { first, second } = await reportPair(
    baseURL ?? '',
    '03001',
    ['江滨公园东门公共厕所无人保洁，异味很大', '江滨公园东门公厕很脏，没人打扫'],
    true,
  );

  await login(page, 'linjiang.shift_lead');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '疑似重复' }).click();
  await expect(page).toHaveURL(/\/desk\/duplicates/);
  await expect(page.getByRole('heading', { name: '疑似重复' })).toBeVisible();
  const list = page.getByRole('list', { name: '疑似重复列表' });
  const item = list.getByRole('button', { name: `疑似重复 ${first.caseNo} 与 ${second.caseNo}` });
  await item.click();
  await expect(item).toHaveAttribute('aria-current', 'true');

  // Side by side: the earlier case left, the newer report right, each with its photo; one map.
  const left = page.getByRole('region', { name: `左侧案件 ${first.caseNo}` });
  const right = page.getByRole('region', { name: `右侧案件 ${second.caseNo}` });
  await expect(left).toContainText('江滨公园东门公共厕所无人保洁，异味很大');
  await expect(right).toContainText('江滨公园东门公厕很脏，没人打扫');
  await expect(left).toContainText('公共厕所异常');
  await expect(left.getByRole('img', { name: '左侧案件照片 1' })).toBeVisible();
  await expect(right.getByRole('img', { name: '右侧案件照片 1' })).toBeVisible();
  await expect(page.getByRole('region', { name: '两案位置对比地图' })).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('pair-distance')).toContainText('两处相距 约 0 米');
  await expect(page.getByText(/相似度 \d+%/).first()).toBeVisible();
  // Both reports carry the same photo: the pHashes match, and the comparison says so.
  await expect(page.getByText('照片相似', { exact: true })).toBeVisible();
  await shootIfAsked(page, 'duplicates-desk');

  await page.getByRole('toolbar', { name: '判重操作' }).getByRole('button', { name: '以左侧为主案件并案' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '以左侧为主案件并案？' });
  await expect(confirm).toContainText(`案件 ${second.caseNo} 将并入主案件 ${first.caseNo}`);
  await confirm.getByRole('button', { name: '确认并案' }).click();
  await expect(page.getByText(`已将案件 ${second.caseNo} 并入 ${first.caseNo}`)).toBeVisible();
  await expect(item).toHaveCount(0);

  // The merged case says where it went; the lead's timeline names the case it took in.
  await page.goto(`/desk/cases/${second.id}`);
  await expect(page.getByRole('heading', { name: `案件 ${second.caseNo}` })).toBeVisible();
  const joined = page.getByRole('status').filter({ hasText: '本案已并入' });
  await expect(joined).toContainText(`本案已并入 ${first.caseNo}`);
  const timeline = page.getByRole('region', { name: '流转记录' });
  await expect(timeline).toContainText('并案');
  await expect(timeline).toContainText(`并入案件：${first.caseNo}`);

  await joined.getByRole('link', { name: first.caseNo }).click();
  await expect(page.getByRole('heading', { name: `案件 ${first.caseNo}` })).toBeVisible();
  await expect(page.getByRole('region', { name: '并入的案件' })).toContainText(second.caseNo);
  const leadTimeline = page.getByRole('region', { name: '流转记录' });
  await expect(leadTimeline).toContainText('并入案件');
  await expect(leadTimeline).toContainText(`并入的案件：${second.caseNo}`);
});

test('并案 from a case’s detail page looks the lead up by number before confirming', async ({ page, baseURL }) => {
  const { first, second } = await reportPair(baseURL ?? '', '07001', [
    '江滨公园东门电线杆上贴满非法小广告',
    '江滨公园东门电线杆小广告很多',
  ]);
  await login(page, 'linjiang.shift_lead');
  await page.goto(`/desk/cases/${second.id}`);
  await page.getByRole('toolbar', { name: '案件操作' }).getByRole('button', { name: '并案', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `并案 · 案件 ${second.caseNo}` });
  await expect(dialog).toBeVisible();

  // Submitting without a looked-up lead is refused in the form.
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(dialog.getByText('请输入主案件编号并点「查询」，确认主案件后再提交')).toBeVisible();
  await dialog.getByLabel('主案件编号').fill(second.caseNo);
  await dialog.getByRole('button', { name: '查询' }).click();
  await expect(dialog.getByText('不能与自身并案')).toBeVisible();

  await dialog.getByLabel('主案件编号').fill(first.caseNo);
  await dialog.getByRole('button', { name: '查询' }).click();
  const lead = dialog.getByText(`主案件 ${first.caseNo}`);
  await expect(lead).toBeVisible();
  await expect(dialog).toContainText('江滨公园东门电线杆上贴满非法小广告');
  await expect(dialog).toContainText('与本案相距约 0 米');
  await dialog.getByLabel('意见').fill('同一根电线杆');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('并案成功')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '本案已并入' })).toContainText(first.caseNo);

  // The pair the two made is settled: it is no longer waiting in 疑似重复.
  await page.goto('/desk/duplicates');
  await expect(page.getByRole('heading', { name: '疑似重复' })).toBeVisible();
  await expect(page.getByRole('button', { name: `疑似重复 ${first.caseNo} 与 ${second.caseNo}` })).toHaveCount(0);
});

test('the city administrator sets the thresholds; a district administrator only reads them', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '判重设置' }).click();
  await expect(page.getByRole('heading', { name: '判重设置' })).toBeVisible();
  const merge = page.getByRole('spinbutton', { name: '自动并案阈值', exact: true });
  await expect(merge).toHaveValue('84.0');
  await merge.fill('92');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('判重阈值已保存，新的上报即按此判定')).toBeVisible();
  await shootIfAsked(page, 'duplicate-settings-desk');

  await page.context().clearCookies();
  await login(page, 'linjiang.admin');
  await page.goto('/admin/duplicate-settings');
  await expect(page.getByText('判重阈值为全市统一设置，仅市级系统管理员可以修改；此处仅供查看')).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: '自动并案阈值', exact: true })).toHaveValue('92.0');
  await expect(page.getByRole('button', { name: '保存' })).toBeDisabled();

  // Back to the shipped values for whoever runs next.
  await page.context().clearCookies();
  await login(page, 'admin');
  await page.goto('/admin/duplicate-settings');
  await page.getByRole('button', { name: /恢复默认值/ }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('判重阈值已保存，新的上报即按此判定')).toBeVisible();
});
