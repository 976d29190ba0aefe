import type { Queryable } from '@citygov/db/client';
import { outboxMessages } from '@citygov/db/schema/outbox';
import { sql } from 'drizzle-orm';
import type { IntegrationSystem } from '../../adapters/channel';

export interface DirectOutboxMessage {
  system: IntegrationSystem;
  kind: string;
  lane: string;
  /** Unique per system; forms the idempotency key `citygov:<system>:<key>` (a second one is dropped). */
  key: string;
  caseId: number | null;
  payload: Record<string, unknown>;
}

/**
 * Puts a message in the outbox inside the caller's transaction (for messages an action asks for
 * directly, e.g. the 教育 SMS, rather than derived from the event stream): it is sent only if the
 * action commits, and then surely. The notification wakes the worker at commit.
 */
export async function enqueueOutboxMessage(tx: Queryable, message: DirectOutboxMessage): Promise<void> {
  await tx
    .insert(outboxMessages)
    .values({
      system: message.system,
      kind: message.kind,
      lane: message.lane,
      caseId: message.caseId,
      idempotencyKey: `citygov:${message.system}:${message.key}`,
      payload: message.payload,
    })
    .onConflictDoNothing();
  await tx.execute(sql`select pg_notify('outbox', ${message.lane})`);
}
