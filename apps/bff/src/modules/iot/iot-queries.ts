import type { Queryable } from '@citygov/db/client';
import { iotDevices, iotReadings } from '@citygov/db/schema/iot';
import { NotFoundError } from '@citygov/domain/errors';
import { and, asc, eq, gte, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { alarmsOfCase } from '../alarms/api';
import { loadCaseForWork } from '../cases/api';
import { withinAreaScope } from '../org/api';

function scoped(user: SessionUser): SQL {
  return withinAreaScope(user, iotDevices.areaPath);
}

/** The registry with live values (设备, 实时数据), in the caller's scope. */
export async function listIotDevices(db: Queryable, user: SessionUser) {
  return db.select().from(iotDevices).where(scoped(user)).orderBy(asc(iotDevices.code));
}

export async function loadIotDeviceInScope(db: Queryable, user: SessionUser, id: number) {
  const [row] = await db
    .select()
    .from(iotDevices)
    .where(and(eq(iotDevices.id, id), scoped(user)));
  if (!row) throw new NotFoundError('设备不存在或不在您的管辖范围内');
  return row;
}

/** A device's readings since `since`, oldest first, at most 2,000 (a day at one a minute, plus margin). */
export async function readingsOf(db: Queryable, deviceId: number, since: Date) {
  return db
    .select({ at: iotReadings.at, value: iotReadings.value })
    .from(iotReadings)
    .where(and(eq(iotReadings.deviceId, deviceId), gte(iotReadings.at, since)))
    .orderBy(asc(iotReadings.at))
    .limit(2000);
}

/**
 * The sensor behind a case (物联网感知 cases) and its readings from six hours before its
 * first alarm on, with the alarm times, for the chart on the case; null for other cases.
 */
export async function sensorOfCase(db: Queryable, user: SessionUser, caseId: number) {
  // Sensor data is a working tool of the case's area: a reporter outside it reads the case, not the sensor.
  await loadCaseForWork(db, user, caseId);
  const alarms = (await alarmsOfCase(db, caseId)).filter((a) => a.source === 'iot');
  const first = alarms[0];
  if (!first) return null;
  const code = first.subject.replace(/^iot:/, '');
  // The case was opened in scope; the sensor is shown with it whatever the sensor's own area.
  const [device] = await db.select().from(iotDevices).where(eq(iotDevices.code, code));
  if (!device) return null;
  const since = new Date(first.at.getTime() - 6 * 3_600_000);
  return {
    device,
    readings: await readingsOf(db, device.id, since),
    alarms: alarms.map((a) => ({ at: a.at, value: a.value, outcome: a.outcome })),
  };
}
