import { expect, type Page, test } from '@playwright/test';
import { apiAs, trpcMutation, trpcQuery } from './api';
import { login } from './helpers';

// 统计分析 and 综合查询 at the desk size: the leader opens the analysis, drills from a chart
// to its cases and on to the desk list; a phrase of a report finds it in the table and on the map.

const DESK = { viewport: { width: 1920, height: 1080 } };
const RUN = Date.now().toString(36);
const SHOTS = process.env.ANALYTICS_SHOTS_DIR;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function reportInLinjiang(baseURL: string, description: string, address: string) {
  const { api: collector } = await apiAs(baseURL, 'linjiang.collector');
  const { api: chief } = await apiAs(baseURL, 'linjiang.street_chief');
  const home = await trpcQuery<{ center: [number, number] }>(chief, 'geo.home');
  const [lng, lat] = home.center;
  return trpcMutation<{ id: number; caseNo: string }>(collector, 'cases.report', {
    source: 'collector',
    kind: 'event',
    categoryCode: '06001',
    description,
    address,
    lng,
    lat,
    confirmedDistinct: true,
  });
}

test.describe('统计分析', () => {
  test.use(DESK);
  test('a leader opens the analysis, clicks a chart and sees the cases behind it', async ({ page, baseURL }) => {
    for (let i = 0; i < 3; i++) {
      await reportInLinjiang(baseURL ?? '', `统计分析测试${i}：桥下空地堆放废弃家具（${RUN}）`, '临江区滨江桥下');
    }
    await login(page, 'leader');
    await page.getByRole('navigation').getByText('统计分析').click();
    await expect(page.getByRole('heading', { name: '统计分析', level: 3 })).toBeVisible();
    const pie = page.getByRole('img', { name: '案件来源图' });
    await expect(pie).toBeVisible();
    await expect(page.getByRole('img', { name: '周时段热力图' })).toBeVisible();
    await expect(page.getByRole('img', { name: '案件类别帕累托图' })).toBeVisible();
    await expect(page.getByText('处置时长 P50')).toBeVisible();
    await expect(page.getByRole('table', { name: '类别上升预警' })).toBeVisible();
    await shoot(page, 'analytics-desk-1920');

    // The source ring: its centre sits at 38 % / 55 % of the box, the ring between 40 % and 70 % of the radius.
    await expect(pie).toHaveAttribute('aria-busy', 'false');
    const box = await pie.boundingBox();
    if (!box) throw new Error('no chart box');
    const radius = (Math.min(box.width, box.height) / 2) * 0.55;
    const angle = (80 * Math.PI) / 180;
    await page.mouse.click(
      box.x + box.width * 0.38 + radius * Math.cos(angle),
      box.y + box.height * 0.55 - radius * Math.sin(angle),
    );
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByText(/来源：.+ · 案件明细/)).toBeVisible();
    const rows = drawer.getByRole('table', { name: '下钻案件列表' }).locator('tbody tr.ant-table-row');
    await expect(rows.first()).toBeVisible();
    await shoot(page, 'analytics-drill-1920');

    // On to the desk list with the same filters.
    await drawer.getByRole('link', { name: '在案件办理中查看' }).click();
    await expect(page).toHaveURL(/\/desk\/cases\?.*source=/);
  });

  test('the monthly report builds for a month and prints as A4', async ({ page }) => {
    await login(page, 'leader');
    await page.goto('/analytics');
    await page.getByRole('link', { name: '月度分析报告' }).click();
    const report = page.getByRole('article', { name: '月度分析报告' });
    await expect(report.getByRole('heading', { name: /云湖市 .*城市管理案件分析报告/ })).toBeVisible();
    await expect(report.getByRole('heading', { name: '五、处置效率' })).toBeVisible();
    await expect(report.getByRole('table', { name: '区域排名' })).toBeVisible();
    await expect(page.getByRole('button', { name: '打印 / 另存为PDF' })).toBeEnabled();
    await shoot(page, 'monthly-report-1920');
  });

  test('a district leader cannot see another district', async ({ page }) => {
    await login(page, 'linjiang.leader');
    await page.goto('/analytics');
    await expect(page.getByText('临江区 ·')).toBeVisible();
    await page.goto('/analytics?area=330103');
    await expect(page.getByRole('alert')).toBeVisible();
  });
});

test.describe('综合查询', () => {
  test.use(DESK);
  test('a Chinese phrase finds the report in the table and on the map', async ({ page, baseURL }) => {
    const made = await reportInLinjiang(
      baseURL ?? '',
      `翠微巷口青石板路面塌陷，夜间行人容易绊倒（${RUN}）`,
      '临江区翠微巷十七号对面',
    );
    await login(page, 'linjiang.shift_lead');
    await page.getByRole('navigation').getByText('综合查询').click();
    await expect(page.getByRole('heading', { name: '综合查询', level: 3 })).toBeVisible();
    await page.getByRole('searchbox', { name: '查询内容' }).fill('青石板路面塌陷');
    await page.getByRole('searchbox', { name: '查询内容' }).press('Enter');
    const results = page.getByRole('table', { name: '查询结果' });
    await expect(results.getByRole('link', { name: made.caseNo })).toBeVisible();
    await expect(page.getByRole('region', { name: '查询结果地图' }).or(page.getByLabel('查询结果地图'))).toBeVisible();
    await shoot(page, 'search-desk-1920');

    // The case page opens from the result.
    await results.getByRole('link', { name: made.caseNo }).click();
    await expect(page).toHaveURL(new RegExp(`/desk/cases/${made.id}`));
  });
});
