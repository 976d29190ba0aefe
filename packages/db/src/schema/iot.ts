import { SENSOR_TYPE_KEYS, type SensorThresholds } from '@citygov/domain/iot/sensor-types';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { oneOf } from './one-of';
import { areas } from './org';

/**
 * IoT sensors of the hub (智联网): flood-point water level, manhole-cover tilt, bin
 * fill. A device reports over MQTT by its `code`; its state (normal / alarm) and
 * last value are kept here, readings in `iot_readings`.
 */
export const iotDevices = pgTable(
  'iot_devices',
  {
    id: serial('id').primaryKey(),
    /** The id it publishes under (MQTT topic citygov/iot/<code>/reading). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: SENSOR_TYPE_KEYS }).notNull(),
    address: text('address').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    areaPath: text('area_path').notNull(),
    thresholds: jsonb('thresholds').$type<SensorThresholds>().notNull(),
    /** Expected seconds between readings; offline after three missed. */
    reportSeconds: integer('report_seconds').notNull().default(60),
    state: text('state', { enum: ['normal', 'alarm'] })
      .notNull()
      .default('normal'),
    online: boolean('online').notNull().default(false),
    lastValue: doublePrecision('last_value'),
    lastReadingAt: timestamp('last_reading_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('iot_devices_code_uq').on(t.code),
    check('iot_devices_type_check', oneOf(t.type, SENSOR_TYPE_KEYS)),
    check('iot_devices_state_check', oneOf(t.state, ['normal', 'alarm'])),
    // Scoped device lists.
    index('iot_devices_area_path_idx').using('btree', sql`${t.areaPath} text_pattern_ops`),
  ],
);

/** Readings, for live values and history charts; ~1 a minute a device. */
export const iotReadings = pgTable(
  'iot_readings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deviceId: integer('device_id')
      .notNull()
      .references(() => iotDevices.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    value: doublePrecision('value').notNull(),
  },
  // A device's history over a time range (charts).
  (t) => [index('iot_readings_device_at_idx').on(t.deviceId, t.at)],
);
