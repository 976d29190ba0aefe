import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { actOnCase, apiAs, shootIfAsked, trpcQuery } from './api';

// The citizen pages (/public/report, /public/track): no sign-in, on a phone, through Open311;
// a report is followed by its 查询码 (tracking code), never by the case number.
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

const CODE = /^[2-9ACDEFHJKMNPQRTVWXY]{4}-[2-9ACDEFHJKMNPQRTVWXY]{4}-[2-9ACDEFHJKMNPQRTVWXY]{4}$/;

test.describe('public report and tracking', () => {
  test('a citizen reports a problem, gets a tracking code and tracks it', async ({ page }) => {
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

    const shown = page.getByTestId('tracking-code');
    await expect(shown).toHaveText(CODE);
    const code = (await shown.textContent()) ?? '';
    await shootIfAsked(page, 'public-report-success-phone');

    // The code resolves through Open311 too (tokens), to a published request with public fields only.
    const token = await page.request.get(`/open311/v2/tokens/${code}.json`);
    expect(token.status()).toBe(200);
    const caseNo = ((await token.json()) as { service_request_id: string }[])[0]?.service_request_id ?? '';
    expect(caseNo).toMatch(/^\d{12}$/);
    const api = await page.request.get(`/open311/v2/requests/${caseNo}.json`);
    expect(await api.json()).toEqual([
      expect.objectContaining({ service_request_id: caseNo, status: 'open', service_code: 'event-06010' }),
    ]);
    expect(await api.text()).not.toContain('13900001111');

    await page.getByRole('button', { name: '查询办理进度' }).click();
    await expect(page).toHaveURL(new RegExp(`/public/track\\?code=${code}$`));
    const progress = page.getByRole('region', { name: '办理进度' });
    await expect(progress.getByText('待受理', { exact: true })).toBeVisible();
    await expect(progress.getByText('暴露垃圾', { exact: true })).toBeVisible();
    await expect(progress.getByText('收到反映')).toBeVisible();
    await shootIfAsked(page, 'public-track-phone');

    // The case number finds nothing; the code typed on a fresh visit, any case, without dashes, does.
    await page.goto(`/public/track?id=${caseNo}`);
    await expect(page.getByRole('region', { name: '办理进度' })).toHaveCount(0);
    await page.getByRole('textbox', { name: '查询码' }).fill(caseNo);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText('查询码为 12 位字母和数字')).toBeVisible();
    await page.getByRole('textbox', { name: '查询码' }).fill(code.replaceAll('-', '').toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('region', { name: '办理进度' }).getByText(code)).toBeVisible();
    // This phone remembers what it sent (我的上报).
    await expect(page.getByRole('region', { name: '本机提交过的反映' }).getByText(code)).toBeVisible();
  });

  test('the tracking page shows the reply to the reporter, never the handlers’ internal notes', async ({
    page,
    baseURL,
  }) => {
    const config = await (await page.request.get('/open311/web-config.json')).json();
    const spot = pointInWangjiang();
    const posted = await page.request.post('/open311/v2/requests.json', {
      form: {
        api_key: config.apiKey,
        service_code: 'event-06001',
        description: '河边步道旁有人用彩钢板围了一个棚子',
        lat: String(spot.latitude - 0.002),
        long: String(spot.longitude + 0.001),
      },
    });
    expect(posted.status()).toBe(201);
    const [created] = (await posted.json()) as { service_request_id: string; token: string }[];
    if (!created) throw new Error('nothing created');

    const origin = baseURL ?? '';
    const acceptor = await apiAs(origin, 'linjiang.acceptor');
    const lead = await apiAs(origin, 'linjiang.shift_lead');
    const dispatcher = await apiAs(origin, 'linjiang.dispatcher');
    const handler = await apiAs(origin, 'linjiang.dept_handler');
    const collector = await apiAs(origin, 'linjiang.collector');
    const found = await trpcQuery<{ rows: { id: number }[] }>(acceptor.api, 'cases.list', {
      q: created.service_request_id,
    });
    const caseId = found.rows[0]?.id ?? 0;
    await actOnCase(acceptor.api, caseId, 'accept', { reason: '内部：市民情绪激动，注意沟通' });
    await actOnCase(lead.api, caseId, 'file');
    await actOnCase(dispatcher.api, caseId, 'dispatch', { leadDepartmentId: handler.me.departmentId });
    await actOnCase(handler.api, caseId, 'takeUp');
    await actOnCase(handler.api, caseId, 'feedBack', { reason: '已拆除' });
    await actOnCase(lead.api, caseId, 'rework', { reason: '现场仍有残留杂物，请返工' });
    await actOnCase(handler.api, caseId, 'feedBack', { reason: '残留杂物已清运' });
    await actOnCase(acceptor.api, caseId, 'requestCheck');
    await actOnCase(collector.api, caseId, 'submitCheck', { confirmed: true, reason: '现场已恢复' });
    await actOnCase(lead.api, caseId, 'close', { reason: '违章棚屋已拆除，现场已清理干净，感谢您的反映' });

    await page.goto(`/public/track?code=${created.token}`);
    const progress = page.getByRole('region', { name: '办理进度' });
    // The status at the top and the last step both say it is finished.
    await expect(progress.getByText('已办结', { exact: true })).toHaveCount(2);
    await expect(progress.getByRole('note', { name: '办理答复' })).toContainText('违章棚屋已拆除，现场已清理干净');
    await expect(progress.getByText('处置单位反馈已处理')).toBeVisible();
    for (const internal of ['现场仍有残留杂物', '返工', '市民情绪激动', '残留杂物已清运', '现场已恢复']) {
      await expect(page.getByText(internal)).toHaveCount(0);
    }
    const timeline = await trpcQuery<{ timeline: { actorName: string | null }[] }>(lead.api, 'cases.byId', {
      id: caseId,
    });
    const text = (await progress.textContent()) ?? '';
    for (const { actorName } of timeline.timeline) {
      if (actorName && actorName.length >= 2) expect(text).not.toContain(actorName);
    }
    await shootIfAsked(page, 'public-track-closed-phone');
  });

  test('a repeat of a reported problem is merged, and tracking it shows the joint progress', async ({ page }) => {
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
      return ((await res.json()) as { token: string }[])[0]?.token ?? '';
    };
    await post('公交站台广告栏上贴满了非法小广告');
    const repeat = await post('公交站台广告栏小广告贴得到处都是');

    await page.goto(`/public/track?code=${repeat}`);
    const progress = page.getByRole('region', { name: '办理进度' });
    await expect(progress.getByText('待受理', { exact: true })).toBeVisible();
    await expect(progress).toContainText('已合并办理');
    await expect(progress.getByText('与同一问题的其他反映合并办理')).toBeVisible();
  });

  test('a spot tapped on the map is enough; unknown codes are explained', async ({ page }) => {
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
    await expect(page.getByTestId('tracking-code')).toHaveText(CODE);

    await page.goto('/public/track?code=ACDE-FHJK-MNPQ');
    await expect(page.getByText('没有找到这个查询码')).toBeVisible();
    await page.getByRole('textbox', { name: '查询码' }).fill('12345');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.getByText('查询码为 12 位字母和数字')).toBeVisible();
  });
});
