import type { Database } from '@citygov/db/client';
import { externalAccounts } from '@citygov/db/schema/sso';
import { ConflictError, DomainError, UnauthenticatedError } from '@citygov/domain/errors';
import { eq } from 'drizzle-orm';
import { userByAuthCode, userByScanCode, type ZzdConfig, ZzdError } from '../../adapters/zzd/client';
import { identityOf } from '../../adapters/zzd/mapper';
import type { AppConfig } from '../../env';
import type { SessionUser } from '../../trpc/session-user';
import { writeAudit } from '../audit/api';
import { hashToken, login, logout, signInVouchedUser } from '../auth/api';
import { createBindTicket, readBindTicket } from './bind-ticket';
import { boundUserOf } from './external-accounts';

type SignInConfig = Pick<
  AppConfig,
  'zzd' | 'sessionMaxMs' | 'maxSessionsPerUser' | 'loginThrottle' | 'passwordPolicy' | 'wallKioskMaxMs'
>;

export type ZzdSignInOutcome =
  | { kind: 'signed-in'; token: string; user: SessionUser }
  /** Nobody is bound to this 浙政钉 account: sign in once with our password to bind (the ticket says who). */
  | { kind: 'must-bind'; ticket: string; name: string };

export function requireZzd(config: Pick<AppConfig, 'zzd'>): ZzdConfig {
  if (!config.zzd) throw new DomainError('validation', '未启用浙政钉登录', { code: 'SSO_DISABLED' });
  return config.zzd;
}

/**
 * 浙政钉 sign-in, H5 (auth code from the JSAPI) or PC scan (code from /oauth2/auth.htm):
 * the code → the 浙政钉 user → the bound account → a session; an unbound user gets a
 * binding ticket instead. The platform's refusals become a Chinese message, never a 500.
 */
export async function signInWithZzd(
  db: Database,
  config: SignInConfig,
  input: { code: string; via: 'h5' | 'scan'; ip: string | null; userAgent: string | null },
): Promise<ZzdSignInOutcome> {
  const zzd = requireZzd(config);
  let remote: Awaited<ReturnType<typeof userByAuthCode>>;
  try {
    remote = input.via === 'h5' ? await userByAuthCode(zzd, input.code) : await userByScanCode(zzd, input.code);
  } catch (error) {
    if (error instanceof ZzdError) {
      throw new UnauthenticatedError(`浙政钉登录失败：${error.message.replace(/^浙政钉接口 \S+ 调用失败：/, '')}`);
    }
    console.error('[sso] 浙政钉 sign-in failed:', error);
    throw new DomainError('validation', '浙政钉暂时无法连接，请稍后再试或使用账号密码登录', {
      code: 'REMOTE_UNAVAILABLE',
    });
  }
  const identity = identityOf(remote);
  const userId = await boundUserOf(db, identity);
  if (userId === null) {
    return { kind: 'must-bind', ticket: createBindTicket(zzd.appSecret, identity), name: identity.name };
  }
  const method = input.via === 'h5' ? 'zzd_h5' : 'zzd_scan';
  const signedIn = await signInVouchedUser(db, {
    userId,
    method,
    ip: input.ip,
    userAgent: input.userAgent,
    config,
    detail: { zzdAccountId: identity.accountId },
  });
  await db.update(externalAccounts).set({ lastLoginAt: new Date() }).where(eq(externalAccounts.userId, userId));
  return { kind: 'signed-in', ...signedIn };
}

/**
 * First-login binding: the person 浙政钉 vouched for (the ticket) signs in once with our
 * username and password (under the login throttle, logged as auth.login); the binding is
 * recorded and logged as `sso.bind`. An account already bound to another 浙政钉 user is refused.
 */
export async function bindZzdAndSignIn(
  db: Database,
  config: SignInConfig,
  input: { ticket: string; username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; user: SessionUser }> {
  const zzd = requireZzd(config);
  const identity = readBindTicket(zzd.appSecret, input.ticket);
  if (!identity) {
    throw new DomainError('validation', '绑定凭据无效或已过期，请重新扫码登录', {
      code: 'SSO_BIND_REQUIRED',
      field: 'ticket',
    });
  }
  const signedIn = await login(db, {
    username: input.username,
    password: input.password,
    ip: input.ip,
    userAgent: input.userAgent,
    config,
  });
  try {
    await db.transaction(async (tx) => {
      const [taken] = await tx.select().from(externalAccounts).where(eq(externalAccounts.userId, signedIn.user.id));
      if (taken && taken.accountId !== identity.accountId) {
        throw new ConflictError('该账号已绑定其他浙政钉账号，请联系管理员解除绑定');
      }
      if (!taken) {
        await tx.insert(externalAccounts).values({
          provider: 'zzd',
          accountId: identity.accountId,
          employeeCode: identity.employeeCode,
          displayName: identity.name,
          userId: signedIn.user.id,
          boundBy: 'password',
          lastLoginAt: new Date(),
        });
      }
      await writeAudit(tx, {
        userId: signedIn.user.id,
        username: signedIn.user.username,
        action: 'sso.bind',
        outcome: 'ok',
        detail: { provider: 'zzd', zzdAccountId: identity.accountId, employeeCode: identity.employeeCode ?? '' },
        ip: input.ip,
        areaPath: signedIn.user.areaPath,
      });
    });
  } catch (error) {
    // The password was right but binding failed: end the session it opened.
    await logout(db, hashToken(signedIn.token));
    throw error;
  }
  return signedIn;
}
