import type { Database, OpenDatabase } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { openTestDatabase } from '@citygov/db/testing/open-test-database';
import { sql } from 'drizzle-orm';
import { appRouter } from '../app-router';
import { type AppConfig, loadConfig } from '../env';
import { type LiveServices, NO_LIVE_SERVICES } from '../live-services';
import { loadSessionUser } from '../modules/auth/api';
import { type CaseFeed, createCaseFeed } from '../modules/events/api';
import type { Context, CookieJar } from '../trpc/context';
import { contextFromCookies } from '../trpc/create-context';
import { createCallerFactory } from '../trpc/procedures';

const createCaller = createCallerFactory(appRouter);

/** Records what a procedure did to cookies, as a browser would keep them. */
export class RecordingCookieJar implements CookieJar {
  readonly values = new Map<string, string>();
  get(name: string) {
    return this.values.get(name);
  }
  set(name: string, value: string) {
    this.values.set(name, value);
  }
  clear(name: string) {
    this.values.delete(name);
  }
}

export interface TestApp {
  db: Database;
  kind: OpenDatabase['kind'];
  config: AppConfig;
  /** A caller signed in as a seeded user, skipping the password check. */
  as(username: string): Promise<ReturnType<typeof createCaller>>;
  /** A caller with no session (from `ip`, 127.0.0.1 unless given). */
  anonymous(client?: { ip?: string }): ReturnType<typeof createCaller>;
  /** A caller whose session comes from the cookies, as a browser's would (from `ip`, 127.0.0.1 unless given). */
  withCookies(cookies: RecordingCookieJar, client?: { ip?: string }): Promise<ReturnType<typeof createCaller>>;
  userId(username: string): Promise<number>;
  /** The live case feed the callers' subscriptions read (the event stream, as in one BFF process). */
  caseFeed: CaseFeed;
  /** The video centre and IoT hub the callers reach; a test starts the ones it needs and sets them here. */
  live: LiveServices;
  close(): Promise<void>;
}

export function contextFor(
  db: Database,
  config: AppConfig,
  caseFeed: CaseFeed,
  partial: Partial<Context> = {},
): Context {
  return {
    db,
    config,
    user: null,
    sessionId: null,
    sessionProblem: null,
    ip: '127.0.0.1',
    userAgent: 'vitest',
    cookies: new RecordingCookieJar(),
    afterCommit: (task) => task(),
    caseFeed,
    live: NO_LIVE_SERVICES,
    ...partial,
  };
}

/** Opens a private clone of the seeded demo city and builds callers on it; `env` overrides settings. */
export async function openTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return testAppOn(await openTestDatabase(), env);
}

/**
 * Callers on a database opened elsewhere (the fuzz CLI, outside vitest, migrates and
 * seeds its own); closing the app closes that database.
 */
export function testAppOn(open: OpenDatabase, env: Record<string, string> = {}): TestApp {
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const caseFeed = createCaseFeed(open.db);
  const live: LiveServices = { video: null, iot: null };
  const userId = async (username: string) => {
    const [row] = await open.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`);
    if (!row) throw new Error(`no seeded user ${username}`);
    return row.id;
  };
  return {
    db: open.db,
    kind: open.kind,
    config,
    userId,
    async as(username) {
      const user = await loadSessionUser(open.db, await userId(username));
      if (!user) throw new Error(`user ${username} is inactive`);
      return createCaller(contextFor(open.db, config, caseFeed, { user, live }));
    },
    anonymous(client = {}) {
      return createCaller(contextFor(open.db, config, caseFeed, { ip: client.ip ?? '127.0.0.1', live }));
    },
    async withCookies(cookies, client = {}) {
      const from = { ip: client.ip ?? '127.0.0.1', userAgent: 'vitest' };
      return createCaller(await contextFromCookies(open.db, config, cookies, from, caseFeed, live));
    },
    caseFeed,
    live,
    close: async () => {
      await live.video?.stop();
      await live.iot?.stop();
      await caseFeed.close();
      await open.close();
    },
  };
}
