import type { Permission, Role } from '@citygov/domain/permissions';

/** The signed-in user as every procedure sees it: identity, role and data scope. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  position: string;
  areaId: number;
  areaPath: string;
  areaName: string;
  areaLevel: string;
  departmentId: number | null;
  departmentPath: string | null;
  /** The user's department and every unit below it, resolved once per session load. */
  departmentIds: readonly number[];
  departmentName: string | null;
  permissions: ReadonlySet<Permission>;
  /** Set on a command-hall kiosk session (大屏值守): it may read the wall and nothing else (trpc/kiosk.ts). */
  kiosk?: 'wall';
}
