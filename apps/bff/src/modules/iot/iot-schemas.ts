import { SENSOR_TYPE_KEYS } from '@citygov/domain/iot/sensor-types';
import { z } from 'zod';
import { zId, zLine } from '../../trpc/input-types';

export const ZThresholds = z
  .object({ alarmAbove: z.number().finite(), clearBelow: z.number().finite() })
  .refine((t) => t.clearBelow <= t.alarmAbove, { message: '解除值不能高于告警值', path: ['clearBelow'] });

export const ZCreateIotDeviceInput = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{2,40}$/, '设备编号只能含字母、数字、-、_（2～40位）'),
  name: zLine().min(2, '请填写设备名称').max(60),
  type: z.enum(SENSOR_TYPE_KEYS),
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  address: zLine().max(120).optional(),
  thresholds: ZThresholds.optional(),
  reportSeconds: z.number().int().min(5).max(86_400).default(60),
});

export const ZUpdateIotDeviceInput = z.object({
  id: zId,
  data: z
    .object({ name: zLine().min(2).max(60).optional(), thresholds: ZThresholds.optional() })
    // Nothing to change is a mistake in the request, not an empty update for the database to refuse.
    .refine((d) => d.name !== undefined || d.thresholds !== undefined, { message: '请修改设备名称或阈值' }),
});

export const ZReadingsInput = z.object({ id: zId, hours: z.number().int().min(1).max(168).default(24) });
