import type { Database } from '@citygov/db/client';
import { videoChannels } from '@citygov/db/schema/video';
import { ALARM_TYPE_KEYS, ALARM_TYPES, type AlarmType } from '@citygov/domain/alarms/alarm-types';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DeviceAlarm } from '../../adapters/gb28181/gb28181-platform';
import { type AlarmOutcome, intakeAlarms } from '../alarms/api';
import { storeMachinePhoto } from '../attachments/api';

const VIDEO_ALARMS = ALARM_TYPE_KEYS.filter((t) => ALARM_TYPES[t].source === 'video') as [AlarmType, ...AlarmType[]];

/** One event of a video-analytics server (视频智能识别), as it posts it to /api/video/ai-events. */
export const ZVideoAiEvent = z.object({
  channelId: z.string().regex(/^\d{20}$/, '通道编码应为20位数字'),
  type: z.enum(VIDEO_ALARMS),
  confidence: z.number().min(0).max(1),
  at: z.coerce.date(),
  /** JPEG or PNG, base64; at most ~2 MB. */
  snapshot: z.string().max(2_800_000).optional(),
});
export type TVideoAiEvent = z.infer<typeof ZVideoAiEvent>;

export class UnknownChannelError extends Error {}

async function channelOf(db: Database, channelId: string, deviceId?: string) {
  const [row] = await db
    .select()
    .from(videoChannels)
    .where(
      deviceId
        ? and(eq(videoChannels.channelId, channelId), eq(videoChannels.deviceId, deviceId))
        : eq(videoChannels.channelId, channelId),
    )
    .limit(1);
  return row ?? null;
}

/**
 * A video-analytics alarm into the alarm intake: the camera (a catalog channel) gives
 * the place and the name, the snapshot is stored and attached to the case.
 */
export async function receiveVideoAiEvent(db: Database, dataDir: string, event: TVideoAiEvent): Promise<AlarmOutcome> {
  const channel = await channelOf(db, event.channelId);
  if (!channel || channel.lng === null || channel.lat === null) throw new UnknownChannelError('通道不存在或没有位置');
  const snapshotAttachmentId = event.snapshot
    ? await storeMachinePhoto(db, dataDir, Buffer.from(event.snapshot, 'base64'))
    : null;
  const [outcome] = await intakeAlarms(db, [
    {
      source: 'video',
      type: event.type,
      subject: `video:${channel.channelId}`,
      subjectName: channel.name,
      confidence: event.confidence,
      lng: channel.lng,
      lat: channel.lat,
      at: event.at,
      snapshotAttachmentId,
      detail: { deviceId: channel.deviceId, channelId: channel.channelId },
    },
  ]);
  if (!outcome) throw new Error('alarm not taken');
  return outcome;
}

/** GB/T 28181 video alarms (AlarmMethod 5) whose type is a city problem: 遗留物检测 (3) → 乱堆杂物. */
const GB_VIDEO_ALARM_TYPES: Record<string, AlarmType> = { '3': 'debris' };

export async function receiveDeviceAlarm(
  db: Database,
  deviceId: string,
  alarm: DeviceAlarm,
): Promise<AlarmOutcome | null> {
  const type = alarm.method === '5' ? GB_VIDEO_ALARM_TYPES[alarm.type] : undefined;
  if (!type) return null;
  const channel = await channelOf(db, alarm.channelId, deviceId);
  const lng = channel?.lng ?? alarm.lng;
  const lat = channel?.lat ?? alarm.lat;
  if (lng === null || lat === null) return null;
  const [outcome] = await intakeAlarms(db, [
    {
      source: 'video',
      type,
      subject: `video:${alarm.channelId}`,
      subjectName: channel?.name ?? alarm.channelId,
      // The device asserts it; GB/T 28181 alarms carry no confidence.
      confidence: 1,
      lng,
      lat,
      at: alarm.at,
      detail: { deviceId, channelId: alarm.channelId, description: alarm.description, priority: alarm.priority },
    },
  ]);
  return outcome ?? null;
}
