import type { Database } from '@citygov/db/client';
import type { Permission, Role } from '@citygov/domain/permissions';
import type { AppConfig } from '../env';
import type { CaseFeed } from '../modules/events/api';

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
}

export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options: { maxAgeMs: number }): void;
  clear(name: string): void;
}

export interface Context {
  db: Database;
  config: AppConfig;
  user: SessionUser | null;
  /** SHA-256 of the session token, when a live session came with the request. */
  sessionId: string | null;
  /** Why no user is present although a cookie was sent (expired, revoked). */
  sessionProblem: string | null;
  ip: string | null;
  userAgent: string | null;
  cookies: CookieJar;
  /** Runs after the current mutation's transaction commits. */
  afterCommit: (task: () => void) => void;
  /** This process's live feed of case changes (from the event stream), for subscriptions; null outside tRPC. */
  caseFeed: CaseFeed | null;
}
