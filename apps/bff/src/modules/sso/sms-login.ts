import type { Database } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { smsLoginCodes } from '@citygov/db/schema/sso';
import { DomainError } from '@citygov/domain/errors';
import { MOBILE_PHONE } from '@citygov/domain/messaging/sms';
import { maskPhone } from '@citygov/domain/personal-data';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppConfig } from '../../env';
import type { SessionUser } from '../../trpc/session-user';
import { writeAudit } from '../audit/api';
import { signInVouchedUser } from '../auth/api';
import { loginCodeHash, sendLoginCode } from '../sms/api';

const CODE_MS = 5 * 60_000;
const MAX_TRIES = 5;

export const ZSmsCodeRequestInput = z.object({
  phone: z.string().trim().regex(MOBILE_PHONE, '请输入正确的手机号码'),
});
export const ZSmsCodeLoginInput = ZSmsCodeRequestInput.extend({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '请输入 6 位验证码'),
});

const codeRefused = () =>
  new DomainError('validation', '验证码错误或已过期', { code: 'SMS_CODE_INVALID', field: 'code' });

/**
 * 短信验证码登录, step 1: a 6-digit code to the phone of an active staff account, through the
 * SMS gateway now (not the outbox: the person is waiting), under the per-number limit. The
 * answer is the same whether or not the number belongs to an account.
 */
export async function requestSmsLoginCode(
  db: Database,
  config: Pick<AppConfig, 'sms' | 'smsRateLimit'>,
  phone: string,
): Promise<{ sent: true; expiresInSeconds: number }> {
  if (!config.sms) throw new DomainError('validation', '未启用短信验证码登录', { code: 'SSO_DISABLED' });
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.phone, phone), eq(users.active, true)))
    .limit(2);
  if (account) {
    const { codeHash } = await sendLoginCode(db, config, phone);
    await db.insert(smsLoginCodes).values({
      phone,
      userId: account.id,
      codeHash,
      expiresAt: new Date(Date.now() + CODE_MS),
    });
  }
  return { sent: true, expiresInSeconds: CODE_MS / 1000 };
}

/** Step 2: the newest live code of the number, at most five tries, used once. */
export async function signInWithSmsCode(
  db: Database,
  config: Pick<AppConfig, 'sms' | 'sessionMaxMs' | 'maxSessionsPerUser'>,
  input: { phone: string; code: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; user: SessionUser }> {
  if (!config.sms) throw new DomainError('validation', '未启用短信验证码登录', { code: 'SSO_DISABLED' });
  const now = new Date();
  const userId = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(smsLoginCodes)
      .where(and(eq(smsLoginCodes.phone, input.phone), isNull(smsLoginCodes.usedAt), gt(smsLoginCodes.expiresAt, now)))
      .orderBy(desc(smsLoginCodes.createdAt))
      .limit(1)
      .for('update');
    if (!row || row.attempts >= MAX_TRIES) return null;
    if (row.codeHash !== loginCodeHash(input.phone, input.code)) {
      await tx
        .update(smsLoginCodes)
        .set({ attempts: sql`${smsLoginCodes.attempts} + 1` })
        .where(eq(smsLoginCodes.id, row.id));
      return null;
    }
    await tx.update(smsLoginCodes).set({ usedAt: now }).where(eq(smsLoginCodes.id, row.id));
    return row.userId;
  });
  if (userId === null) {
    await writeAudit(db, {
      userId: null,
      username: maskPhone(input.phone),
      action: 'auth.login',
      outcome: 'denied',
      detail: { method: 'sms_code', reason: 'wrong or expired code' },
      ip: input.ip,
      areaPath: null,
    });
    throw codeRefused();
  }
  return signInVouchedUser(db, { userId, method: 'sms_code', ip: input.ip, userAgent: input.userAgent, config });
}
