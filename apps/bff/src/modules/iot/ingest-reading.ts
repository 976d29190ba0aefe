import type { Database } from '@citygov/db/client';
import { iotDevices, iotReadings } from '@citygov/db/schema/iot';
import { judgeReading, SENSOR_TYPES } from '@citygov/domain/iot/sensor-types';
import { and, eq, lt, sql } from 'drizzle-orm';
import { type AlarmOutcome, intakeAlarms } from '../alarms/api';

export interface ReadingResult {
  known: boolean;
  raised: boolean;
  alarm: AlarmOutcome | null;
}

/**
 * One sensor reading (物联网感知): stored for the history chart, judged against the
 * device's thresholds with hysteresis, and — when it crosses into alarm — handed to the
 * alarm intake, which opens one case or adds a sighting to the open one. Readings of a
 * device that stays over the line raise nothing more.
 */
export async function ingestReading(db: Database, code: string, value: number, at: Date): Promise<ReadingResult> {
  const judged = await db.transaction(async (tx) => {
    const [device] = await tx.select().from(iotDevices).where(eq(iotDevices.code, code)).for('update');
    if (!device) return null;
    await tx.insert(iotReadings).values({ deviceId: device.id, at, value });
    const verdict = judgeReading(device.state, value, device.thresholds);
    await tx
      .update(iotDevices)
      .set({ state: verdict.state, lastValue: value, lastReadingAt: at, online: true })
      .where(eq(iotDevices.id, device.id));
    return { device, verdict };
  });
  if (!judged) return { known: false, raised: false, alarm: null };
  if (!judged.verdict.raise) return { known: true, raised: false, alarm: null };
  const { device } = judged;
  const sensor = SENSOR_TYPES[device.type];
  const [alarm] = await intakeAlarms(db, [
    {
      source: 'iot',
      type: sensor.alarm,
      subject: `iot:${device.code}`,
      subjectName: device.name,
      value,
      unit: sensor.unit,
      lng: device.lng,
      lat: device.lat,
      at,
      detail: { deviceId: device.id, code: device.code, thresholds: device.thresholds },
    },
  ]);
  return { known: true, raised: true, alarm: alarm ?? null };
}

/** Devices silent for three reporting intervals go offline; returns their codes. */
export async function markSilentDevicesOffline(db: Database, now = new Date()): Promise<string[]> {
  const rows = await db
    .update(iotDevices)
    .set({ online: false })
    .where(
      and(
        eq(iotDevices.online, true),
        lt(
          iotDevices.lastReadingAt,
          sql`${now.toISOString()}::timestamptz - make_interval(secs => ${iotDevices.reportSeconds} * 3)`,
        ),
      ),
    )
    .returning({ code: iotDevices.code });
  return rows.map((r) => r.code);
}
