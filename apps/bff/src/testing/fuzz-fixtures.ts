import { sessions, users } from '@citygov/db/schema/auth';
import { cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import { asc, eq, inArray } from 'drizzle-orm';
import type { AppConfig } from '../env';
import { releaseAccountLocks } from '../modules/auth/api';
import { createSession, SESSION_COOKIE } from '../modules/auth/session-store';
import { DEMO_API_KEY } from '../modules/open311/api-keys';
import { type Targets, targetsIn } from './procedure-samples';
import type { TestApp } from './test-app';

/**
 * What the fuzzer needs of the seeded city: the records the procedure samples name, a
 * few more for the HTTP routes, and one session per role that it keeps alive however
 * the fuzzed calls treat those accounts (a fuzzed `users.setActive`, `users.resetPassword`
 * or `auth.logout` may well hit them: the accounts are put back between batches).
 */
export interface FuzzFixtures {
  targets: Targets;
  open311Key: string;
  videoAiKey: string;
  serviceCode: string;
  /** A case of the district, its public tracking code filled in once the server is up. */
  caseNo: string;
  trackingCode: string;
  channelId: string;
  /** Session cookies by account; `restore` mends accounts and sessions the run broke. */
  cookieOf(username: string): string;
  restore(): Promise<void>;
}

export async function fuzzFixtures(
  app: TestApp,
  config: AppConfig,
  usernames: readonly string[],
): Promise<FuzzFixtures> {
  const districts = await app.db.select().from(areas).where(eq(areas.level, 'district')).orderBy(asc(areas.code));
  const targets = await targetsIn(app, districts[0]?.code ?? '', 'linjiang');
  // The samples' user is a stranger to the run, so a fuzzed password reset hits nobody the run signs in as.
  const admin = await app.as('admin');
  await admin.users.create({
    username: 'fuzz.target',
    displayName: '模糊测试对象',
    password: 'Fuzz-Target-2026',
    role: 'collector',
    areaId: targets.districtId,
    position: '',
  });
  targets.userId = await app.userId('fuzz.target');
  const [reported] = await app.db.select().from(cases).where(eq(cases.id, targets.caseId));

  const accounts = await app.db
    .select()
    .from(users)
    .where(inArray(users.username, [...usernames]));
  const tokens = new Map<string, { token: string; id: string }>();
  const mint = async (userId: number) =>
    createSession(app.db, {
      userId,
      ip: '127.0.0.1',
      userAgent: 'citygov-fuzz',
      maxAgeMs: config.sessionMaxMs,
      maxPerUser: config.maxSessionsPerUser,
    });
  for (const account of accounts) tokens.set(account.username, await mint(account.id));

  return {
    targets,
    open311Key: DEMO_API_KEY,
    videoAiKey: config.videoAiKey,
    serviceCode: 'event-06001',
    caseNo: reported?.caseNo ?? '',
    trackingCode: reported?.trackingCode ?? '',
    channelId: targets.camera.channelId,
    cookieOf(username) {
      const session = tokens.get(username);
      return session ? `${SESSION_COOKIE}=${session.token}` : '';
    },
    async restore() {
      for (const { id, ...row } of accounts) {
        await app.db.update(users).set(row).where(eq(users.id, id));
        await releaseAccountLocks(app.db, row.username);
        const session = tokens.get(row.username);
        const [open] = session ? await app.db.select().from(sessions).where(eq(sessions.id, session.id)) : [];
        if (!open) tokens.set(row.username, await mint(id));
      }
    },
  };
}
