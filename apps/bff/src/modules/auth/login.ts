import type { Database } from '@citygov/db/client';
import { sessions, users } from '@citygov/db/schema/auth';
import { AccountLockedError, UnauthenticatedError } from '@citygov/domain/errors';
import bcrypt from 'bcryptjs';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { MAX_FAILED_LOGINS } from '../../env';
import type { SessionUser } from '../../trpc/context';
import { zLine } from '../../trpc/input-types';
import { writeAudit } from '../audit/write-audit';
import { createSession, loadSessionUser } from './session-store';

export const ZLoginInput = z.object({
  username: zLine().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

// A fixed hash compared against when the user does not exist, so timing does not reveal usernames.
const DUMMY_HASH = bcrypt.hashSync('citygov-no-such-user', 10);

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/**
 * Checks the password, counts failures, locks the account after the fifth, and opens
 * a session. Failures must be committed although the call fails, so this runs its
 * own short transactions instead of the per-mutation one.
 */
export async function login(
  db: Database,
  input: TLoginInput & { ip: string | null; userAgent: string | null; lockoutMs: number; sessionMaxMs: number },
): Promise<{ token: string; user: SessionUser }> {
  const now = new Date();
  const [account] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${input.username})`);
  const audit = (outcome: 'ok' | 'denied', reason: string | null, userId: number | null) =>
    writeAudit(db, {
      userId,
      username: account?.username ?? input.username,
      action: 'auth.login',
      outcome,
      detail: reason ? { reason } : null,
      ip: input.ip,
      areaPath: null,
    });

  if (!account) {
    await bcrypt.compare(input.password, DUMMY_HASH);
    await audit('denied', 'unknown user', null);
    throw new UnauthenticatedError('用户名或密码错误');
  }
  if (account.lockedUntil && account.lockedUntil > now) {
    await audit('denied', 'locked', account.id);
    throw new AccountLockedError(
      `密码错误次数过多，账号已锁定，请 ${minutesLeft(account.lockedUntil, now)} 分钟后再试或联系管理员解锁`,
    );
  }
  const passwordOk = await bcrypt.compare(input.password, account.passwordHash);
  if (!passwordOk) {
    const failures = (account.lockedUntil ? 0 : account.failedAttempts) + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    await db
      .update(users)
      .set({
        failedAttempts: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + input.lockoutMs) : null,
      })
      .where(eq(users.id, account.id));
    await audit('denied', lock ? 'wrong password, locked' : 'wrong password', account.id);
    if (lock) {
      throw new AccountLockedError(
        `连续 ${MAX_FAILED_LOGINS} 次密码错误，账号已锁定 ${Math.round(input.lockoutMs / 60_000)} 分钟`,
      );
    }
    throw new UnauthenticatedError(`用户名或密码错误，再错 ${MAX_FAILED_LOGINS - failures} 次账号将被锁定`);
  }
  if (!account.active) {
    await audit('denied', 'inactive', account.id);
    throw new UnauthenticatedError('账号已停用，请联系管理员');
  }
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, account.id));
    const session = await createSession(tx, {
      userId: account.id,
      ip: input.ip,
      userAgent: input.userAgent,
      maxAgeMs: input.sessionMaxMs,
    });
    const user = await loadSessionUser(tx, account.id);
    if (!user) throw new UnauthenticatedError('账号已停用，请联系管理员');
    await writeAudit(tx, {
      userId: account.id,
      username: account.username,
      action: 'auth.login',
      outcome: 'ok',
      ip: input.ip,
      areaPath: user.areaPath,
    });
    return { token: session.token, user };
  });
}

export async function logout(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
