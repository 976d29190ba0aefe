import { type Queryable, rowsOf } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { outboxMessages } from '@citygov/db/schema/outbox';
import { NotFoundError, ValidationError } from '@citygov/domain/errors';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import {
  INTEGRATION_LABELS,
  INTEGRATION_SYSTEMS,
  type IntegrationSystem,
  type OutboundChannel,
} from '../../adapters/channel';
import type { SessionUser } from '../../trpc/session-user';

export interface IntegrationRow {
  system: IntegrationSystem;
  label: string;
  connected: boolean;
  healthy: boolean | null;
  health: string;
  /** Messages waiting or being sent. */
  queueDepth: number;
  /** Messages in the dead letters, and waiting messages that failed at least once. */
  dead: number;
  retrying: number;
  lastSuccessAt: Date | null;
  lastError: string | null;
}

/**
 * Which outbox rows a user may see: a city-level administrator all of them; anyone else the
 * messages about cases inside their area (messages about no case, such as the city's daily
 * statistics, stay with the city level).
 */
function inScope(user: SessionUser): SQL {
  if (user.areaLevel === 'city') return sql`true`;
  return sql`exists (select 1 from cases c join areas g on g.id = c.grid_id
                      where c.id = outbox_messages.case_id and g.path like ${`${user.areaPath}%`})`;
}

/** Every outside system with its health and the outbox figures of the user's area. */
export async function integrationOverview(
  db: Queryable,
  user: SessionUser,
  channels: ReadonlyMap<IntegrationSystem, OutboundChannel>,
): Promise<IntegrationRow[]> {
  const figures = rowsOf<{
    system: string;
    queued: number | string;
    dead: number | string;
    retrying: number | string;
    last_success: string | Date | null;
  }>(
    await db.execute(sql`
      select system,
             count(*) filter (where status in ('pending', 'sending'))::int as queued,
             count(*) filter (where status = 'dead')::int as dead,
             count(*) filter (where status in ('pending', 'sending') and attempts > 0)::int as retrying,
             max(sent_at) as last_success
        from outbox_messages
       where ${inScope(user)}
       group by system`),
  );
  const lastErrors = rowsOf<{ system: string; last_error: string | null }>(
    await db.execute(sql`
      select distinct on (system) system, last_error
        from outbox_messages
       where last_error is not null and status <> 'sent' and ${inScope(user)}
       order by system, last_attempt_at desc nulls last`),
  );
  const healths = await Promise.all(
    INTEGRATION_SYSTEMS.map(async (system) => {
      const channel = channels.get(system);
      if (!channel) return null;
      return channel.health().catch((error: unknown) => ({ ok: false, detail: String(error) }));
    }),
  );
  return INTEGRATION_SYSTEMS.map((system, i) => {
    const row = figures.find((f) => f.system === system);
    const health = healths[i] ?? null;
    return {
      system,
      label: INTEGRATION_LABELS[system],
      connected: channels.has(system),
      healthy: health ? health.ok : null,
      health: health ? health.detail : '未接入',
      queueDepth: Number(row?.queued ?? 0),
      dead: Number(row?.dead ?? 0),
      retrying: Number(row?.retrying ?? 0),
      lastSuccessAt: row?.last_success ? new Date(row.last_success) : null,
      lastError: lastErrors.find((e) => e.system === system)?.last_error ?? null,
    };
  });
}

export interface DeadLetter {
  id: number;
  system: string;
  label: string;
  kind: string;
  caseId: number | null;
  caseNo: string | null;
  idempotencyKey: string;
  attempts: number;
  lastError: string | null;
  deadAt: Date | null;
  createdAt: Date;
}

/** The dead letters (死信), newest first. */
export async function deadLetters(db: Queryable, user: SessionUser, limit = 200): Promise<DeadLetter[]> {
  const rows = await db
    .select({
      id: outboxMessages.id,
      system: outboxMessages.system,
      kind: outboxMessages.kind,
      caseId: outboxMessages.caseId,
      caseNo: cases.caseNo,
      idempotencyKey: outboxMessages.idempotencyKey,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      deadAt: outboxMessages.deadAt,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .leftJoin(cases, eq(cases.id, outboxMessages.caseId))
    .where(and(eq(outboxMessages.status, 'dead'), inScope(user)))
    .orderBy(desc(outboxMessages.deadAt), desc(outboxMessages.id))
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    label: INTEGRATION_LABELS[row.system as IntegrationSystem] ?? row.system,
  }));
}

/**
 * 重发: a dead letter goes back to the head of its lane with fresh attempts (same
 * idempotency key, so an idempotent system that did take it answers with its record).
 * The workers are told at once (NOTIFY outbox) and the lane resumes in order.
 */
export async function replayDeadLetter(
  db: Queryable,
  user: SessionUser,
  id: number,
): Promise<{ id: number; system: string; caseNo: string | null }> {
  const [row] = await db
    .select({
      id: outboxMessages.id,
      status: outboxMessages.status,
      system: outboxMessages.system,
      caseNo: cases.caseNo,
    })
    .from(outboxMessages)
    .leftJoin(cases, eq(cases.id, outboxMessages.caseId))
    .where(and(eq(outboxMessages.id, id), inScope(user)));
  if (!row) throw new NotFoundError('没有这条消息或无权查看');
  if (row.status !== 'dead') throw new ValidationError('这条消息不在死信列表中，无需重发', { field: 'id' });
  await db
    .update(outboxMessages)
    .set({ status: 'pending', attempts: 0, deadAt: null, nextAttemptAt: sql`now()`, leaseUntil: null })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'dead')));
  await db.execute(sql`select pg_notify('outbox', ${String(id)})`);
  return { id: row.id, system: row.system, caseNo: row.caseNo };
}
