import type { Database } from '@citygov/db/client';
import { smsMessages } from '@citygov/db/schema/sms';
import { and, asc, eq, lt } from 'drizzle-orm';
import { querySmsStatus, type SmsConfig } from '../../adapters/sms/gateway';

/**
 * Settles messages whose hand-over timed out (state `unknown`) by asking the gateway, by
 * our out id, instead of sending again: found and delivered/failed → that state; found
 * and waiting → `sent`; not found after `giveUpAfterMs` → `failed` (it never arrived, so a
 * new send is safe and up to the caller). A timed job of the outbox runs this.
 */
export async function reconcileUnknownSms(
  db: Database,
  sms: SmsConfig | null,
  options: { limit?: number; giveUpAfterMs?: number; now?: Date } = {},
): Promise<{ asked: number; settled: number }> {
  if (!sms) return { asked: 0, settled: 0 };
  const now = options.now ?? new Date();
  const rows = await db
    .select()
    .from(smsMessages)
    .where(and(eq(smsMessages.state, 'unknown'), eq(smsMessages.gateway, sms.gateway)))
    .orderBy(asc(smsMessages.updatedAt))
    .limit(options.limit ?? 100);
  let settled = 0;
  for (const row of rows) {
    const status = await querySmsStatus(sms, row).catch(() => undefined);
    if (status === undefined) continue;
    let patch: Partial<typeof smsMessages.$inferInsert> | null = null;
    if (status) {
      patch = {
        state: status.state,
        remoteId: status.remoteId ?? row.remoteId,
        errCode: status.errCode,
        ...(status.state === 'sent' ? {} : { finishedAt: now }),
      };
    } else if (now.getTime() - row.createdAt.getTime() > (options.giveUpAfterMs ?? 600_000)) {
      patch = { state: 'failed', lastError: '短信网关查无此条：未送达网关', finishedAt: now };
    }
    if (!patch) continue;
    const changed = await db
      .update(smsMessages)
      .set({ ...patch, updatedAt: now })
      .where(and(eq(smsMessages.id, row.id), eq(smsMessages.state, 'unknown')))
      .returning({ id: smsMessages.id });
    settled += changed.length;
  }
  return { asked: rows.length, settled };
}

/** Messages sent earlier than `before` still waiting for a receipt (for the admin view). */
export function smsAwaitingReceiptBefore(db: Database, before: Date) {
  return db
    .select()
    .from(smsMessages)
    .where(and(eq(smsMessages.state, 'sent'), lt(smsMessages.sentAt, before)));
}
