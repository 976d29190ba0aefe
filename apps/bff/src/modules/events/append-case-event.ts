import { type Queryable, rowsOf } from '@citygov/db/client';
import { caseEvents } from '@citygov/db/schema/cases';
import type { ActorKind } from '@citygov/domain/cases/case-actions';
import type { CaseEventKind } from '@citygov/domain/cases/case-notes';
import type { CaseStatus } from '@citygov/domain/cases/case-states';
import { sql } from 'drizzle-orm';

/** Who did it, as the timeline and the stream name them. */
export interface EventActor {
  kind: ActorKind;
  id: number | null;
  name: string;
}

export interface NewCaseEvent {
  caseId: number;
  action: CaseEventKind;
  label: string;
  actor: EventActor;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  reason: string | null;
  detail: Record<string, unknown> | null;
  at: Date;
  /** The running stage clock's deadline when this happened (evaluation reads "on time" from it). */
  deadlineAt?: Date | null;
}

/**
 * The one writer of `case_events`: a timeline row that is also the next entry of the
 * city-wide event stream. It must run in the transaction of the change it records; its
 * stream position (`seq`) is given when that transaction commits.
 */
export async function appendCaseEvent(db: Queryable, event: NewCaseEvent): Promise<{ id: number }> {
  const [row] = await db
    .insert(caseEvents)
    .values({
      caseId: event.caseId,
      at: event.at,
      actorKind: event.actor.kind,
      actorId: event.actor.id,
      actorName: event.actor.name,
      action: event.action,
      label: event.label,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      detail: event.detail && Object.keys(event.detail).length > 0 ? event.detail : null,
      deadlineAt: event.deadlineAt ?? null,
    })
    .returning({ id: caseEvents.id });
  if (!row) throw new Error('case event not written');
  return row;
}

/**
 * Several timeline rows at once (the alarm intake's sightings of a burst), same rules as
 * `appendCaseEvent`: one json parameter unpacked by json_to_recordset, so hundreds of rows
 * bind one parameter; a function scan yields them in order, so ids come back in the order given.
 */
export async function appendCaseEvents(db: Queryable, events: readonly NewCaseEvent[]): Promise<{ id: number }[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({
    case_id: event.caseId,
    at: event.at.toISOString(),
    actor_kind: event.actor.kind,
    actor_id: event.actor.id,
    actor_name: event.actor.name,
    action: event.action,
    label: event.label,
    from_status: event.fromStatus,
    to_status: event.toStatus,
    reason: event.reason,
    detail: event.detail && Object.keys(event.detail).length > 0 ? event.detail : null,
    deadline_at: event.deadlineAt?.toISOString() ?? null,
  }));
  const written = rowsOf<{ id: number | string }>(
    await db.execute(sql`insert into case_events (case_id, at, actor_kind, actor_id, actor_name, action, label,
        from_status, to_status, reason, detail, deadline_at)
      select case_id, at, actor_kind, actor_id, actor_name, action, label, from_status, to_status, reason, detail, deadline_at
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(case_id bigint, at timestamptz, actor_kind text,
        actor_id integer, actor_name text, action text, label text, from_status text, to_status text, reason text,
        detail jsonb, deadline_at timestamptz)
      returning id`),
  );
  if (written.length !== events.length) throw new Error('case events not written');
  return written.map((row) => ({ id: Number(row.id) }));
}
