import { PERMISSIONS, type Permission, ROLES } from '@citygov/domain/permissions';
import type { SessionUser } from '../../trpc/session-user';

/** What the web app needs to know about the signed-in user. */
export function toMe(user: SessionUser) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleName: ROLES[user.role],
    position: user.position,
    areaId: user.areaId,
    areaName: user.areaName,
    areaLevel: user.areaLevel,
    departmentId: user.departmentId,
    departmentName: user.departmentName,
    permissions: [...user.permissions].filter((p): p is Permission => Object.hasOwn(PERMISSIONS, p)),
    kiosk: user.kiosk ?? null,
  };
}
