import type { Database, Queryable } from '@citygov/db/client';
import { loginThrottles } from '@citygov/db/schema/auth';
import {
  type AttemptDecision,
  type LoginThrottlePolicy,
  planLoginAttempt,
  settleSuccessfulLogin,
  type ThrottleCounter,
  type ThrottleCounters,
  type ThrottleKind,
} from '@citygov/domain/auth/login-throttle';
import { type AnyColumn, and, asc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';

/** Where an attempt comes from and what name it tries (lowercased as typed, real or not). */
export interface AttemptSource {
  name: string;
  ip: string | null;
}

type Keys = Record<ThrottleKind, string>;

function keysOf({ name, ip }: AttemptSource): Keys {
  const address = ip ?? 'unknown';
  return { account: `account:${name}`, address: `address:${address}`, pair: `pair:${name}@${address}` };
}

type Row = typeof loginThrottles.$inferSelect;

function counterOf(row: Row): ThrottleCounter {
  return {
    attempts: row.attempts,
    windowStartedAt: row.windowStartedAt,
    blockedUntil: row.blockedUntil,
    nextAttemptAt: row.nextAttemptAt,
    lastSuccessAt: row.lastSuccessAt,
  };
}

/**
 * Reads the three counters under row locks, taken in key order so that concurrent
 * attempts queue behind each other instead of deadlocking; missing rows are created first.
 */
async function lockCounters(tx: Queryable, source: AttemptSource, now: Date): Promise<ThrottleCounters> {
  const keys = keysOf(source);
  const kinds = (Object.keys(keys) as ThrottleKind[]).sort((a, b) => keys[a].localeCompare(keys[b]));
  await tx
    .insert(loginThrottles)
    .values(
      kinds.map((kind) => ({
        key: keys[kind],
        kind,
        username: kind === 'address' ? null : source.name,
        windowStartedAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, Object.values(keys)))
    .orderBy(asc(loginThrottles.key))
    .for('update');
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const read = (kind: ThrottleKind) => {
    const row = byKey.get(keys[kind]);
    if (!row) throw new Error(`login throttle row ${keys[kind]} missing`);
    return counterOf(row);
  };
  return { pair: read('pair'), address: read('address'), account: read('account') };
}

async function writeCounters(tx: Queryable, source: AttemptSource, counters: ThrottleCounters, now: Date) {
  const keys = keysOf(source);
  for (const kind of ['account', 'address', 'pair'] as const) {
    await tx
      .update(loginThrottles)
      .set({ ...counters[kind], updatedAt: now })
      .where(eq(loginThrottles.key, keys[kind]));
  }
}

/**
 * Claims one password check for this name from this address, or says why not. The claim
 * commits before the password is compared, so parallel guesses cannot outrun the count.
 * The clock is read once the counters are locked: an attempt that queued behind the one
 * that set a lock must not judge it from a time before it was set (it would be told to
 * wait a minute longer than the lock lasts).
 */
export function claimLoginAttempt(
  db: Database,
  source: AttemptSource,
  policy: LoginThrottlePolicy,
): Promise<AttemptDecision> {
  return db.transaction(async (tx) => {
    const counters = await lockCounters(tx, source, new Date());
    const now = new Date();
    const decision = planLoginAttempt(counters, now, policy);
    if (decision.allowed) await writeCounters(tx, source, decision.next, now);
    return decision;
  });
}

/** After the right password (inside the caller's transaction): see `settleSuccessfulLogin`. */
export async function settleLoginSuccess(
  tx: Queryable,
  source: AttemptSource,
  claim: { lockedAddress: boolean },
  policy: LoginThrottlePolicy,
  now = new Date(),
): Promise<void> {
  const counters = await lockCounters(tx, source, now);
  await writeCounters(tx, source, settleSuccessfulLogin(counters, claim, now, policy), now);
}

/** Forgets counters nobody touched for a day, keeping usual-address marks while they count. */
export async function sweepLoginThrottles(tx: Queryable, policy: LoginThrottlePolicy, now = new Date()) {
  const idleSince = new Date(now.getTime() - Math.max(policy.lockoutMs, 86_400_000));
  const trustedSince = new Date(now.getTime() - policy.trustedForMs);
  await tx
    .delete(loginThrottles)
    .where(
      and(
        lt(loginThrottles.updatedAt, idleSince),
        or(isNull(loginThrottles.lastSuccessAt), lt(loginThrottles.lastSuccessAt, trustedSince)),
      ),
    );
}

/** An administrator's 解锁: every address locked out of this account, and its slow-down, start again. */
export async function releaseAccountLocks(db: Queryable, username: string): Promise<void> {
  await db
    .update(loginThrottles)
    .set({ attempts: 0, blockedUntil: null, nextAttemptAt: null, updatedAt: new Date() })
    .where(eq(loginThrottles.username, username.toLowerCase()));
}

/**
 * Until when some address is locked out of the account whose username is in `column`
 * (null when none): what the user list shows as 已锁定.
 */
export function loginLockedUntil(column: AnyColumn): SQL<Date | null> {
  return sql<Date | null>`(select max(${loginThrottles.blockedUntil}) from ${loginThrottles}
    where ${loginThrottles.username} = lower(${column}) and ${loginThrottles.kind} = 'pair'
    and ${loginThrottles.blockedUntil} > now())`.mapWith(loginThrottles.blockedUntil);
}

/** Accounts (username in `column`) that some address is locked out of right now. */
export function hasLoginLock(column: AnyColumn): SQL {
  return sql`exists (select 1 from ${loginThrottles} where ${loginThrottles.username} = lower(${column})
    and ${loginThrottles.kind} = 'pair' and ${loginThrottles.blockedUntil} > now())`;
}
