import type { Database } from '@citygov/db/client';
import { iotDevices } from '@citygov/db/schema/iot';
import { areas } from '@citygov/db/schema/org';
import { SENSOR_TYPES, type SensorType } from '@citygov/domain/iot/sensor-types';
import { and, asc, count, eq, like } from 'drizzle-orm';

/** The demo city's sensors, published by `pnpm simulate` under these codes. */
export const DEMO_SENSORS: readonly { code: string; name: string; type: SensorType }[] = [
  { code: 'WL-0001', name: '江滨路下穿隧道积水点', type: 'water_level' },
  { code: 'WL-0002', name: '火车站东广场积水点', type: 'water_level' },
  { code: 'MH-0001', name: '人民路雨水井盖', type: 'manhole_tilt' },
  { code: 'MH-0002', name: '学院路污水井盖', type: 'manhole_tilt' },
  { code: 'BIN-0001', name: '滨河公园垃圾桶', type: 'bin_fill' },
  { code: 'BIN-0002', name: '临江广场垃圾桶', type: 'bin_fill' },
];

/** Places the demo sensors at unit grids of the first district, once (nothing when sensors exist). */
export async function seedDemoSensors(db: Database): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(iotDevices);
  if ((existing?.n ?? 0) > 0) return 0;
  const [district] = await db.select().from(areas).where(eq(areas.level, 'district')).orderBy(asc(areas.code)).limit(1);
  if (!district) return 0;
  const grids = await db
    .select()
    .from(areas)
    .where(and(eq(areas.level, 'grid'), like(areas.path, `${district.path}%`)))
    .orderBy(asc(areas.code))
    .limit(400);
  const inDistrict = grids;
  const rows = DEMO_SENSORS.flatMap((sensor, i) => {
    const grid = inDistrict[(i * 37) % Math.max(1, inDistrict.length)];
    if (!grid || grid.centerLng === null || grid.centerLat === null) return [];
    return [
      {
        code: sensor.code,
        name: sensor.name,
        type: sensor.type,
        address: `${grid.name} ${sensor.name}`,
        lng: grid.centerLng,
        lat: grid.centerLat,
        areaId: grid.id,
        areaPath: grid.path,
        thresholds: { ...SENSOR_TYPES[sensor.type].defaults },
        reportSeconds: 60,
      },
    ];
  });
  if (rows.length > 0) await db.insert(iotDevices).values(rows);
  return rows.length;
}
