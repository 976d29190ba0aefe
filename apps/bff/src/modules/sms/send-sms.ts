import { randomUUID } from 'node:crypto';
import type { Database } from '@citygov/db/client';
import { smsMessages } from '@citygov/db/schema/sms';
import { DomainError, ValidationError } from '@citygov/domain/errors';
import { checkSmsRateLimit, MOBILE_PHONE, type SmsPurpose, type SmsRateLimit } from '@citygov/domain/messaging/sms';
import { and, eq, gt, sql } from 'drizzle-orm';
import { type SmsConfig, SmsSendError, sendSms } from '../../adapters/sms/gateway';

export type SmsMessageRow = typeof smsMessages.$inferSelect;

/**
 * Records a message and hands it to the gateway once, under the per-number rate limit.
 * The row is committed (state `pending`) before the gateway is called, so a crash or a
 * timeout leaves a trace: a timed-out hand-over becomes `unknown` and is never sent again
 * blindly (reconcileUnknownSms asks the gateway); a refused connection is `failed` with
 * the reason. Resolves with the row as it ended.
 */
export async function sendRecordedSms(
  db: Database,
  config: { sms: SmsConfig | null; smsRateLimit: SmsRateLimit },
  input: { phone: string; purpose: SmsPurpose; template: string; params: Record<string, string> },
  now = new Date(),
): Promise<SmsMessageRow> {
  const sms = config.sms;
  if (!sms) throw new DomainError('validation', '未配置短信网关，无法发送短信', { code: 'SSO_DISABLED' });
  if (!MOBILE_PHONE.test(input.phone)) throw new ValidationError('请输入正确的手机号码', { field: 'phone' });
  const row = await db.transaction(async (tx) => {
    // One number at a time across processes, so two sends cannot both slip under the limit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sms:${input.phone}`}))`);
    const recent = await tx
      .select({ createdAt: smsMessages.createdAt })
      .from(smsMessages)
      .where(and(eq(smsMessages.phone, input.phone), gt(smsMessages.createdAt, new Date(now.getTime() - 86_400_000))));
    const verdict = checkSmsRateLimit(
      recent.map((r) => r.createdAt),
      now,
      config.smsRateLimit,
    );
    if (!verdict.allowed) throw new DomainError('validation', verdict.message, { code: 'RATE_LIMITED' });
    const [inserted] = await tx
      .insert(smsMessages)
      .values({
        outId: randomUUID().replace(/-/g, ''),
        gateway: sms.gateway,
        purpose: input.purpose,
        phone: input.phone,
        template: input.template,
        params: input.params,
        state: 'pending',
        attempts: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!inserted) throw new Error('sms message not recorded');
    return inserted;
  });
  return deliverRecorded(db, sms, row);
}

/** The one hand-over of a recorded message; the row says what came of it. */
async function deliverRecorded(db: Database, sms: SmsConfig, row: SmsMessageRow): Promise<SmsMessageRow> {
  let patch: Partial<SmsMessageRow>;
  try {
    const remoteId = await sendSms(sms, {
      phone: row.phone,
      template: row.template,
      params: row.params,
      outId: row.outId,
    });
    patch = { state: 'sent', remoteId, sentAt: new Date(), lastError: null };
  } catch (error) {
    const failure =
      error instanceof SmsSendError ? error : new SmsSendError('unknown', `短信发送结果未知：${String(error)}`);
    patch = {
      state: failure.outcome === 'unknown' ? 'unknown' : 'failed',
      lastError: failure.message,
      errCode: failure.code,
      ...(failure.outcome === 'unknown' ? {} : { finishedAt: new Date() }),
    };
  }
  // A receipt may have raced ahead of our answer (pushed before the send call returned): keep its final state.
  const [updated] = await db
    .update(smsMessages)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(smsMessages.id, row.id), sql`${smsMessages.state} in ('pending')`))
    .returning();
  if (updated) return updated;
  const [current] = await db.select().from(smsMessages).where(eq(smsMessages.id, row.id));
  if (current && !current.remoteId && patch.remoteId) {
    const [withId] = await db
      .update(smsMessages)
      .set({ remoteId: patch.remoteId, sentAt: patch.sentAt ?? null, updatedAt: new Date() })
      .where(eq(smsMessages.id, row.id))
      .returning();
    return withId ?? current;
  }
  if (!current) throw new Error(`sms message ${row.id} vanished`);
  return current;
}
