import type { Database } from '@citygov/db/client';
import { sessions, users } from '@citygov/db/schema/auth';
import { throttledMessage } from '@citygov/domain/auth/login-throttle';
import { AccountLockedError, DomainError, ValidationError } from '@citygov/domain/errors';
import bcrypt from 'bcryptjs';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { AppConfig } from '../../env';
import type { SessionUser } from '../../trpc/session-user';
import { writeAudit } from '../audit/api';
import { claimLoginAttempt, settleLoginSuccess } from './login-throttle-store';
import { requirePasswordPolicy, setUserPassword } from './passwords';

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(128),
  newPassword: z.string().min(1, '请输入新密码').max(128),
});
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

interface ChangeContext {
  ip: string | null;
  sessionId: string | null;
  config: Pick<AppConfig, 'loginThrottle' | 'passwordPolicy'>;
}

/**
 * 修改密码 by the signed-in user. The current password is checked under the same
 * throttle as a login from this address (a borrowed session must not become a way to
 * guess it); the counter has to survive a refusal, so this commits on its own and
 * writes its own log rows. The user's other sessions end; this one stays.
 */
export async function changeOwnPassword(
  db: Database,
  user: SessionUser,
  input: TChangePasswordInput,
  ctx: ChangeContext,
): Promise<{ ok: true }> {
  const { loginThrottle, passwordPolicy } = ctx.config;
  const audit = (outcome: 'ok' | 'denied' | 'failed', detail: Record<string, unknown> | null) =>
    writeAudit(db, {
      userId: user.id,
      username: user.username,
      action: 'auth.changePassword',
      outcome,
      detail,
      ip: ctx.ip,
      areaPath: user.areaPath,
    });
  const source = { name: user.username.toLowerCase(), ip: ctx.ip };
  try {
    // Rules first: a weak new password is refused without touching the current one.
    requirePasswordPolicy(input.newPassword, user.username, passwordPolicy, 'newPassword');
    const claim = await claimLoginAttempt(db, source, loginThrottle);
    if (!claim.allowed) throw new AccountLockedError(throttledMessage(claim.retryAfterMs), { code: 'LOGIN_THROTTLED' });
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    if (!row || !(await bcrypt.compare(input.currentPassword, row.hash))) {
      if (claim.remainingTries === 0) {
        throw new AccountLockedError(throttledMessage(loginThrottle.lockoutMs), { code: 'LOGIN_THROTTLED' });
      }
      throw new ValidationError('当前密码不正确', { field: 'currentPassword' });
    }
    // The right current password counts as a success even if the new one is refused below.
    await db.transaction((tx) => settleLoginSuccess(tx, source, claim, loginThrottle));
    await db.transaction(async (tx) => {
      await setUserPassword(tx, user, input.newPassword, passwordPolicy, 'newPassword');
      const others = ctx.sessionId
        ? and(eq(sessions.userId, user.id), ne(sessions.id, ctx.sessionId))
        : eq(sessions.userId, user.id);
      await tx.delete(sessions).where(others);
      await writeAudit(tx, {
        userId: user.id,
        username: user.username,
        action: 'auth.changePassword',
        outcome: 'ok',
        detail: null,
        ip: ctx.ip,
        areaPath: user.areaPath,
      });
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof DomainError) {
      await audit(error.kind === 'locked' || error.field === 'currentPassword' ? 'denied' : 'failed', {
        error: error.message,
      });
    }
    throw error;
  }
}
