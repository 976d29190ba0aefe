import { alarms } from '@citygov/db/schema/alarms';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { iotDevices } from '@citygov/db/schema/iot';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SensorSimulator } from '../../adapters/mqtt/simulated-sensors';
import { startMosquitto } from '../../testing/mosquitto';
import { outcomeOf } from '../../testing/procedure-samples';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { seedDemoSensors } from './demo-sensors';
import { markSilentDevicesOffline } from './ingest-reading';
import { IotHub } from './iot-hub';

/**
 * The IoT hub over a real MQTT broker (Mosquitto): readings over the threshold make
 * one case through the alarm intake (not one per reading), a new crossing while that
 * case is open is a sighting on it, and the case carries the sensor's chart data.
 */
let app: TestApp;
let broker: { url: string; stop: () => void };
let hub: IotHub;
let sensors: SensorSimulator;

beforeAll(async () => {
  broker = await startMosquitto();
  app = await openTestApp({ MQTT_URL: broker.url });
  await seedDemoSensors(app.db);
  hub = IotHub.start(app.db, app.config);
  app.live.iot = hub;
  for (let i = 0; i < 100 && !hub.connected; i++) await new Promise((r) => setTimeout(r, 50));
  sensors = new SensorSimulator({
    mqttUrl: broker.url,
    topicPrefix: app.config.iot.topicPrefix,
    sensors: [],
    intervalMs: 60_000,
  });
  await sensors.start();
}, 30_000);

afterAll(async () => {
  await sensors?.stop();
  await app?.close();
  broker?.stop();
});

async function handled(count: number) {
  for (let i = 0; i < 200 && hub.stats.received < count; i++) await new Promise((r) => setTimeout(r, 50));
  await hub.idle();
}

describe('IoT hub over MQTT', () => {
  it('makes one case for a water level over its threshold, and gathers the next crossing on it', async () => {
    const start = Date.now() - 10 * 60_000;
    const levels = [4, 23, 31, 36, 8, 27];
    for (const [i, value] of levels.entries()) await sensors.publish('WL-0001', value, new Date(start + i * 60_000));
    await handled(levels.length);

    const iotCases = await app.db.select().from(cases).where(eq(cases.source, 'iot'));
    expect(iotCases).toHaveLength(1);
    const [opened] = iotCases;
    expect(opened).toMatchObject({ kind: 'event', categoryCode: '01004', urgency: 'urgent', status: 'reported' });
    expect(opened?.description).toContain('积水超警：江滨路下穿隧道积水点，读数 23cm');

    const rows = await app.db.select().from(alarms).orderBy(asc(alarms.at));
    expect(rows.map((a) => [a.value, a.outcome, a.caseId])).toEqual([
      [23, 'opened', opened?.id],
      [27, 'sighting', opened?.id],
    ]);
    const timeline = await app.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, opened?.id ?? 0));
    expect(timeline.map((e) => [e.action, e.actorName])).toEqual([
      ['report', '系统（物联网感知）'],
      ['sighting', '系统（物联网感知）'],
    ]);
    const [device] = await app.db.select().from(iotDevices).where(eq(iotDevices.code, 'WL-0001'));
    expect(device).toMatchObject({ state: 'alarm', lastValue: 27, online: true });
  });

  it('shows the sensor and its readings on the case, to staff who may open the case', async () => {
    const [opened] = await app.db.select().from(cases).where(eq(cases.source, 'iot'));
    const shiftLead = await app.as('linjiang.shift_lead');
    const sensor = await shiftLead.iot.caseSensor({ caseId: opened?.id ?? 0 });
    expect(sensor?.device.code).toBe('WL-0001');
    expect(sensor?.readings.map((r) => r.value)).toEqual([4, 23, 31, 36, 8, 27]);
    expect(sensor?.alarms.map((a) => a.outcome)).toEqual(['opened', 'sighting']);
    await expect((await app.as('hubin.shift_lead')).iot.caseSensor({ caseId: opened?.id ?? 0 })).rejects.toThrow();
  });

  it('ignores unknown devices and malformed readings without stopping', async () => {
    const before = { ...hub.stats };
    await sensors.publish('NO-SUCH-DEVICE', 50);
    await handled(before.received + 1);
    expect(hub.stats.unknown).toBe(before.unknown + 1);
    expect(await app.db.select().from(cases).where(eq(cases.source, 'iot'))).toHaveLength(1);
  });

  it('marks a sensor offline after three missed reports', async () => {
    const later = new Date(Date.now() + 3 * 60_000 + 1000);
    const offline = await markSilentDevicesOffline(app.db, later);
    expect(offline).toContain('WL-0001');
    const list = await (await app.as('linjiang.dispatcher')).iot.devices();
    expect(list.find((d) => d.code === 'WL-0001')?.online).toBe(false);
  });

  it('lets an administrator rename a sensor and set its thresholds, and refuses a change of nothing', async () => {
    const admin = await app.as('admin');
    const [device] = await app.db.select().from(iotDevices).where(eq(iotDevices.code, 'WL-0001'));
    if (!device) throw new Error('no demo sensor WL-0001');
    const updated = await admin.iot.update({
      id: device.id,
      data: { name: '石桥河水位计', thresholds: { alarmAbove: 3.5, clearBelow: 3 } },
    });
    expect(updated).toMatchObject({ name: '石桥河水位计', thresholds: { alarmAbove: 3.5, clearBelow: 3 } });

    // An empty change is the request's mistake (400 with a message), not a server error; nothing moves.
    await expect(admin.iot.update({ id: device.id, data: {} })).rejects.toThrow('请修改设备名称或阈值');
    expect(await outcomeOf(() => admin.iot.update({ id: device.id, data: {} }))).toBe('BAD_REQUEST');
    const [after] = await app.db.select().from(iotDevices).where(eq(iotDevices.id, device.id));
    expect(after).toMatchObject({ name: '石桥河水位计', thresholds: { alarmAbove: 3.5, clearBelow: 3 } });
  });
});
