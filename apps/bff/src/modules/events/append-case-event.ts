import type { Queryable } from '@citygov/db/client';
import { caseEvents } from '@citygov/db/schema/cases';
import type { ActorKind } from '@citygov/domain/cases/case-actions';
import type { CaseEventKind } from '@citygov/domain/cases/case-notes';
import type { CaseStatus } from '@citygov/domain/cases/case-states';

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
  const [row] = await appendCaseEvents(db, [event]);
  if (!row) throw new Error('case event not written');
  return row;
}

/**
 * Several timeline rows in one multi-row INSERT (the alarm intake's sightings of a burst),
 * same rules as `appendCaseEvent`; ids come back in the order given.
 */
export async function appendCaseEvents(db: Queryable, events: readonly NewCaseEvent[]): Promise<{ id: number }[]> {
  if (events.length === 0) return [];
  const rows = await db
    .insert(caseEvents)
    .values(
      events.map((event) => ({
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
      })),
    )
    .returning({ id: caseEvents.id });
  if (rows.length !== events.length) throw new Error('case events not written');
  return rows;
}
