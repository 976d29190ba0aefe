import type { Database } from '@citygov/db/client';
import { iotDevices } from '@citygov/db/schema/iot';
import { videoChannels } from '@citygov/db/schema/video';
import { ALARM_TYPES, MIN_VIDEO_CONFIDENCE } from '@citygov/domain/alarms/alarm-types';
import { inArray } from 'drizzle-orm';
import { type BatchAlarmResult, reasonOf, type TBatchAlarm, ZBatchAlarm } from './alarm-batch-contract';
import { type IncomingAlarm, intakeAlarms } from './intake-alarms';

interface Place {
  name: string;
  lng: number | null;
  lat: number | null;
}

/** Rows for the ids, or none without a query when there are no ids. */
async function lookUp<T>(ids: string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  return ids.length > 0 ? read(ids) : [];
}

/** Where the registered cameras and sensors of a batch stand, in two queries (one per kind). */
async function registeredDevices(db: Database, batch: readonly TBatchAlarm[]) {
  const ids = (source: 'video' | 'iot') => [
    ...new Set(batch.filter((a) => ALARM_TYPES[a.type].source === source).map((a) => a.deviceId)),
  ];
  // Both kinds are read with the same shape; each id is keyed by its subject (`video:…` / `iot:…`).
  const [cameras, sensors] = await Promise.all([
    lookUp(ids('video'), (list) =>
      db
        .select({
          id: videoChannels.channelId,
          name: videoChannels.name,
          lng: videoChannels.lng,
          lat: videoChannels.lat,
        })
        .from(videoChannels)
        .where(inArray(videoChannels.channelId, list)),
    ),
    lookUp(ids('iot'), (list) =>
      db
        .select({ id: iotDevices.code, name: iotDevices.name, lng: iotDevices.lng, lat: iotDevices.lat })
        .from(iotDevices)
        .where(inArray(iotDevices.code, list)),
    ),
  ]);
  const places = new Map<string, Place>();
  for (const row of cameras) places.set(`video:${row.id}`, row);
  for (const row of sensors) places.set(`iot:${row.id}`, row);
  return places;
}

/**
 * A machine source's batch into the alarm intake: each alarm checked on its own (a bad one
 * is refused with its reason, the good ones are saved), its place taken from the alarm or
 * from the registered camera / sensor it names, then all of them through `intakeAlarms`.
 */
export async function receiveAlarmBatch(db: Database, items: readonly unknown[]): Promise<BatchAlarmResult[]> {
  const results: BatchAlarmResult[] = items.map((item, index) => ({
    index,
    sourceAlarmId: sourceIdOf(item),
    outcome: 'rejected',
    alarmId: null,
    caseNo: null,
    reason: null,
  }));
  const valid: { index: number; alarm: TBatchAlarm }[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = ZBatchAlarm.safeParse(item);
    const result = results[index];
    if (!result) continue;
    if (parsed.success) valid.push({ index, alarm: parsed.data });
    else result.reason = reasonOf(parsed.error);
  }
  const places = await registeredDevices(
    db,
    valid.map((v) => v.alarm),
  );
  const incoming: IncomingAlarm[] = [];
  const indexes: number[] = [];
  for (const { index, alarm } of valid) {
    const source = ALARM_TYPES[alarm.type].source;
    const subject = `${source}:${alarm.deviceId}`;
    const place = places.get(subject);
    const lng = alarm.lng ?? place?.lng ?? null;
    const lat = alarm.lat ?? place?.lat ?? null;
    const result = results[index];
    if (!result) continue;
    if (lng === null || lat === null) {
      result.reason = '缺少位置：告警没有经纬度，设备也未登记位置';
      continue;
    }
    if (source === 'video' && alarm.confidence === undefined) {
      result.reason = `视频告警缺少置信度（低于 ${MIN_VIDEO_CONFIDENCE * 100}% 不立案）`;
      continue;
    }
    incoming.push({
      source,
      type: alarm.type,
      subject,
      subjectName: alarm.deviceName ?? place?.name ?? alarm.deviceId,
      sourceAlarmId: alarm.sourceAlarmId ?? null,
      confidence: alarm.confidence ?? null,
      value: alarm.value ?? null,
      unit: alarm.unit ?? null,
      lng,
      lat,
      at: new Date(alarm.at),
      detail: alarm.snapshotUrl ? { snapshotUrl: alarm.snapshotUrl } : {},
    });
    indexes.push(index);
  }
  const outcomes = await intakeAlarms(db, incoming);
  for (const [i, outcome] of outcomes.entries()) {
    const result = results[indexes[i] ?? -1];
    if (!result) continue;
    Object.assign(result, {
      outcome: outcome.outcome,
      alarmId: outcome.alarmId,
      caseNo: outcome.caseNo,
      reason: outcome.reason,
    });
  }
  return results;
}

function sourceIdOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const id = (item as { sourceAlarmId?: unknown }).sourceAlarmId;
  return typeof id === 'string' ? id.slice(0, 100) : null;
}
