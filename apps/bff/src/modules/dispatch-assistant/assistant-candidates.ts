/**
 * The reads behind 派遣助手 (dispatch assistant). Each is bounded by a LIMIT and served by
 * the indexes of `packages/db/src/schema/cases.ts`; both case reads carry the
 * caller's case scope, so nobody learns of cases they may not see.
 *
 * - `closedInDistrict`: the district's closed cases of the category in the last year,
 *   newest first, at most `DISTRICT_SAMPLE`. It feeds both the per-department statistics
 *   and the text arm of the similar cases. Index: `cases_closed_category_idx`.
 * - `closedNearby`: closed cases of the category in a ±2 km box in the last year, at most
 *   `NEARBY_SAMPLE`, on `cases_lat_lng_reported_idx (lat, lng, reported_at)` (the
 *   duplicate search's index).
 * - `handlingEvents`: the timeline steps that decide punctuality, for the sampled cases
 *   only, through `case_events_case_idx (case_id, id)`.
 *
 * Measured at 1M cases on PostgreSQL (bench, uniform categories): without an index that
 * leads with the category, a district holds ~200k closed cases a year of which ~500 are of
 * one category, and the planner read the district arm with a parallel seq scan (~170 ms)
 * and the box with a bitmap scan (~90 ms): ~300 ms for the whole assistant. The partial
 * index `cases_closed_category_idx (kind, category_code, district_id, reported_at) where
 * status = 'closed'` (migration 0002) turns both into index scans under 1 ms (~35 ms).
 */
import type { Queryable } from '@citygov/db/client';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { categoryTimeLimits } from '@citygov/db/schema/catalogue';
import type { TimeLimit } from '@citygov/domain/deadlines/time-limits';
import type { HandlingEvent } from '@citygov/domain/dispatch/department-performance';
import { SIMILAR_RADIUS_M } from '@citygov/domain/dispatch/similar-closed-cases';
import { boundingBox } from '@citygov/domain/intake/duplicate-score';
import { and, between, desc, eq, gte, inArray } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { caseScope } from '../cases/api';

export const LOOKBACK_DAYS = 365;
export const DISTRICT_SAMPLE = 1_000;
export const NEARBY_SAMPLE = 200;

type Subject = Pick<typeof cases.$inferSelect, 'kind' | 'categoryCode' | 'districtId' | 'lng' | 'lat'>;

const closedColumns = {
  id: cases.id,
  caseNo: cases.caseNo,
  description: cases.description,
  address: cases.address,
  lng: cases.lng,
  lat: cases.lat,
  urgency: cases.urgency,
  districtId: cases.districtId,
  leadDepartmentId: cases.leadDepartmentId,
  dispatchedAt: cases.dispatchedAt,
  closedAt: cases.closedAt,
};

export type ClosedCase = {
  [K in keyof typeof closedColumns]: (typeof cases.$inferSelect)[K];
};

function sameCategoryClosedSince(subject: Subject, since: Date) {
  return and(
    eq(cases.status, 'closed'),
    gte(cases.reportedAt, since),
    eq(cases.kind, subject.kind),
    eq(cases.categoryCode, subject.categoryCode),
  );
}

export function closedInDistrict(db: Queryable, user: SessionUser, subject: Subject, since: Date) {
  return db
    .select(closedColumns)
    .from(cases)
    .where(and(eq(cases.districtId, subject.districtId), sameCategoryClosedSince(subject, since), caseScope(user)))
    .orderBy(desc(cases.reportedAt))
    .limit(DISTRICT_SAMPLE);
}

export function closedNearby(db: Queryable, user: SessionUser, subject: Subject, since: Date) {
  const box = boundingBox(subject.lng, subject.lat, SIMILAR_RADIUS_M);
  return db
    .select(closedColumns)
    .from(cases)
    .where(
      and(
        between(cases.lat, box.minLat, box.maxLat),
        between(cases.lng, box.minLng, box.maxLng),
        sameCategoryClosedSince(subject, since),
        caseScope(user),
      ),
    )
    .orderBy(desc(cases.reportedAt))
    .limit(NEARBY_SAMPLE);
}

/** Extension requests, approvals and feedback of these cases, per case in timeline order. */
export async function handlingEvents(db: Queryable, caseIds: readonly number[]) {
  const byCase = new Map<number, HandlingEvent[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .select({ caseId: caseEvents.caseId, action: caseEvents.action, at: caseEvents.at, detail: caseEvents.detail })
    .from(caseEvents)
    .where(
      and(
        inArray(caseEvents.caseId, [...caseIds]),
        inArray(caseEvents.action, ['requestExtension', 'approveExtension', 'feedBack']),
      ),
    )
    .orderBy(caseEvents.caseId, caseEvents.id);
  for (const row of rows) {
    const list = byCase.get(row.caseId) ?? [];
    list.push({ action: row.action, at: row.at, extension: extensionOf(row.detail) });
    byCase.set(row.caseId, list);
  }
  return byCase;
}

function extensionOf(detail: Record<string, unknown> | null): TimeLimit | null {
  const extension = detail?.extension;
  if (!extension || typeof extension !== 'object') return null;
  const { amount, unit } = extension as { amount?: unknown; unit?: unknown };
  if (typeof amount !== 'number') return null;
  if (unit !== 'natural_hours' && unit !== 'working_hours' && unit !== 'working_days') return null;
  return { amount, unit };
}

/** The category's handling (处置) limit per urgency. */
export async function handlingLimits(db: Queryable, subject: Pick<Subject, 'kind' | 'categoryCode'>) {
  const rows = await db
    .select({ urgency: categoryTimeLimits.urgency, amount: categoryTimeLimits.amount, unit: categoryTimeLimits.unit })
    .from(categoryTimeLimits)
    .where(
      and(
        eq(categoryTimeLimits.kind, subject.kind),
        eq(categoryTimeLimits.code, subject.categoryCode),
        eq(categoryTimeLimits.stage, 'handle'),
      ),
    );
  return new Map<string, TimeLimit>(rows.map((r) => [r.urgency, { amount: r.amount, unit: r.unit }]));
}
