import type { Database } from '@citygov/db/client';
import { sessions, users } from '@citygov/db/schema/auth';
import { areas } from '@citygov/db/schema/org';
import { throttledMessage, wrongPasswordMessage } from '@citygov/domain/auth/login-throttle';
import { isPasswordExpired } from '@citygov/domain/auth/password-policy';
import { AccountLockedError, DomainError, ForbiddenError, UnauthenticatedError } from '@citygov/domain/errors';
import bcrypt from 'bcryptjs';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppConfig } from '../../env';
import { zLine } from '../../trpc/input-types';
import type { SessionUser } from '../../trpc/session-user';
import { writeAudit } from '../audit/api';
import { claimLoginAttempt, settleLoginSuccess, sweepLoginThrottles } from './login-throttle-store';
import { BCRYPT_COST, setUserPassword } from './passwords';
import { asWallKiosk, createSession, loadSessionUser } from './session-store';

export const ZLoginInput = z.object({
  username: zLine().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
  /** Only when the password has expired: the new one, set in the same step as signing in. */
  newPassword: z.string().min(1, '请输入新密码').max(128).optional(),
  /** 大屏值守: a session for the command-hall wall only, which does not idle out (docs/security.md). */
  kiosk: z.literal('wall', { error: '不支持的登录方式' }).optional(),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

// Compared against when the name is unknown, at the same cost, so timing does not tell names apart.
const DUMMY_HASH = bcrypt.hashSync('citygov-no-such-user', BCRYPT_COST);

type LoginConfig = Pick<
  AppConfig,
  'loginThrottle' | 'passwordPolicy' | 'sessionMaxMs' | 'wallKioskMaxMs' | 'maxSessionsPerUser'
>;

export interface LoginRequest extends TLoginInput {
  ip: string | null;
  userAgent: string | null;
  config: LoginConfig;
}

async function findAccount(db: Database, name: string) {
  const [account] = await db
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      passwordChangedAt: users.passwordChangedAt,
      active: users.active,
      areaPath: areas.path,
    })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(sql`lower(${users.username}) = ${name}`);
  return account ?? null;
}

/**
 * Checks the password under the login throttle and opens a session. The throttle's
 * counters and the log rows of failures must be committed although the call fails, so
 * this runs its own short transactions instead of the per-mutation one. Unknown names
 * go through the same counters, the same bcrypt cost and the same messages as real ones.
 */
export async function login(db: Database, input: LoginRequest): Promise<{ token: string; user: SessionUser }> {
  const { config } = input;
  const now = new Date();
  const name = input.username.trim().toLowerCase();
  const source = { name, ip: input.ip };
  const account = await findAccount(db, name);
  // Rows about a real account carry its area, so the district's administrator sees them.
  const audit = (outcome: 'ok' | 'denied' | 'failed', reason: string) =>
    writeAudit(db, {
      userId: account?.id ?? null,
      username: account?.username ?? input.username,
      action: 'auth.login',
      outcome,
      detail: { reason },
      ip: input.ip,
      areaPath: account?.areaPath ?? null,
    });

  const claim = await claimLoginAttempt(db, source, config.loginThrottle);
  if (!claim.allowed) {
    await audit('denied', `throttled by ${claim.by}`);
    throw new AccountLockedError(throttledMessage(claim.retryAfterMs), { code: 'LOGIN_THROTTLED' });
  }
  const matches = await bcrypt.compare(input.password, account?.passwordHash ?? DUMMY_HASH);
  if (!account || !matches) {
    await audit('denied', account ? 'wrong password' : 'unknown user');
    if (claim.remainingTries === 0) {
      throw new AccountLockedError(throttledMessage(config.loginThrottle.lockoutMs), { code: 'LOGIN_THROTTLED' });
    }
    throw new UnauthenticatedError(wrongPasswordMessage(claim.remainingTries, config.loginThrottle.lockoutMs));
  }

  await db.transaction((tx) => settleLoginSuccess(tx, source, claim, config.loginThrottle, now));
  if (!account.active) {
    await audit('denied', 'inactive');
    throw new UnauthenticatedError('账号已停用，请联系管理员');
  }
  const expired = isPasswordExpired(account.passwordChangedAt, now, config.passwordPolicy);
  if (expired && !input.newPassword) {
    await audit('denied', 'password expired');
    throw new UnauthenticatedError('密码已过期，请设置新密码后登录', { code: 'PASSWORD_EXPIRED' });
  }
  try {
    return await db.transaction(async (tx) => {
      // Locks the user's row first, so the session cap below counts one login at a time.
      await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, account.id));
      if (expired && input.newPassword) {
        await setUserPassword(tx, account, input.newPassword, config.passwordPolicy, 'newPassword');
        await tx.delete(sessions).where(eq(sessions.userId, account.id));
      }
      const session = await createSession(tx, {
        userId: account.id,
        ip: input.ip,
        userAgent: input.userAgent,
        maxAgeMs: input.kiosk ? config.wallKioskMaxMs : config.sessionMaxMs,
        maxPerUser: config.maxSessionsPerUser,
        ...(input.kiosk ? { kiosk: input.kiosk } : {}),
      });
      const user = await loadSessionUser(tx, account.id);
      if (!user) throw new UnauthenticatedError('账号已停用，请联系管理员');
      // Only a role that may see the wall may leave a wall signed in (the transaction rolls the session back).
      if (input.kiosk && !user.permissions.has('dashboard.view')) {
        throw new ForbiddenError('该账号没有查看指挥大屏的权限，不能进行大屏值守登录');
      }
      await sweepLoginThrottles(tx, config.loginThrottle, now);
      await writeAudit(tx, {
        userId: account.id,
        username: account.username,
        action: 'auth.login',
        outcome: 'ok',
        detail: expired
          ? { reason: 'expired password changed', ...(input.kiosk ? { kiosk: input.kiosk } : {}) }
          : input.kiosk
            ? { kiosk: input.kiosk }
            : null,
        ip: input.ip,
        areaPath: account.areaPath,
      });
      return { token: session.token, user: input.kiosk ? asWallKiosk(user) : user };
    });
  } catch (error) {
    if (error instanceof DomainError) await audit('failed', error.message);
    throw error;
  }
}

export async function logout(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
