import { expect, test } from '@playwright/test';
import { CameraSimulator, demoCameras } from '../../bff/src/adapters/gb28181/simulator/simulated-cameras';
import { apiAs, shootIfAsked, trpcMutation } from './api';
import { login } from './helpers';

/**
 * Live view in the browser: a simulated camera registers with the app's SIP server
 * (scripts/e2e-server.ts puts it on the HTTP port + 20000), the dispatcher clicks its
 * name in the device tree and the picture plays — two screenshots of the player differ.
 */
const httpPort = Number(process.env.E2E_PORT ?? 4321);
const cameras = demoCameras(2);
let simulator: CameraSimulator;

test.beforeAll(async () => {
  simulator = new CameraSimulator({
    server: { host: '127.0.0.1', port: httpPort + 20_000 },
    transport: 'UDP',
    domain: '3402000000',
    platformId: '34020000002000000001',
    password: 'Citygov@28181',
    cameras,
    keepaliveSeconds: 20,
  });
  await simulator.start();
});

test.afterAll(async () => {
  await simulator?.stop({ unregister: true });
});

test('a dispatcher opens a camera from the device tree and sees it move', async ({ page }) => {
  const camera = cameras[0];
  if (!camera) throw new Error('no camera');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login(page, 'linjiang.dispatcher');
  await page.getByRole('menuitem', { name: '视频监控' }).click();
  await expect(page).toHaveURL(/\/video$/);
  const tree = page.getByRole('tree', { name: '设备目录' });
  const play = tree.getByRole('button', { name: `播放 ${camera.name}` });
  await expect(play).toBeEnabled({ timeout: 30_000 });
  await expect(tree.getByText('在线').first()).toBeVisible();

  await play.click();
  const video = page.getByLabel(`${camera.name} 实时画面`);
  await expect(video).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.currentTime > 0), { timeout: 30_000 })
    .toBe(true);
  const first = await video.screenshot();
  await page.waitForTimeout(1500);
  const second = await video.screenshot();
  expect(first.equals(second)).toBe(false);
  await shootIfAsked(page, 'video-live-1920');

  // PTZ for a dome camera; the checksum-carrying command reaches the camera.
  const left = page.getByRole('button', { name: '云台左', exact: true });
  await left.dispatchEvent('pointerdown');
  await left.dispatchEvent('pointerup');
  await expect.poll(() => simulator.stats.ptzCommands.length, { timeout: 10_000 }).toBeGreaterThan(0);
});

test('the video wall fills the big screen with the online cameras, and a broken pane says so legibly and reopens by itself', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const { api } = await apiAs(baseURL ?? '', 'linjiang.admin');
  const broken = cameras[0];
  if (!broken) throw new Error('no camera');
  await trpcMutation(api, 'video.setMediaTransport', { deviceId: broken.deviceId, data: { mediaTransport: null } });
  await page.setViewportSize({ width: 3840, height: 2160 });
  await login(page, 'linjiang.shift_lead');
  await page.goto('/video/wall');
  await expect(page.getByRole('heading', { name: '视频上墙 · 城市运行监控' })).toBeVisible();
  for (const camera of cameras) {
    const video = page.getByLabel(`${camera.name} 实时画面`);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2), { timeout: 45_000 }).toBe(true);
  }
  await expect(page.getByRole('button', { name: /^视频窗口/ })).toHaveCount(16);
  await shootIfAsked(page, 'video-wall-3840');
  // The wall's controls are sized for the hall too, not the desk's 14 px.
  const layoutFont = await page
    .getByText('16画面', { exact: true })
    .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  expect(layoutFont).toBeGreaterThanOrEqual(28);

  // An administrator changes one camera's 取流方式: its stream is hung up under the wall.
  await trpcMutation(api, 'video.setMediaTransport', { deviceId: broken.deviceId, data: { mediaTransport: 'TCP' } });
  const notice = page.getByRole('alert').filter({ hasText: '视频流中断，正在重新打开…' });
  await expect(notice).toBeVisible({ timeout: 60_000 });
  // Read from across the hall: the notice is as large as the panes' camera names, not the desk's 14 px.
  const fontPx = await notice.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(32);
  await shootIfAsked(page, 'video-wall-stream-broken-3840');
  // Nobody at the wall clicks: it reopens the pane over the new transport and plays again.
  await expect(notice).toHaveCount(0, { timeout: 30_000 });
  await expect
    .poll(() => page.getByLabel(`${broken.name} 实时画面`).evaluate((v: HTMLVideoElement) => v.readyState >= 2), {
      timeout: 45_000,
    })
    .toBe(true);
  await expect
    .poll(() => simulator.stats.mediaOffers.filter((o) => o.deviceId === broken.deviceId).at(-1)?.media)
    .toBe('TCP setup:passive');
  await trpcMutation(api, 'video.setMediaTransport', { deviceId: broken.deviceId, data: { mediaTransport: null } });

  // The hall's other wall is 1920×1080: the same 16 panes fit it without scrolling, the controls scaled down.
  await page.setViewportSize({ width: 1920, height: 1080 });
  const panes = page.getByRole('button', { name: /^视频窗口/ });
  await expect(panes).toHaveCount(16);
  const lastPane = await panes.last().boundingBox();
  expect((lastPane?.y ?? 2160) + (lastPane?.height ?? 0)).toBeLessThanOrEqual(1080);
  expect((lastPane?.x ?? 3840) + (lastPane?.width ?? 0)).toBeLessThanOrEqual(1920);
  const smallerFont = await page
    .getByText('16画面', { exact: true })
    .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  expect(smallerFont).toBeGreaterThanOrEqual(14);
  expect(smallerFont).toBeLessThan(layoutFont);
  await shootIfAsked(page, 'video-wall-1920');
});

test('an administrator switches a playing camera to TCP 被动: the picture reopens over it, and the setting holds after a reload', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const camera = cameras[1];
  if (!camera) throw new Error('no camera');
  const lastOffer = () => simulator.stats.mediaOffers.filter((o) => o.deviceId === camera.deviceId).at(-1)?.media;
  // From the system default (UDP), also when this test runs again on the same database.
  const { api } = await apiAs(baseURL ?? '', 'linjiang.admin');
  await trpcMutation(api, 'video.setMediaTransport', { deviceId: camera.deviceId, data: { mediaTransport: null } });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login(page, 'linjiang.admin');
  await page.goto('/video');
  const tree = page.getByRole('tree', { name: '设备目录' });
  const play = tree.getByRole('button', { name: `播放 ${camera.name}` });
  await expect(play).toBeEnabled({ timeout: 30_000 });
  await play.click();
  const video = page.getByLabel(`${camera.name} 实时画面`);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2), { timeout: 45_000 }).toBe(true);
  expect(lastOffer()).toBe('UDP');

  await tree.getByRole('button', { name: `设备详情 ${camera.name}` }).click();
  const details = page.locator('.ant-card').filter({ has: page.getByText('设备详情', { exact: true }) });
  await expect(details.getByText(camera.deviceId)).toBeVisible();
  const select = details.getByRole('combobox', { name: '取流方式' });
  await expect(details.getByText('跟随系统默认（UDP）')).toBeVisible();
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^TCP 被动$/ }).click();
  await details.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  // The server hung up the UDP stream; the pane reopened it, invited over TCP 被动, and it plays.
  await expect.poll(lastOffer, { timeout: 30_000 }).toBe('TCP setup:passive');
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.currentTime > 0), { timeout: 45_000 })
    .toBe(true);
  await expect(page.getByText('视频流中断')).toHaveCount(0);
  await shootIfAsked(page, 'video-media-transport-1920');

  await page.reload();
  await expect(page).toHaveURL(new RegExp(`device=${camera.deviceId}`));
  await expect(details.getByText('TCP 被动', { exact: true })).toBeVisible();
});

test('a dispatcher reads a device’s 取流方式 without a control to change it', async ({ page }) => {
  const camera = cameras[1];
  if (!camera) throw new Error('no camera');
  await login(page, 'linjiang.dispatcher');
  await page.goto(`/video?device=${camera.deviceId}`);
  const details = page.locator('.ant-card').filter({ has: page.getByText('设备详情', { exact: true }) });
  await expect(details.getByText('TCP 被动')).toBeVisible({ timeout: 15_000 });
  await expect(details.getByRole('combobox')).toHaveCount(0);
});

test('a dispatcher watching a camera whose 取流方式 an administrator changes sees 视频流中断 and reopens it with one click', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const camera = cameras[0];
  if (!camera) throw new Error('no camera');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login(page, 'linjiang.dispatcher');
  await page.goto('/video');
  const tree = page.getByRole('tree', { name: '设备目录' });
  await tree.getByRole('button', { name: `播放 ${camera.name}` }).click();
  const video = page.getByLabel(`${camera.name} 实时画面`);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2), { timeout: 45_000 }).toBe(true);

  const { api } = await apiAs(baseURL ?? '', 'linjiang.admin');
  await trpcMutation(api, 'video.setMediaTransport', { deviceId: camera.deviceId, data: { mediaTransport: 'TCP' } });
  const pane = page.getByRole('button', { name: `视频窗口 1：${camera.name}` });
  await expect(pane.getByRole('alert')).toContainText('视频流中断', { timeout: 60_000 });
  await shootIfAsked(page, 'video-stream-broken-1920');
  await pane.getByRole('button', { name: '重新打开' }).click();
  await expect(pane.getByRole('alert')).toHaveCount(0);
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.currentTime > 0), { timeout: 45_000 })
    .toBe(true);
  expect(simulator.stats.mediaOffers.filter((o) => o.deviceId === camera.deviceId).at(-1)?.media).toBe(
    'TCP setup:passive',
  );
  await trpcMutation(api, 'video.setMediaTransport', { deviceId: camera.deviceId, data: { mediaTransport: null } });
});
