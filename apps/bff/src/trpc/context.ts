import type { Database } from '@citygov/db/client';
import type { AppConfig } from '../env';
import type { LiveServices } from '../live-services';
import type { CaseFeed } from '../modules/events/api';
import type { SessionUser } from './session-user';

export type { SessionUser };

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
  /** This process's video centre and IoT hub, where they run. */
  live: LiveServices;
}
