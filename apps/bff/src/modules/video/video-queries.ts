import type { Queryable } from '@citygov/db/client';
import { areas } from '@citygov/db/schema/org';
import { videoChannels, videoDevices } from '@citygov/db/schema/video';
import { NotFoundError } from '@citygov/domain/errors';
import { effectiveTransport, type MediaTransport } from '@citygov/domain/video/media-transport';
import { and, asc, between, eq, inArray, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { withinAreaScope } from '../org/api';

/** City-level staff see every device, also those not yet placed; others those of their area. */
function scoped(
  user: SessionUser,
  column: typeof videoDevices.areaPath | typeof videoChannels.areaPath,
): SQL | undefined {
  return user.areaLevel === 'city' ? undefined : withinAreaScope(user, column);
}

/** The devices the caller may see or administer. */
export function deviceScope(user: SessionUser): SQL | undefined {
  return scoped(user, videoDevices.areaPath);
}

/** The devices and catalog items the caller may see: the tree by area (district) and organisation (groups). */
export async function videoTree(db: Queryable, user: SessionUser, defaultTransport: MediaTransport) {
  const rows = await db
    .select({
      deviceId: videoDevices.deviceId,
      name: videoDevices.name,
      manufacturer: videoDevices.manufacturer,
      model: videoDevices.model,
      transport: videoDevices.transport,
      mediaTransport: videoDevices.mediaTransport,
      online: videoDevices.online,
      lastKeepaliveAt: videoDevices.lastKeepaliveAt,
      channelCount: videoDevices.channelCount,
      areaId: videoDevices.areaId,
      areaName: areas.name,
    })
    .from(videoDevices)
    .leftJoin(areas, eq(areas.id, videoDevices.areaId))
    .where(deviceScope(user))
    .orderBy(asc(videoDevices.deviceId));
  const devices = rows.map((d) => ({
    ...d,
    effectiveTransport: effectiveTransport(d.mediaTransport, defaultTransport),
  }));
  const ids = devices.map((d) => d.deviceId);
  const online = new Map(devices.map((d) => [d.deviceId, d.online]));
  const channels =
    ids.length === 0
      ? []
      : await db
          .select({
            deviceId: videoChannels.deviceId,
            channelId: videoChannels.channelId,
            role: videoChannels.role,
            name: videoChannels.name,
            parentId: videoChannels.parentId,
            ptzType: videoChannels.ptzType,
            online: videoChannels.online,
            lng: videoChannels.lng,
            lat: videoChannels.lat,
          })
          .from(videoChannels)
          .where(and(inArray(videoChannels.deviceId, ids), scoped(user, videoChannels.areaPath)))
          .orderBy(asc(videoChannels.deviceId), asc(videoChannels.channelId));
  return {
    /** The system's 取流方式 (MEDIA_TRANSPORT), which devices without their own follow. */
    defaultTransport,
    devices,
    // A camera plays only while its device is online.
    channels: channels.map((c) => ({ ...c, online: c.online && (online.get(c.deviceId) ?? false) })),
  };
}

/** A camera the caller may see, with its device; refused as not found otherwise (nothing said about other districts). */
export async function loadCameraInScope(db: Queryable, user: SessionUser, deviceId: string, channelId: string) {
  const [row] = await db
    .select({ channel: videoChannels, deviceOnline: videoDevices.online })
    .from(videoChannels)
    .innerJoin(videoDevices, eq(videoDevices.deviceId, videoChannels.deviceId))
    .where(
      and(
        eq(videoChannels.deviceId, deviceId),
        eq(videoChannels.channelId, channelId),
        eq(videoChannels.role, 'camera'),
        scoped(user, videoChannels.areaPath),
      ),
    );
  if (!row) throw new NotFoundError('摄像机不存在或不在您的管辖范围内');
  return row;
}

/** Metres between two WGS-84 points (haversine). */
export function distanceMetres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Cameras within `radius` metres of a point, nearest first (a bounding box on the lat/lng index, then exact). */
export async function camerasNear(db: Queryable, user: SessionUser, point: { lng: number; lat: number }, radius = 800) {
  const dLat = radius / 111_000;
  const dLng = radius / (111_000 * Math.cos((point.lat * Math.PI) / 180));
  const rows = await db
    .select({
      deviceId: videoChannels.deviceId,
      channelId: videoChannels.channelId,
      name: videoChannels.name,
      ptzType: videoChannels.ptzType,
      online: videoChannels.online,
      deviceOnline: videoDevices.online,
      lng: videoChannels.lng,
      lat: videoChannels.lat,
    })
    .from(videoChannels)
    .innerJoin(videoDevices, eq(videoDevices.deviceId, videoChannels.deviceId))
    .where(
      and(
        eq(videoChannels.role, 'camera'),
        between(videoChannels.lat, point.lat - dLat, point.lat + dLat),
        between(videoChannels.lng, point.lng - dLng, point.lng + dLng),
        scoped(user, videoChannels.areaPath),
      ),
    );
  return rows
    .map((r) => ({
      deviceId: r.deviceId,
      channelId: r.channelId,
      name: r.name,
      ptzType: r.ptzType,
      online: r.online && r.deviceOnline,
      lng: r.lng ?? 0,
      lat: r.lat ?? 0,
      distance: Math.round(distanceMetres(point, { lng: r.lng ?? 0, lat: r.lat ?? 0 })),
    }))
    .filter((r) => r.distance <= radius)
    .sort((a, b) => a.distance - b.distance);
}

/** Every located camera in scope (the case map's camera layer). */
export async function camerasOnMap(db: Queryable, user: SessionUser) {
  const rows = await db
    .select({
      deviceId: videoChannels.deviceId,
      channelId: videoChannels.channelId,
      name: videoChannels.name,
      online: videoChannels.online,
      lng: videoChannels.lng,
      lat: videoChannels.lat,
    })
    .from(videoChannels)
    .where(and(eq(videoChannels.role, 'camera'), scoped(user, videoChannels.areaPath)))
    .limit(5000);
  return rows.filter((r) => r.lng !== null && r.lat !== null);
}
