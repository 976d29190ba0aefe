import type { Database } from '@citygov/db/client';
import { smsMessages } from '@citygov/db/schema/sms';
import { type SmsGatewayKind, smsStateAfterReceipt } from '@citygov/domain/messaging/sms';
import { and, eq, or } from 'drizzle-orm';
import type { SmsReceipt } from '../../adapters/sms/gateway';

/**
 * Applies pushed delivery receipts. Idempotent: a receipt for a message already final (a
 * repeated push, a late duplicate) changes nothing; one for a message we do not know is
 * counted and acknowledged (the gateway would otherwise push it again forever).
 */
export async function applySmsReceipts(
  db: Database,
  gateway: SmsGatewayKind,
  receipts: readonly SmsReceipt[],
  now = new Date(),
): Promise<{ applied: number; repeated: number; unknown: number }> {
  const tally = { applied: 0, repeated: 0, unknown: 0 };
  for (const receipt of receipts) {
    const match = receipt.outId
      ? or(eq(smsMessages.remoteId, receipt.remoteId), eq(smsMessages.outId, receipt.outId))
      : eq(smsMessages.remoteId, receipt.remoteId);
    const [row] = await db
      .select()
      .from(smsMessages)
      .where(and(eq(smsMessages.gateway, gateway), eq(smsMessages.phone, receipt.phone), match));
    if (!row) {
      tally.unknown++;
      continue;
    }
    const next = smsStateAfterReceipt(row.state, receipt.delivered);
    if (!next) {
      tally.repeated++;
      continue;
    }
    const changed = await db
      .update(smsMessages)
      .set({
        state: next,
        remoteId: row.remoteId ?? receipt.remoteId,
        errCode: receipt.errCode,
        finishedAt: now,
        updatedAt: now,
      })
      .where(and(eq(smsMessages.id, row.id), eq(smsMessages.state, row.state)))
      .returning({ id: smsMessages.id });
    if (changed.length > 0) tally.applied++;
    else tally.repeated++;
  }
  return tally;
}
