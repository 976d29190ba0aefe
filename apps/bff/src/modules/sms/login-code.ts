import { createHash, randomInt } from 'node:crypto';
import type { Database } from '@citygov/db/client';
import { DomainError } from '@citygov/domain/errors';
import type { SmsRateLimit } from '@citygov/domain/messaging/sms';
import type { SmsConfig } from '../../adapters/sms/gateway';
import { sendRecordedSms } from './send-sms';

/** What is stored of a sign-in code: never the code itself. */
export function loginCodeHash(phone: string, code: string): string {
  return createHash('sha256').update(`${phone}:${code}`).digest('hex');
}

/**
 * A 6-digit sign-in code to `phone` through the SMS gateway now (not the outbox: the person
 * is waiting), under the per-number limit; resolves with the hash to store. Staff 短信登录
 * and the 信息采集 owner's sign-in both send theirs here.
 */
export async function sendLoginCode(
  db: Database,
  config: { sms: SmsConfig | null; smsRateLimit: SmsRateLimit },
  phone: string,
): Promise<{ codeHash: string }> {
  if (!config.sms) throw new DomainError('validation', '未启用短信验证码', { code: 'SSO_DISABLED' });
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const message = await sendRecordedSms(db, config, {
    phone,
    purpose: 'login_code',
    template: config.sms.loginTemplate,
    params: { code },
  });
  if (message.state === 'failed') {
    throw new DomainError('validation', '短信发送失败，请稍后再试', { code: 'REMOTE_UNAVAILABLE' });
  }
  return { codeHash: loginCodeHash(phone, code) };
}
