import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { type Api, actOnCase, apiAs, shootIfAsked, trpcMutation, trpcQuery } from './api';
import { login, logout } from './helpers';
import { makePng } from './photos';

// 交叉抽查: a month's plan for 临江区, a supervisor of another county reviews a sample on the
// 1920×1080 desk and marks it 不合格, and 临江区's statistics and evaluation change.

test.use({ viewport: { width: 1920, height: 1080 } });
const RUN = Date.now().toString(36);

/** A spot in 临江区's 望江街道 whose grid has a collector (派发核查 needs one). */
function pointInWangjiang(): [number, number] {
  const file = join(import.meta.dirname, '../public/basemap/streets.geojson');
  const streets = JSON.parse(readFileSync(file, 'utf8')) as {
    features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[];
  };
  const ring = streets.features.find((f) => f.properties.name === '望江街道')?.geometry.coordinates[0] ?? [];
  const average = (i: number) => ring.reduce((sum, p) => sum + (p[i] ?? 0), 0) / ring.length;
  return [average(0) + 0.0035, average(1) - 0.0035];
}

async function signedIn(baseURL: string, username: string): Promise<Api> {
  return (await apiAs(baseURL, username)).api;
}

async function upload(api: Api, purpose: string, name: string, width: number, height: number): Promise<number> {
  const res = await api.post('/api/attachments', {
    multipart: { purpose, file: { name, mimeType: 'image/png', buffer: makePng(width, height) } },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** A 临江区 case taken from the collector's report through handling and check to 结案, with photos of each step. */
async function closedCase(baseURL: string, description: string, offset: number) {
  const collector = await signedIn(baseURL, 'linjiang.collector');
  const acceptor = await signedIn(baseURL, 'linjiang.acceptor');
  const shiftLead = await signedIn(baseURL, 'linjiang.shift_lead');
  const dispatcher = await signedIn(baseURL, 'linjiang.dispatcher');
  const handler = await signedIn(baseURL, 'linjiang.dept_handler');
  const [lng, lat] = pointInWangjiang();
  const created = await trpcMutation<{ id: number; caseNo: string }>(collector, 'cases.report', {
    source: 'collector',
    kind: 'event',
    categoryCode: '06001',
    description: `${description}（${RUN}）`,
    lng: lng + offset * 0.0002,
    lat,
    confirmedDistinct: true,
    attachmentIds: [await upload(collector, 'report', 'report.png', 320, 240)],
  });
  await actOnCase(acceptor, created.id, 'accept');
  await actOnCase(shiftLead, created.id, 'file');
  const targets = await trpcQuery<{ id: number; name: string }[]>(dispatcher, 'cases.dispatchTargets');
  const municipal = targets.find((d) => d.name === '临江区市政管理所')?.id;
  await actOnCase(dispatcher, created.id, 'dispatch', { leadDepartmentId: municipal });
  await actOnCase(handler, created.id, 'takeUp');
  await actOnCase(handler, created.id, 'feedBack', {
    reason: '已清理完毕',
    attachmentIds: [await upload(handler, 'feedback', 'fixed.png', 320, 240)],
  });
  await actOnCase(acceptor, created.id, 'requestCheck');
  await actOnCase(collector, created.id, 'submitCheck', {
    confirmed: true,
    reason: '现场已恢复',
    attachmentIds: [await upload(collector, 'check', 'checked.png', 320, 240)],
  });
  await actOnCase(shiftLead, created.id, 'close');
  return created;
}

interface SampleRow {
  id: number;
  caseNo: string;
  districtName: string;
  verdict: string | null;
}
interface AreaRow {
  name: string;
  total: number;
  deduction: number;
}

test('a supervisor of another county reviews a sample; the county statistics and evaluation change', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const base = baseURL ?? '';
  for (let i = 0; i < 3; i++) await closedCase(base, `滨江路人行道堆放建筑垃圾第${i + 1}处`, i);

  // The city supervisor draws 临江区's month: 2 cases, seeded, for supervisors of other counties.
  const city = await signedIn(base, 'supervisor');
  const { counties } = await trpcQuery<{ counties: { id: number; name: string }[] }>(city, 'crossCheck.plans', {
    month: currentMonth(),
  });
  const linjiang = counties.find((c) => c.name === '临江区');
  const plan = await trpcMutation<{ size: number; seed: string }>(city, 'crossCheck.createPlan', {
    districtId: linjiang?.id,
    month: currentMonth(),
    mode: 'count',
    amount: 2,
  });
  expect(plan.size).toBe(2);

  // Whose queue holds a 临江区 sample? Never 临江区's own supervisor.
  const own = await signedIn(base, 'linjiang.supervisor');
  expect(await trpcQuery<SampleRow[]>(own, 'crossCheck.samples', { filter: 'mine', status: 'all' })).toEqual([]);
  let reviewer = '';
  let sample: SampleRow | undefined;
  for (const username of ['yunshan.supervisor', 'hubin.supervisor', 'xingang.supervisor']) {
    const api = await signedIn(base, username);
    const mine = await trpcQuery<SampleRow[]>(api, 'crossCheck.samples', { filter: 'mine', status: 'open' });
    sample = mine.find((s) => s.districtName === '临江区');
    if (sample) {
      reviewer = username;
      break;
    }
  }
  if (!sample) throw new Error('no 临江区 sample assigned to another county');

  const evaluationOf = async () =>
    (
      await trpcQuery<{ rows: AreaRow[] }>(city, 'evaluation.view', {
        period: { kind: 'month', year: Number(currentMonth().slice(0, 4)), month: Number(currentMonth().slice(5)) },
        subjectKind: 'area',
        areaLevel: 'district',
      })
    ).rows.find((r) => r.name === '临江区');
  const before = await evaluationOf();
  expect(before?.deduction).toBe(0);

  // The reviewer's desk: the queue, then the whole case side by side.
  await login(page, reviewer);
  await page.goto('/supervision/cross-check');
  await expect(page.getByRole('heading', { name: '交叉抽查' })).toBeVisible();
  const link = page.getByRole('link', { name: `评审 ${sample.caseNo}` });
  await expect(link).toBeVisible();
  await shootIfAsked(page, 'cross-check-queue-desk');
  await link.click();
  await expect(page.getByRole('heading', { name: `抽查评审 · ${sample.caseNo}` })).toBeVisible();
  await expect(page.getByRole('img', { name: '上报照片 1' })).toBeVisible();
  await expect(page.getByRole('img', { name: '处置照片 1' })).toBeVisible();
  await expect(page.getByRole('img', { name: '核查照片 1' })).toBeVisible();
  await expect(page.getByText('结案', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: '案件位置地图' }).or(page.getByLabel('案件位置地图'))).toBeVisible();

  // 不合格 needs a reason and a note.
  await page
    .locator('label')
    .filter({ hasText: /^不合格$/ })
    .click();
  await expect(page.getByRole('radio', { name: '不合格' })).toBeChecked();
  await page.getByRole('button', { name: '提交评审' }).click();
  await expect(page.getByText('请选择不合格原因')).toBeVisible();
  await page.getByRole('checkbox', { name: '未处置即结案' }).check();
  await page.getByRole('checkbox', { name: '照片摆拍或重复使用' }).check();
  await page.getByLabel('评审说明').fill('现场仍堆放建筑垃圾，处置照片与核查照片为同一角度摆拍');
  await expect(page.getByText('不合格处理：计入考核扣分，每件扣 2 分')).toBeVisible();
  await shootIfAsked(page, 'cross-check-review-desk');
  await page.getByRole('button', { name: '提交评审' }).click();
  await expect(page.getByText('已评审：不合格（已计入考核）')).toBeVisible();
  await expect(page.getByText('已计入考核', { exact: true })).toBeVisible();
  await expect(page.getByText('抽查不合格').first()).toBeVisible();

  // Into the library as 错误案例.
  await page
    .locator('label')
    .filter({ hasText: /^错误案例$/ })
    .click();
  await page.getByLabel('案例说明').fill('未处置即结案');
  await page.getByRole('button', { name: '保存标记' }).click();
  await expect(page.getByText('已加入案例库')).toBeVisible();
  await shootIfAsked(page, 'cross-check-reviewed-desk');

  // The city supervisor sees 临江区's statistics and evaluation changed.
  await logout(page);
  await login(page, 'supervisor');
  await page.goto('/supervision/cross-check?tab=statistics');
  const county = page.getByRole('table', { name: '按区县统计' }).getByRole('row', { name: /临江区/ });
  await expect(county).toContainText('2');
  await expect(county.getByRole('cell', { name: '0.0%' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: '按不合格原因统计' }).getByRole('row', { name: /未处置即结案 1/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: '按部门统计' }).getByRole('row', { name: /临江区市政管理所/ }),
  ).toBeVisible();
  await shootIfAsked(page, 'cross-check-statistics-desk');

  // The plan: its seed, sample size and progress, strata behind the row.
  await page.goto('/supervision/cross-check?tab=plans');
  const planRow = page.getByRole('table', { name: '抽查计划' }).getByRole('row', { name: /临江区/ });
  await expect(planRow).toContainText(plan.seed);
  await expect(planRow).toContainText('2 件');
  await shootIfAsked(page, 'cross-check-plans-desk');
  await page.goto('/supervision/cross-check?tab=settings');
  await expect(page.getByLabel('原因名称 3')).toHaveValue('未处置即结案');
  await shootIfAsked(page, 'cross-check-settings-desk');

  await page.goto('/supervision/cross-check?tab=library');
  // By case number: in a full run other specs' closed 临江区 cases are in the draw too, so the sample may not be ours.
  await page.getByLabel('搜索案例库').fill(sample.caseNo);
  await page.getByLabel('搜索案例库').press('Enter');
  await expect(page.getByRole('link', { name: `查看 ${sample.caseNo}` })).toBeVisible();
  await shootIfAsked(page, 'cross-check-library-desk');

  const after = await evaluationOf();
  expect(after?.deduction).toBe(2);
  expect(after?.total).toBeCloseTo((before?.total ?? 0) - 2, 1);
  await page.goto('/supervision/evaluation');
  const row = page.getByRole('table').getByRole('row', { name: /临江区/ });
  await expect(row).toContainText('−2');
  await expect(row).toContainText(String(after?.total));
  await shootIfAsked(page, 'cross-check-evaluation-desk');
});

function currentMonth(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(
    new Date(),
  );
}
