import type { Queryable } from '../client';
import { outboxMessages } from '../schema/outbox';

const DAY_MS = 86_400_000;

/**
 * The demo's outbox: a week of daily statistics sent to the province platform, the last
 * of which it failed to take (HTTP 500 ten times) and sits in the dead letters, so the
 * admin view (/admin/integrations) has something to show and to 重发.
 */
export async function writeDemoOutbox(tx: Queryable, districtCode: string, now = new Date()): Promise<void> {
  const rows: (typeof outboxMessages.$inferInsert)[] = [];
  for (let back = 7; back >= 1; back--) {
    const day = new Date(now.getTime() - back * DAY_MS).toISOString().slice(0, 10);
    const at = new Date(now.getTime() - back * DAY_MS + 3_600_000);
    const dead = back === 1;
    const reported = 40 + ((back * 7) % 13);
    rows.push({
      system: 'province',
      lane: `stats:${districtCode}`,
      kind: 'stats.daily',
      idempotencyKey: `citygov:province:stats-daily:${districtCode}:${day}`,
      payload: {
        contractVersion: 'citygov-province/1.0',
        day,
        districtCode,
        reported,
        filed: reported - 3,
        closed: reported - 8,
        closedOnTime: reported - 11,
      },
      status: dead ? 'dead' : 'sent',
      attempts: dead ? 10 : 1,
      lastError: dead ? '省平台出错（HTTP 500）' : null,
      lastAttemptAt: at,
      nextAttemptAt: at,
      remoteId: dead ? null : `SJ-DEMO-${day}`,
      sentAt: dead ? null : at,
      deadAt: dead ? at : null,
      createdAt: at,
    });
  }
  await tx.insert(outboxMessages).values(rows).onConflictDoNothing();
}
