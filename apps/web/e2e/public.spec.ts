import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';

// The citizen pages (/public/report, /public/track): no sign-in, on a phone, through Open311.
const PHONE = { width: 390, height: 844 };

/**
 * A point inside 望江街道 (临江区), where the phone's GPS says the citizen stands: a little
 * off its centre, where the phone tests report the same kind of problem (智能判重 would
 * merge a report there into theirs).
 */
function pointInWangjiang() {
  const file = join(import.meta.dirname, '../public/basemap/streets.geojson');
  const streets = JSON.parse(readFileSync(file, 'utf8')) as {
    features: { properties: { name: string }; geometry: { coordinates: number[][][] } }[];
  };
  const ring = streets.features.find((f) => f.properties.name === '望江街道')?.geometry.coordinates[0] ?? [];
  const average = (i: number) => ring.reduce((sum, p) => sum + (p[i] ?? 0), 0) / ring.length;
  return { longitude: average(0) + 0.0025, latitude: average(1) - 0.0015, accuracy: 15 };
}

test.use({ viewport: PHONE, permissions: ['geolocation'], geolocation: pointInWangjiang() });

async function pickService(page: Page, search: string, name: string) {
  await page.getByRole('button', { name: /^问题类型：/ }).click();
  await page.getByRole('textbox', { name: '搜索问题类型' }).fill(search);
  await page
    .getByRole('list', { name: '搜索结果' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
}

test.describe('public report and tracking', () => {
  test('a citizen reports a problem, gets a tracking number and tracks it', async ({ page }) => {
    await page.goto('/public/report');
    await expect(page.getByRole('heading', { name: '云湖市城市管理问题随手拍' })).toBeVisible();

    // Sending an empty form explains what is missing instead of sending.
    await page.getByRole('button', { name: '提交反映' }).click();
    await expect(page.getByText('请选择问题类型', { exact: true }).last()).toBeVisible();
    await expect(page.getByText('请定位或在地图上点选问题位置')).toBeVisible();

    await pickService(page, '垃圾', '暴露垃圾');
    await expect(page.getByRole('button', { name: /^问题类型：暴露垃圾/ })).toBeVisible();
    await page.getByRole('textbox', { name: '问题描述' }).fill('小区门口人行道上堆了很多装修垃圾，行人只能走机动车道');
    await page.getByRole('button', { name: '定位到我的位置' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已选位置' })).toBeVisible();
    await page.getByRole('textbox', { name: '称呼' }).fill('王女士');
    await page.getByRole('textbox', { name: '手机号码' }).fill('13900001111');
    await page.getByRole('button', { name: '提交反映' }).click();

    const number = page.getByTestId('tracking-no');
    await expect(number).toHaveText(/^\d{12}$/);
    const id = (await number.textContent()) ?? '';

    // The report is a real case, visible through the public API too.
    const api = await page.request.get(`/open311/v2/requests/${id}.json`);
    expect(api.status()).toBe(200);
    expect(await api.json()).toEqual([
      expect.objectContaining({ service_request_id: id, status: 'open', service_code: 'event-06010' }),
    ]);

    await page.getByRole('button', { name: '查询办理进度' }).click();
    await expect(page).toHaveURL(new RegExp(`/public/track\\?id=${id}$`));
    const progress = page.getByRole('region', { name: '办理进度' });
    await expect(progress.getByText('办理中', { exact: true })).toBeVisible();
    await expect(progress.getByText('待受理', { exact: true })).toBeVisible();
    await expect(progress.getByText('暴露垃圾', { exact: true })).toBeVisible();

    // Typing the number on a fresh visit finds it as well; this phone remembers what it sent.
    await page.goto('/public/track');
    await page.getByRole('textbox', { name: '查询编号' }).fill(id);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('region', { name: '办理进度' }).getByText(id)).toBeVisible();
    await expect(page.getByRole('region', { name: '本机提交过的反映' }).getByText(id)).toBeVisible();
  });

  test('a repeat of a reported problem is merged, and tracking it shows the case it joined', async ({ page }) => {
    const config = await (await page.request.get('/open311/web-config.json')).json();
    const spot = pointInWangjiang();
    const post = async (description: string) => {
      const res = await page.request.post('/open311/v2/requests.json', {
        form: {
          api_key: config.apiKey,
          service_code: 'event-07001',
          description,
          lat: String(spot.latitude + 0.002),
          long: String(spot.longitude),
        },
      });
      expect(res.status()).toBe(201);
      return ((await res.json()) as { service_request_id: string }[])[0]?.service_request_id ?? '';
    };
    const lead = await post('公交站台广告栏上贴满了非法小广告');
    const repeat = await post('公交站台广告栏小广告贴得到处都是');

    await page.goto(`/public/track?id=${repeat}`);
    const progress = page.getByRole('region', { name: '办理进度' });
    await expect(progress.getByText('办理中', { exact: true })).toBeVisible();
    await expect(progress).toContainText(`已与案件 ${lead} 合并处理，当前状态：待受理`);
  });

  test('a spot tapped on the map is enough; unknown numbers are explained', async ({ page }) => {
    await page.goto('/public/report');
    await pickService(page, '占道', '占道经营');
    await page.getByRole('textbox', { name: '问题描述' }).fill('早市摊贩占用人行道经营，行人无法通过');
    const map = page.getByRole('region', { name: /问题位置地图/ });
    await expect(map).toHaveAttribute('data-state', 'ready');
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error('map not laid out');
    // Upper left of the city: inside 临江区 (the position is relative to the map, wherever it scrolled to).
    await map.click({ position: { x: box.width * 0.3, y: box.height * 0.35 } });
    await expect(page.getByRole('status').filter({ hasText: '已选位置' })).toBeVisible();
    await page.getByRole('button', { name: '提交反映' }).click();
    await expect(page.getByTestId('tracking-no')).toHaveText(/^\d{12}$/);

    await page.goto('/public/track?id=209900000001');
    await expect(page.getByText('没有找到这个编号')).toBeVisible();
    await page.getByRole('textbox', { name: '查询编号' }).fill('12345');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText('查询编号为 12 位数字')).toBeVisible();
  });
});
