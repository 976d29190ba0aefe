import type { Queryable } from '@citygov/db/client';
import { videoChannels, videoDevices } from '@citygov/db/schema/video';
import { effectiveTransport, type MediaTransport } from '@citygov/domain/video/media-transport';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { CatalogItem } from '../../adapters/gb28181/catalog-items';
import type { DeviceRegistration } from '../../adapters/gb28181/gb28181-platform';
import { findGridAt } from '../geo/api';

/**
 * What the city keeps of its GB/T 28181 devices: one row per device and per catalog
 * item, written from the platform's events. Signalling state (dialogs, keepalive
 * clocks) stays in the platform; keepalive times reach the table in batches.
 */
export async function devicePassword(db: Queryable, deviceId: string, shared: string): Promise<string> {
  const [row] = await db
    .select({ password: videoDevices.password })
    .from(videoDevices)
    .where(eq(videoDevices.deviceId, deviceId));
  return row?.password ?? shared;
}

/** The 取流方式 a device's streams use: its own setting, else the system default (MEDIA_TRANSPORT). */
export async function deviceTransport(
  db: Queryable,
  deviceId: string,
  systemDefault: MediaTransport,
): Promise<MediaTransport> {
  const [row] = await db
    .select({ mediaTransport: videoDevices.mediaTransport })
    .from(videoDevices)
    .where(eq(videoDevices.deviceId, deviceId));
  return effectiveTransport(row?.mediaTransport ?? null, systemDefault);
}

export async function saveRegistration(db: Queryable, device: DeviceRegistration): Promise<void> {
  const now = new Date();
  const values = {
    transport: device.transport,
    host: device.host,
    port: device.port,
    online: true,
    registeredAt: device.registeredAt,
    expiresAt: new Date(device.registeredAt.getTime() + device.expires * 1000),
    lastKeepaliveAt: device.registeredAt,
    updatedAt: now,
  };
  await db
    .insert(videoDevices)
    .values({ deviceId: device.deviceId, ...values })
    .onConflictDoUpdate({ target: videoDevices.deviceId, set: values });
}

export async function saveOnline(db: Queryable, deviceId: string, online: boolean): Promise<void> {
  await db.update(videoDevices).set({ online, updatedAt: new Date() }).where(eq(videoDevices.deviceId, deviceId));
}

/** Writes the keepalive times gathered since the last flush, in statements of at most 2,000 devices. */
export async function flushKeepalives(db: Queryable, seen: Map<string, Date>): Promise<number> {
  const entries = [...seen.entries()];
  for (let i = 0; i < entries.length; i += 2000) {
    const rows = entries.slice(i, i + 2000).map(([id, at]) => sql`(${id}, ${at.toISOString()}::timestamptz)`);
    await db.execute(
      sql`update video_devices d set last_keepalive_at = k.at
          from (values ${sql.join(rows, sql`, `)}) as k(device_id, at)
          where d.device_id = k.device_id`,
    );
  }
  return entries.length;
}

export async function saveDeviceInfo(db: Queryable, deviceId: string, info: Record<string, string>): Promise<void> {
  await db
    .update(videoDevices)
    .set({
      name: info.DeviceName || null,
      manufacturer: info.Manufacturer || null,
      model: info.Model || null,
      firmware: info.Firmware || null,
      updatedAt: new Date(),
    })
    .where(eq(videoDevices.deviceId, deviceId));
}

/**
 * Replaces a device's catalog: items it no longer lists go, located cameras get the
 * unit grid they stand in (their data scope), and the device takes the district of
 * its first located camera.
 */
export async function saveCatalog(db: Queryable, deviceId: string, items: CatalogItem[]): Promise<void> {
  const now = new Date();
  let deviceArea: { id: number; path: string } | null = null;
  for (const item of items) {
    const grid = item.lng !== null && item.lat !== null ? await findGridAt(db, item.lng, item.lat) : null;
    if (grid && !deviceArea) {
      const [, cityId, districtId] = grid.path.split('/');
      deviceArea = { id: Number(districtId), path: `/${cityId}/${districtId}/` };
    }
    const values = {
      role: item.role,
      name: item.name,
      parentId: item.parentId,
      civilCode: item.civilCode,
      manufacturer: item.manufacturer,
      model: item.model,
      address: item.address,
      ptzType: item.ptzType,
      online: item.online,
      lng: item.lng,
      lat: item.lat,
      areaId: grid?.id ?? null,
      areaPath: grid?.path ?? null,
      updatedAt: now,
    };
    await db
      .insert(videoChannels)
      .values({ deviceId, channelId: item.channelId, ...values })
      .onConflictDoUpdate({ target: [videoChannels.deviceId, videoChannels.channelId], set: values });
  }
  const ids = items.map((i) => i.channelId);
  await db
    .delete(videoChannels)
    .where(
      ids.length > 0
        ? and(eq(videoChannels.deviceId, deviceId), notInArray(videoChannels.channelId, ids))
        : eq(videoChannels.deviceId, deviceId),
    );
  // Groups and areas without a place of their own follow the device's district.
  if (deviceArea) {
    await db
      .update(videoChannels)
      .set({ areaPath: deviceArea.path, areaId: deviceArea.id })
      .where(
        and(
          eq(videoChannels.deviceId, deviceId),
          inArray(videoChannels.role, ['group', 'area', 'other']),
          sql`${videoChannels.areaPath} is null`,
        ),
      );
  }
  await db
    .update(videoDevices)
    .set({
      channelCount: items.filter((i) => i.role === 'camera').length,
      ...(deviceArea ? { areaId: deviceArea.id, areaPath: deviceArea.path } : {}),
      updatedAt: now,
    })
    .where(eq(videoDevices.deviceId, deviceId));
}
