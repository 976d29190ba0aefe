import type { Queryable } from '@citygov/db/client';
import { iotDevices } from '@citygov/db/schema/iot';
import { ConflictError, ForbiddenError, ValidationError } from '@citygov/domain/errors';
import { SENSOR_TYPES } from '@citygov/domain/iot/sensor-types';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { findGridAt } from '../geo/api';
import { coversAreaPath } from '../org/api';
import { loadIotDeviceInScope } from './iot-queries';
import type { ZCreateIotDeviceInput, ZUpdateIotDeviceInput } from './iot-schemas';

/** 新增设备: placed by its point in a unit grid of the caller's area, with the type's default thresholds unless given. */
export async function createIotDevice(db: Queryable, user: SessionUser, input: z.infer<typeof ZCreateIotDeviceInput>) {
  const grid = await findGridAt(db, input.lng, input.lat);
  if (!grid) throw new ValidationError('设备位置不在本市范围内，请在地图上重新选择');
  if (!coversAreaPath(user, grid.path)) throw new ForbiddenError('只能在本辖区内登记设备');
  const [taken] = await db.select({ id: iotDevices.id }).from(iotDevices).where(eq(iotDevices.code, input.code));
  if (taken) throw new ConflictError(`设备编号「${input.code}」已存在`, { code: 'DUPLICATE_NAME' });
  const [row] = await db
    .insert(iotDevices)
    .values({
      code: input.code,
      name: input.name,
      type: input.type,
      address: input.address || `${grid.name}附近`,
      lng: input.lng,
      lat: input.lat,
      areaId: grid.id,
      areaPath: grid.path,
      thresholds: input.thresholds ?? { ...SENSOR_TYPES[input.type].defaults },
      reportSeconds: input.reportSeconds,
    })
    .returning();
  return row;
}

/** 阈值设置: changes a device's name or thresholds; the next reading is judged by the new ones. */
export async function updateIotDevice(db: Queryable, user: SessionUser, input: z.infer<typeof ZUpdateIotDeviceInput>) {
  await loadIotDeviceInScope(db, user, input.id);
  const [row] = await db
    .update(iotDevices)
    .set({
      ...(input.data.name ? { name: input.data.name } : {}),
      ...(input.data.thresholds ? { thresholds: input.data.thresholds } : {}),
    })
    .where(eq(iotDevices.id, input.id))
    .returning();
  return row;
}
