import { ALARM_TYPE_KEYS } from '@citygov/domain/alarms/alarm-types';
import { z } from 'zod';
import type { SignatureHeaderNames } from '../../adapters/signed-json-http';

/**
 * `POST /api/alarms/batch`: machine sources (video analytics servers, sensor platforms)
 * push their alarms in batches. Signed like our other machine links (signed-json-http):
 *   hex HMAC-SHA256(secret, POST \n /api/alarms/batch \n TIMESTAMP \n IDEMPOTENCY-KEY \n hex SHA-256(body)).
 * A signature rather than a bearer key: the secret never travels, the batch cannot be
 * altered on the way, and a captured request is refused after 5 minutes.
 */
export const ALARM_BATCH_PATH = '/api/alarms/batch';
export const ALARM_HEADERS: SignatureHeaderNames = {
  key: 'x-alarm-key',
  timestamp: 'x-alarm-timestamp',
  signature: 'x-alarm-signature',
  idempotencyKey: 'idempotency-key',
};

export const MAX_ALARMS_PER_BATCH = 1_000;
/** ~1,000 alarms of ~1 KB each; snapshots travel as links, not inline. */
export const MAX_BATCH_BYTES = 2 * 1024 * 1024;

/** The batch's envelope: checked as a whole (400 when wrong); each alarm is checked on its own. */
export const ZAlarmBatch = z.object({
  alarms: z
    .array(z.unknown(), { error: '请求体应为 {"alarms": [...]}' })
    .min(1, '批次中没有告警')
    .max(MAX_ALARMS_PER_BATCH, `每批最多 ${MAX_ALARMS_PER_BATCH} 条告警`),
});

/** One alarm of a batch. A bad one is refused with its reason; the good ones are saved. */
export const ZBatchAlarm = z
  .object({
    /** The source's own id of the alarm: the same id sent again is a duplicate, saved once. */
    sourceAlarmId: z
      .string({ error: '告警编号应为文字' })
      .trim()
      .min(1, '告警编号为空')
      .max(100, '告警编号过长')
      .optional(),
    type: z.enum(ALARM_TYPE_KEYS, { error: `告警类型应为 ${ALARM_TYPE_KEYS.join('、')} 之一` }),
    /** The camera's channel id (20 digits, GB/T 28181) or the sensor's device code. */
    deviceId: z
      .string({ error: '缺少设备编号（deviceId）' })
      .trim()
      .min(1, '缺少设备编号（deviceId）')
      .max(64, '设备编号过长'),
    deviceName: z.string().trim().max(100, '设备名称过长').optional(),
    confidence: z
      .number({ error: '置信度应为 0 到 1 的数' })
      .min(0, '置信度应为 0 到 1 的数')
      .max(1, '置信度应为 0 到 1 的数')
      .optional(),
    value: z.number({ error: '读数应为数字' }).finite('读数应为数字').optional(),
    unit: z.string().max(20, '单位过长').optional(),
    lng: z.number({ error: '经度应为数字' }).min(-180, '经度超出范围').max(180, '经度超出范围').optional(),
    lat: z.number({ error: '纬度应为数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围').optional(),
    at: z.iso.datetime({ offset: true, error: '告警时间应为带时区的 ISO 8601 时间' }),
    /** Where the source keeps the snapshot (the image stays with the source; the case links it). */
    snapshotUrl: z
      .url({ protocol: /^https?$/, error: '抓拍图片地址应为 http(s) 网址' })
      .max(500, '抓拍图片地址过长')
      .optional(),
  })
  .refine((a) => (a.lng === undefined) === (a.lat === undefined), { error: '经度和纬度应同时给出' });
export type TBatchAlarm = z.infer<typeof ZBatchAlarm>;

/** What the answer says of each alarm, in the order sent. */
export interface BatchAlarmResult {
  index: number;
  sourceAlarmId: string | null;
  outcome: 'opened' | 'sighting' | 'ignored' | 'duplicate' | 'rejected';
  alarmId: number | null;
  caseNo: string | null;
  reason: string | null;
}

/** The first problem of a refused alarm, as one Chinese sentence naming the field. */
export function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '告警格式不正确';
  const field = issue.path.join('.');
  return field ? `${field}：${issue.message}` : issue.message;
}
