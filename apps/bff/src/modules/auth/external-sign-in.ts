import type { Database } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { areas } from '@citygov/db/schema/org';
import { UnauthenticatedError } from '@citygov/domain/errors';
import { eq } from 'drizzle-orm';
import type { AppConfig } from '../../env';
import type { SessionUser } from '../../trpc/session-user';
import { writeAudit } from '../audit/api';
import { createSession, loadSessionUser } from './session-store';

/** How someone signed in without our password. */
export type ExternalSignInMethod = 'zzd_h5' | 'zzd_scan' | 'sms_code';

/**
 * Opens a session for a user an outside system vouched for (浙政钉 H5 or scan, an SMS code)
 * and logs it as `auth.login` with the method; an inactive account is refused and logged.
 */
export async function signInVouchedUser(
  db: Database,
  input: {
    userId: number;
    method: ExternalSignInMethod;
    ip: string | null;
    userAgent: string | null;
    config: Pick<AppConfig, 'sessionMaxMs' | 'maxSessionsPerUser'>;
    detail?: Record<string, string>;
  },
): Promise<{ token: string; user: SessionUser }> {
  const now = new Date();
  const [account] = await db
    .select({ id: users.id, username: users.username, active: users.active, areaPath: areas.path })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(eq(users.id, input.userId));
  if (!account?.active) {
    await writeAudit(db, {
      userId: account?.id ?? null,
      username: account?.username ?? `#${input.userId}`,
      action: 'auth.login',
      outcome: 'denied',
      detail: { method: input.method, reason: 'inactive' },
      ip: input.ip,
      areaPath: account?.areaPath ?? null,
    });
    throw new UnauthenticatedError('账号已停用，请联系管理员');
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, account.id));
    const session = await createSession(tx, {
      userId: account.id,
      ip: input.ip,
      userAgent: input.userAgent,
      maxAgeMs: input.config.sessionMaxMs,
      maxPerUser: input.config.maxSessionsPerUser,
    });
    const user = await loadSessionUser(tx, account.id);
    if (!user) throw new UnauthenticatedError('账号已停用，请联系管理员');
    await writeAudit(tx, {
      userId: account.id,
      username: account.username,
      action: 'auth.login',
      outcome: 'ok',
      detail: { method: input.method, ...input.detail },
      ip: input.ip,
      areaPath: account.areaPath,
    });
    return { token: session.token, user };
  });
}
