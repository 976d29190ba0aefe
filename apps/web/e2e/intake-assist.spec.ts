import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { shootIfAsked } from './api';
import { fillPhoneReport as fillReport, login } from './helpers';

// Intake assistance: 智能判重 on the phone before a second report of the same problem,
// and 建议分类 on the desk intake form as the acceptor types the description.

const PHONE = { width: 390, height: 844 };

/** Logs in on the phone and points the fake GPS at the middle of the user's area, nudged to a spot of its own. */
async function phoneLogin(
  page: Page,
  context: BrowserContext,
  username: string,
  nudge = { lng: -0.0012, lat: 0.0008 },
) {
  await login(page, username);
  const res = await page.request.get('/trpc/geo.home');
  const body = await res.json();
  const [longitude, latitude] = body.result.data.json.center as [number, number];
  // Away from the centre the other phone tests report at, so only this test's case is near.
  await context.setGeolocation({ longitude: longitude + nudge.lng, latitude: latitude + nudge.lat, accuracy: 10 });
}

test.describe('on a phone', () => {
  test.use({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    permissions: ['geolocation'],
    geolocation: { longitude: 120.1, latitude: 30.3025, accuracy: 15 },
  });

  test('a second report of the same problem nearby shows the similar case before submit', async ({ page, context }) => {
    await phoneLogin(page, context, 'linjiang.collector');
    await page.goto('/m/report');

    await fillReport(page, '花园小区北门人行道堆放生活垃圾，散发异味', true);
    await page.getByRole('button', { name: '提交上报' }).click();
    await expect(page.getByText('上报成功')).toBeVisible();
    const caseNo = (await page.getByTestId('case-no').textContent())?.trim() ?? '';
    expect(caseNo).toMatch(/^\d{12}$/);

    await page.getByRole('button', { name: '继续上报' }).click();
    await fillReport(page, '花园小区北门人行道有生活垃圾堆放，异味很大', false);
    const card = page.getByRole('alert').filter({ hasText: '附近已有相似问题，是否为同一问题？' });
    await expect(card).toBeVisible();
    await expect(card.getByRole('list', { name: '相似问题列表' })).toContainText(caseNo);
    await expect(card).toContainText(/约 \d+ 米/);
    await expect(card.getByRole('button', { name: `查看案件 ${caseNo}` })).toBeVisible();

    // 不是同一问题 sends the report as a problem of its own.
    await card.getByRole('button', { name: '不是同一问题，仍要上报' }).click();
    await expect(page.getByText('上报成功')).toBeVisible();
    await expect(page.getByTestId('case-no')).not.toHaveText(caseNo);
    await expect(page.getByTestId('merged-note')).toHaveCount(0);
    const secondNo = (await page.getByTestId('case-no').textContent())?.trim() ?? '';

    // 提交上报 while the card shows merges nothing unasked: the reporter must answer first.
    await page.getByRole('button', { name: '继续上报' }).click();
    await fillReport(page, '花园小区北门人行道上生活垃圾堆着，没人清理', false);
    const again = page.getByRole('alert').filter({ hasText: '附近已有相似问题' });
    await expect(again).toBeVisible();
    await page.getByRole('button', { name: '提交上报' }).click();
    await expect(again.getByText('请先选择「是同一问题」或「不是同一问题」')).toBeVisible();
    await shootIfAsked(page, 'report-similar-choice-phone');
    await expect(page.getByText('上报成功')).toHaveCount(0);
    // 是同一问题 on the first report: the new one joins exactly that case.
    await again.getByRole('button', { name: `是同一问题：案件 ${caseNo}` }).click();
    await expect(page.getByText('上报成功')).toBeVisible();
    const mergedNo = (await page.getByTestId('case-no').textContent())?.trim() ?? '';
    const note = (await page.getByTestId('merged-note').textContent()) ?? '';
    const leadNo = /案件 (\d{12})/.exec(note)?.[1] ?? '';
    expect(leadNo).toBe(caseNo);
    expect(secondNo).not.toBe(caseNo);

    // 我的上报 shows the merged report with its lead's progress.
    await page.getByRole('button', { name: '查看我的上报' }).click();
    const merged = page.getByRole('listitem').filter({ hasText: mergedNo });
    await expect(merged).toContainText('已并案');
    await expect(merged.getByTestId('merged-lead')).toContainText(`已并入 ${leadNo} · 主案件：待受理`);
    await merged.click();
    await expect(page.getByRole('status').filter({ hasText: `已与案件 ${leadNo} 合并处理` })).toContainText(
      '主案件当前状态：待受理',
    );
  });
});

test.describe('on a phone, with photos', () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true, permissions: ['geolocation'] });

  test('photos go up while the report is typed, and the similar case says 照片相似', async ({ page, context }) => {
    // A spot of its own: no other test's case is near.
    await phoneLogin(page, context, 'linjiang.collector', { lng: 0.0016, lat: -0.0011 });
    await page.goto('/m/report');
    await fillReport(page, '滨江小区南门路边垃圾桶满溢，垃圾散落一地', true);
    await page.getByRole('button', { name: '提交上报' }).click();
    await expect(page.getByText('上报成功')).toBeVisible();
    const caseNo = (await page.getByTestId('case-no').textContent())?.trim() ?? '';

    // The same photo again: it is on the server before 提交上报 is pressed, and the check compares it.
    let uploads = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/attachments') uploads += 1;
    });
    await page.getByRole('button', { name: '继续上报' }).click();
    await fillReport(page, '滨江小区南门垃圾桶旁边垃圾堆满了没人管', true);
    await expect(page.getByText('已上传', { exact: true })).toBeVisible();
    const card = page.getByRole('alert').filter({ hasText: '附近已有相似问题，是否为同一问题？' });
    const similar = card.getByRole('list', { name: '相似问题列表' }).getByRole('listitem').filter({ hasText: caseNo });
    await expect(similar).toContainText('照片相似');
    await shootIfAsked(page, 'report-similar-photo-phone');

    // 是同一问题 sends it with the photo already uploaded: nothing goes up twice.
    await similar.getByRole('button', { name: `是同一问题：案件 ${caseNo}` }).click();
    await expect(page.getByText('上报成功')).toBeVisible();
    await expect(page.getByTestId('merged-note')).toContainText(caseNo);
    expect(uploads).toBe(1);
  });
});

test('the desk intake suggests categories as the description is typed', async ({ page }) => {
  await login(page, 'linjiang.acceptor');
  await page.goto('/desk/intake');
  await expect(page.getByRole('heading', { name: '案件登记' })).toBeVisible();
  await page.getByLabel('问题描述').fill('人行道上有人摆摊卖水果');

  const chips = page.getByRole('region', { name: '建议分类' }).getByRole('button');
  await expect(chips.first()).toBeVisible();
  // Always three, each with its confidence (however unsure the model is).
  await expect(chips).toHaveCount(3);
  await expect(chips.first()).toHaveText(/\S+ \d{1,3}%$/);

  // Picking a chip selects that category in the picker, and 小类助手 shows it.
  const name = ((await chips.first().textContent()) ?? '').replace(/\s*\d{1,3}%$/, '').trim();
  await chips.first().click();
  await expect(chips.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(new RegExp(`^小类助手 · \\d{5} ${name}$`))).toBeVisible();
});
