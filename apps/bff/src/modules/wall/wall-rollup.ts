import type { Database, Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { wallDailyCounts, wallDailyDepartments } from '@citygov/db/schema/wall';
import { chinaDate } from '@citygov/domain/deadlines/china-time';
import { measuresOfEvent, type WallMeasure } from '@citygov/domain/wall/wall-measures';
import { inArray, sql } from 'drizzle-orm';
import { consumeCaseEvents, type StreamEvent } from '../events/api';

/** The rollup's name on the event stream (its cursor row in case_event_consumers). */
export const WALL_ROLLUP_CONSUMER = 'wall-rollup';

/** Category key of the rollup: component and event codes overlap, so the kind is part of it. */
export function categoryKey(kind: string, code: string): string {
  return `${kind}:${code}`;
}

interface CaseFacts {
  districtId: number;
  streetId: number;
  category: string;
  source: string;
  leadDepartmentId: number | null;
  supervised: boolean;
  stageDeadlineAt: Date | null;
}

async function factsOf(tx: Queryable, caseIds: number[]): Promise<Map<number, CaseFacts>> {
  const rows = await tx
    .select({
      id: cases.id,
      districtId: cases.districtId,
      streetId: cases.streetId,
      kind: cases.kind,
      categoryCode: cases.categoryCode,
      source: cases.source,
      leadDepartmentId: cases.leadDepartmentId,
      supervised: cases.supervised,
      stageDeadlineAt: cases.stageDeadlineAt,
    })
    .from(cases)
    .where(inArray(cases.id, caseIds));
  return new Map(rows.map((r) => [r.id, { ...r, category: categoryKey(r.kind, r.categoryCode) }]));
}

/**
 * Adds one batch of stream events to the daily counts. A case's place, category and
 * department are read as they stand now (a case re-categorised later keeps its earlier
 * counts where they fell). A close counts as 按期 unless the case is under 督办 or its
 * clock was past the deadline when it closed.
 */
export async function applyWallEvents(tx: Queryable, events: readonly StreamEvent[]): Promise<void> {
  const counted = events.filter((e) => measuresOfEvent(e.action, false).length > 0);
  if (counted.length === 0) return;
  const facts = await factsOf(tx, [...new Set(counted.map((e) => e.caseId))]);
  const areaRows = new Map<string, typeof wallDailyCounts.$inferInsert>();
  const departmentRows = new Map<string, typeof wallDailyDepartments.$inferInsert>();
  for (const event of counted) {
    const fact = facts.get(event.caseId);
    if (!fact) continue;
    const late = fact.supervised || (fact.stageDeadlineAt !== null && fact.stageDeadlineAt < event.at);
    const day = chinaDate(event.at);
    for (const measure of measuresOfEvent(event.action, late)) {
      add(areaRows, [day, fact.streetId, fact.category, fact.source, measure].join('|'), {
        day,
        districtId: fact.districtId,
        streetId: fact.streetId,
        categoryCode: fact.category,
        source: fact.source,
        measure,
        n: 1,
      });
      if (fact.leadDepartmentId !== null && DEPARTMENT_MEASURES.has(measure)) {
        add(departmentRows, [day, fact.streetId, fact.leadDepartmentId, measure].join('|'), {
          day,
          districtId: fact.districtId,
          streetId: fact.streetId,
          departmentId: fact.leadDepartmentId,
          measure,
          n: 1,
        });
      }
    }
  }
  if (areaRows.size > 0) {
    await tx
      .insert(wallDailyCounts)
      .values([...areaRows.values()])
      .onConflictDoUpdate({
        target: [
          wallDailyCounts.day,
          wallDailyCounts.streetId,
          wallDailyCounts.categoryCode,
          wallDailyCounts.source,
          wallDailyCounts.measure,
        ],
        set: { n: sql`${wallDailyCounts.n} + excluded.n` },
      });
  }
  if (departmentRows.size > 0) {
    await tx
      .insert(wallDailyDepartments)
      .values([...departmentRows.values()])
      .onConflictDoUpdate({
        target: [
          wallDailyDepartments.day,
          wallDailyDepartments.streetId,
          wallDailyDepartments.departmentId,
          wallDailyDepartments.measure,
        ],
        set: { n: sql`${wallDailyDepartments.n} + excluded.n` },
      });
  }
}

/** The department panel counts what departments do with cases sent to them. */
const DEPARTMENT_MEASURES: ReadonlySet<WallMeasure> = new Set(['dispatched', 'handled', 'closed', 'closed_on_time']);

function add<T extends { n?: number }>(rows: Map<string, T>, key: string, row: T) {
  const existing = rows.get(key);
  if (existing) existing.n = (existing.n ?? 0) + 1;
  else rows.set(key, row);
}

/**
 * Brings the rollup up to the stream's end. Calls in one process share a run (and queue
 * one more when events arrive during it); several processes take turns on the cursor's
 * row lock, so each event is counted exactly once.
 */
export function createWallRollup(db: Database) {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const run = () => consumeCaseEvents(db, WALL_ROLLUP_CONSUMER, applyWallEvents).then(() => undefined);
  return {
    catchUp(): Promise<void> {
      if (!running) {
        running = run().finally(() => {
          running = null;
        });
        return running;
      }
      queued ??= running
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return this.catchUp();
        });
      return queued;
    },
  };
}
export type WallRollup = ReturnType<typeof createWallRollup>;
