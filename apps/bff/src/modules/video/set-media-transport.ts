import type { Queryable } from '@citygov/db/client';
import { videoDevices } from '@citygov/db/schema/video';
import { NotFoundError } from '@citygov/domain/errors';
import { effectiveTransport, type MediaTransport } from '@citygov/domain/video/media-transport';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { deviceScope } from './video-queries';
import type { ZSetMediaTransportInput } from './video-schemas';

/**
 * 取流方式: a device's own media transport, or null to follow the system default. One
 * conditional update within the caller's scope (a device of another district is not
 * found, as for every video record); the procedure's transaction adds the audit row.
 * The router stops the device's running streams after the commit; the next INVITE uses the new transport.
 */
export async function setMediaTransport(
  db: Queryable,
  user: SessionUser,
  systemDefault: MediaTransport,
  input: z.infer<typeof ZSetMediaTransportInput>,
) {
  const [row] = await db
    .update(videoDevices)
    .set({ mediaTransport: input.data.mediaTransport, updatedAt: new Date() })
    .where(and(eq(videoDevices.deviceId, input.deviceId), deviceScope(user)))
    .returning({ deviceId: videoDevices.deviceId, mediaTransport: videoDevices.mediaTransport });
  if (!row) throw new NotFoundError('设备不存在或不在您的管辖范围内');
  return { ...row, effectiveTransport: effectiveTransport(row.mediaTransport, systemDefault) };
}
