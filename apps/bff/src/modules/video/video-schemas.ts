import { MEDIA_TRANSPORT_LABELS, MEDIA_TRANSPORTS } from '@citygov/domain/video/media-transport';
import { z } from 'zod';
import { zBigId, zInstant } from '../../trpc/input-types';

const zGbId = (what: string) => z.string().regex(/^\d{20}$/, `${what}应为20位数字`);

export const ZCameraInput = z.object({ deviceId: zGbId('设备编码'), channelId: zGbId('通道编码') });

export const ZPtzInput = ZCameraInput.extend({
  action: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('move'),
      direction: z.enum(['up', 'down', 'left', 'right', 'upLeft', 'upRight', 'downLeft', 'downRight']).optional(),
      zoom: z.enum(['in', 'out']).optional(),
      speed: z.number().int().min(1).max(255).default(128),
    }),
    z.object({ kind: z.literal('stop') }),
    z.object({
      kind: z.literal('preset'),
      op: z.enum(['set', 'call', 'delete']),
      preset: z.number().int().min(1, '预置位号应为1～255').max(255, '预置位号应为1～255'),
    }),
  ]),
});

export const ZRecordsInput = ZCameraInput.extend({ start: zInstant, end: zInstant }).refine(
  (v) => v.end > v.start && v.end.getTime() - v.start.getTime() <= 7 * 86_400_000,
  { message: '查询时段应在7天以内，且结束晚于开始', path: ['end'] },
);

export const ZPlaybackInput = ZRecordsInput;

export const ZReleaseInput = z.object({ token: z.string().min(16).max(64) });

export const ZNearCaseInput = z.object({ caseId: zBigId });

/** 取流方式 of one device; null follows the system default again. */
export const ZSetMediaTransportInput = z.object({
  deviceId: zGbId('设备编码'),
  data: z.object({
    mediaTransport: z
      .enum(MEDIA_TRANSPORTS, { error: `取流方式应为 ${Object.values(MEDIA_TRANSPORT_LABELS).join('、')} 之一` })
      .nullable(),
  }),
});
