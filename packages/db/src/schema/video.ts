import { MEDIA_TRANSPORTS } from '@citygov/domain/video/media-transport';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { oneOf } from './one-of';
import { areas } from './org';

/**
 * GB/T 28181 devices (cameras, NVRs, lower platforms) that registered with our SIP
 * server. Sized for tens of thousands. Keepalives are held in memory and written
 * here in batches, so a keepalive is not a write.
 */
export const videoDevices = pgTable(
  'video_devices',
  {
    id: serial('id').primaryKey(),
    /** The device's 20-digit code. */
    deviceId: text('device_id').notNull(),
    name: text('name'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    firmware: text('firmware'),
    /** Where it signals from (as seen by us), and over which transport. */
    transport: text('transport', { enum: ['UDP', 'TCP'] }).notNull(),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    /** 取流方式 of its streams (UDP, TCP 被动, TCP 主动); null → the system default (MEDIA_TRANSPORT). */
    mediaTransport: text('media_transport', { enum: MEDIA_TRANSPORTS }),
    /** Its own password (per-device digest); null → the platform's shared one. */
    password: text('password'),
    online: boolean('online').notNull().default(false),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastKeepaliveAt: timestamp('last_keepalive_at', { withTimezone: true }),
    channelCount: integer('channel_count').notNull().default(0),
    /** Scope: the district (or smaller area) the device serves; null until its first located channel. */
    areaId: integer('area_id').references(() => areas.id),
    areaPath: text('area_path'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('video_devices_device_id_uq').on(t.deviceId),
    check('video_devices_media_transport_check', oneOf(t.mediaTransport, MEDIA_TRANSPORTS)),
    // Scoped device lists (a district's staff see their district's devices).
    index('video_devices_area_path_idx').using('btree', sql`${t.areaPath} text_pattern_ops`),
  ],
);

/**
 * Catalog items of a device (目录): cameras, and the business groups and virtual
 * organisations that arrange them. One row per (device, item id).
 */
export const videoChannels = pgTable(
  'video_channels',
  {
    id: serial('id').primaryKey(),
    deviceId: text('device_id').notNull(),
    channelId: text('channel_id').notNull(),
    /** camera | group (业务分组 / 虚拟组织) | area (行政区划 node) | other. */
    role: text('role', { enum: ['camera', 'group', 'area', 'other'] }).notNull(),
    name: text('name').notNull(),
    /** The item's parent in the device's tree (ParentID, or BusinessGroupID), if any. */
    parentId: text('parent_id'),
    civilCode: text('civil_code'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    address: text('address'),
    /** PTZType: 1 dome, 2 half-dome, 3 fixed, 4 remote-controlled fixed; null unknown. */
    ptzType: integer('ptz_type'),
    online: boolean('online').notNull().default(false),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    areaId: integer('area_id').references(() => areas.id),
    areaPath: text('area_path'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('video_channels_device_channel_uq').on(t.deviceId, t.channelId),
    // The tree and camera lists within a scope.
    index('video_channels_area_path_idx').using('btree', sql`${t.areaPath} text_pattern_ops`),
    // Cameras near a case: a bounding box around its point.
    index('video_channels_lat_lng_idx').on(t.lat, t.lng).where(sql`${t.role} = 'camera'`),
  ],
);
