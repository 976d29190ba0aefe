import type { Database, Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { wallDailyCounts } from '@citygov/db/schema/wall';
import { durationBucket, spotCell, weekHourKey } from '@citygov/domain/analytics/analytics-rules';
import { chinaDate, chinaDayNumber, chinaMinutesOfDay, weekdayOf } from '@citygov/domain/deadlines/china-time';
import {
  CATEGORY_MEASURES,
  DEPARTMENT_MEASURES,
  measuresOfEvent,
  type WallDimension,
  type WallMeasure,
} from '@citygov/domain/wall/wall-measures';
import { inArray, sql } from 'drizzle-orm';
import { createCatchUp, type StreamEvent } from '../events/api';

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
  gridId: number;
  lng: number;
  lat: number;
  reportedAt: Date;
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
      gridId: cases.gridId,
      lng: cases.lng,
      lat: cases.lat,
      reportedAt: cases.reportedAt,
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
  const rows = new Map<string, typeof wallDailyCounts.$inferInsert>();
  const add = (dimension: WallDimension, key: string, measure: WallMeasure, day: string, fact: CaseFacts) => {
    const id = [dimension, measure, day, fact.streetId, key].join('|');
    const existing = rows.get(id);
    if (existing) existing.n = (existing.n ?? 0) + 1;
    else rows.set(id, { dimension, key, measure, day, districtId: fact.districtId, streetId: fact.streetId, n: 1 });
  };
  for (const event of counted) {
    const fact = facts.get(event.caseId);
    if (!fact) continue;
    const late = fact.supervised || (fact.stageDeadlineAt !== null && fact.stageDeadlineAt < event.at);
    const day = chinaDate(event.at);
    const month = monthOf(day);
    for (const measure of measuresOfEvent(event.action, late)) {
      add('all', '', measure, day, fact);
      if (measure === 'reported') {
        add('source', fact.source, measure, day, fact);
        // Analytics: when, in which grid and on which 50 m cell reports come (monthly rows).
        const weekday = weekdayOf(chinaDayNumber(event.at.getTime()));
        add('week_hour', weekHourKey(weekday, Math.floor(chinaMinutesOfDay(event.at) / 60)), measure, month, fact);
        add('grid', String(fact.gridId), measure, month, fact);
        add('spot', `${fact.category}|${spotCell(fact.lng, fact.lat)}`, measure, month, fact);
      }
      // Categories by month: a street sees a few hundred a month, where days would repeat them thirty times.
      if (CATEGORY_MEASURES.includes(measure)) add('category', fact.category, measure, month, fact);
      if (fact.leadDepartmentId !== null && DEPARTMENT_MEASURES.includes(measure)) {
        add('department', String(fact.leadDepartmentId), measure, day, fact);
      }
      if (measure === 'closed') {
        // Analytics: how long from report to close, bucketed, for the area, the category and the department.
        const bucket = durationBucket((event.at.getTime() - fact.reportedAt.getTime()) / 3_600_000);
        add('duration', `|${bucket}`, measure, month, fact);
        add('duration', `c:${fact.category}|${bucket}`, measure, month, fact);
        if (fact.leadDepartmentId !== null)
          add('duration', `d:${fact.leadDepartmentId}|${bucket}`, measure, month, fact);
      }
    }
  }
  if (rows.size === 0) return;
  await tx
    .insert(wallDailyCounts)
    .values([...rows.values()])
    .onConflictDoUpdate({
      target: [
        wallDailyCounts.dimension,
        wallDailyCounts.measure,
        wallDailyCounts.day,
        wallDailyCounts.streetId,
        wallDailyCounts.key,
      ],
      set: { n: sql`${wallDailyCounts.n} + excluded.n` },
    });
}

/**
 * Brings the rollup up to the stream's end. Calls in one process share a run (and queue
 * one more when events arrive during it); several processes take turns on the cursor's
 * row lock, so each event is counted exactly once.
 */
export function createWallRollup(db: Database) {
  return createCatchUp(db, WALL_ROLLUP_CONSUMER, applyWallEvents);
}
export type WallRollup = ReturnType<typeof createWallRollup>;

/** The rollup's day for monthly rows: the first of the month ('2026-12-03' → '2026-12-01'). */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}
