import { expect, test } from '@playwright/test';
import { SensorSimulator } from '../../bff/src/adapters/mqtt/simulated-sensors';
import { apiAs, shootIfAsked, trpcQuery } from './api';
import { login } from './helpers';

/**
 * The IoT hub in the browser: a flood-point sensor publishes over MQTT (to the broker
 * scripts/e2e-server.ts starts on the HTTP port + 21000), crosses its threshold, and the
 * one case it makes shows the sensor's chart; /iot lists the sensor in alarm.
 */
const httpPort = Number(process.env.E2E_PORT ?? 4321);

test('a water level over its threshold makes one case that shows the sensor chart', async ({ page, baseURL }) => {
  const sensors = new SensorSimulator({
    mqttUrl: `mqtt://127.0.0.1:${httpPort + 21_000}`,
    topicPrefix: `citygov-e2e-${httpPort}/iot`,
    sensors: [],
    intervalMs: 60_000,
  });
  await sensors.start();
  const start = Date.now() - 5 * 60_000;
  for (const [i, value] of [3, 6, 24, 31, 35].entries())
    await sensors.publish('WL-0002', value, new Date(start + i * 60_000));
  await sensors.stop();

  const { api } = await apiAs(baseURL ?? '', 'linjiang.shift_lead');
  let rows: { id: number; source: string }[] = [];
  await expect
    .poll(async () => {
      rows = (await trpcQuery<{ rows: { id: number; source: string }[] }>(api, 'cases.list', { source: 'iot' })).rows;
      return rows.length;
    })
    .toBe(1);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await login(page, 'linjiang.shift_lead');
  await page.goto(`/desk/cases/${rows[0]?.id}`);
  await expect(page.getByText('传感器数据')).toBeVisible();
  await expect(page.getByRole('img', { name: '积水点水位历史曲线' })).toBeVisible();
  await expect(page.getByText('告警中')).toBeVisible();
  await shootIfAsked(page, 'iot-case-1920');

  await page.getByRole('menuitem', { name: '物联感知' }).click();
  const row = page.getByRole('row', { name: /火车站东广场积水点/ });
  await expect(row.getByText('告警')).toBeVisible();
  await row.getByRole('button', { name: '火车站东广场积水点' }).click();
  await expect(page.getByRole('img', { name: '积水点水位历史曲线' })).toBeVisible();
  await shootIfAsked(page, 'iot-page-1920');
});
