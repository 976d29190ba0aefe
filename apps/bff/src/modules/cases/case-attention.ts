import type { Queryable } from '@citygov/db/client';
import { caseEvents } from '@citygov/db/schema/cases';
import {
  ATTENTION_EVENT_ACTIONS,
  type Attention,
  type AttentionCase,
  caseAttention,
} from '@citygov/domain/cases/case-attention';
import { and, asc, inArray } from 'drizzle-orm';

/** 返工 / 督办 / 催办 standing on each of these cases, with reasons (one query for a list page). */
export async function attentionByCase(
  db: Queryable,
  rows: readonly (AttentionCase & { id: number })[],
): Promise<Map<number, Attention[]>> {
  const result = new Map<number, Attention[]>();
  if (rows.length === 0) return result;
  const events = await db
    .select({
      caseId: caseEvents.caseId,
      action: caseEvents.action,
      reason: caseEvents.reason,
      actorName: caseEvents.actorName,
      at: caseEvents.at,
    })
    .from(caseEvents)
    .where(
      and(
        inArray(
          caseEvents.caseId,
          rows.map((r) => r.id),
        ),
        inArray(caseEvents.action, [...ATTENTION_EVENT_ACTIONS]),
      ),
    )
    .orderBy(asc(caseEvents.id));
  for (const row of rows) {
    const own = events.filter((e) => e.caseId === row.id);
    result.set(row.id, caseAttention(row, own));
  }
  return result;
}
