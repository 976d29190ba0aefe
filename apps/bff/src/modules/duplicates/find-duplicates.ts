/**
 * 智能判重 for a report being registered: open cases and cases reported within the
 * window, inside a bounding box around the point, inside the caller's case scope (or
 * the whole city, for the check when a report is saved); each scored by
 * `@citygov/domain/intake/duplicate-score`. Voided and merged cases are never candidates:
 * a merged case's problem lives on in its lead.
 *
 * The box is a range on `lat` and `lng`, and the time condition is "(reported within
 * the window) OR (still open)". The cases table has no index on lat/lng yet, so today
 * PostgreSQL scans the table (≈ 0.3 s at 1 M cases). Proposed (measured by
 * bench/intake): `(lat, lng, reported_at)` for the window arm plus a partial
 * `(lat, lng) where status not in ('closed', 'voided')` for the open arm, which the
 * planner combines with a BitmapOr (≈ 2 ms for the SQL at 1 M cases).
 * Categories that can never reach `review` (other kinds and major classes with the
 * shipped weights) are left out in SQL: they are not listed at all.
 */
import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { statusNameOf } from '@citygov/domain/cases/case-states';
import type { CategoryKind } from '@citygov/domain/intake/category-model';
import {
  bestScoreFor,
  boundingBox,
  DEFAULT_DUPLICATE_THRESHOLDS,
  type DuplicateDecision,
  type DuplicateFactors,
  type DuplicateThresholds,
  decide,
  scoreDuplicate,
} from '@citygov/domain/intake/duplicate-score';
import { and, between, desc, eq, like, lte, ne, notInArray, or, type SQL } from 'drizzle-orm';
import { textTokens } from '../../lib/text/segment';
import type { SessionUser } from '../../trpc/session-user';
import { caseScope } from '../cases/api';
import { categoryModel } from '../category-model/api';

export interface DuplicateQuery {
  kind: CategoryKind;
  categoryCode: string;
  lng: number;
  lat: number;
  description: string;
  /** When the new report happened (default now). */
  at?: Date | undefined;
  /** A case not to compare with (checking an existing case against the others). */
  excludeCaseId?: number | undefined;
  limit?: number | undefined;
}

export interface DuplicateCandidate {
  caseId: number;
  caseNo: string;
  status: string;
  statusName: string;
  kind: CategoryKind;
  categoryCode: string;
  categoryName: string | null;
  description: string;
  address: string;
  reportedAt: Date;
  distanceM: number;
  minutesApart: number;
  score: number;
  decision: DuplicateDecision;
  factors: DuplicateFactors;
}

/** At most this many cases in the box are scored (newest first); a real cluster is far smaller. */
export const MAX_SCORED = 2_000;
/** Candidates scoring below this are not listed at all (between it and `review` they come back as 'ignore'). */
export const LIST_FLOOR = 0.1;

/** Whose view to search: a signed-in user's case scope, or the whole city (report-time detection). */
export type DuplicateViewer = SessionUser | 'city';

export async function findDuplicates(
  db: Queryable,
  viewer: DuplicateViewer,
  query: DuplicateQuery,
  thresholds: DuplicateThresholds = DEFAULT_DUPLICATE_THRESHOLDS,
): Promise<DuplicateCandidate[]> {
  const at = query.at ?? new Date();
  const windowMs = thresholds.windowDays * 24 * 60 * 60 * 1000;
  const box = boundingBox(query.lng, query.lat, thresholds.searchRadiusM);
  const rows = await candidatesNear(db, viewer, query, at, windowMs, box, categoryCondition(query, thresholds));
  if (rows.length === 0) return [];
  return scoreCandidates(db, query, at, rows, thresholds);
}

/**
 * Leaves out categories that can never reach `review` whatever the distance, time and
 * text: with the shipped weights, other kinds and other major classes.
 */
function categoryCondition(query: DuplicateQuery, thresholds: DuplicateThresholds): SQL | undefined {
  if (bestScoreFor(0, thresholds) >= thresholds.review) return undefined;
  if (bestScoreFor(thresholds.sameMajorCredit, thresholds) >= thresholds.review) {
    return and(eq(cases.kind, query.kind), like(cases.categoryCode, `${query.categoryCode.slice(0, 2)}%`));
  }
  return and(eq(cases.kind, query.kind), eq(cases.categoryCode, query.categoryCode));
}

function candidatesNear(
  db: Queryable,
  viewer: DuplicateViewer,
  query: DuplicateQuery,
  at: Date,
  windowMs: number,
  box: ReturnType<typeof boundingBox>,
  category: SQL | undefined,
) {
  return db
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      status: cases.status,
      kind: cases.kind,
      categoryCode: cases.categoryCode,
      categoryName: categories.name,
      description: cases.description,
      address: cases.address,
      lng: cases.lng,
      lat: cases.lat,
      reportedAt: cases.reportedAt,
    })
    .from(cases)
    .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
    .where(
      and(
        between(cases.lat, box.minLat, box.maxLat),
        between(cases.lng, box.minLng, box.maxLng),
        notInArray(cases.status, ['voided', 'merged']),
        or(
          between(cases.reportedAt, new Date(at.getTime() - windowMs), new Date(at.getTime() + windowMs)),
          and(notInArray(cases.status, ['closed', 'voided']), lte(cases.reportedAt, new Date(at.getTime() + windowMs))),
        ),
        category,
        query.excludeCaseId ? ne(cases.id, query.excludeCaseId) : undefined,
        viewer === 'city' ? undefined : caseScope(viewer),
      ),
    )
    .orderBy(desc(cases.reportedAt))
    .limit(MAX_SCORED);
}

type CandidateRow = Awaited<ReturnType<typeof candidatesNear>>[number];

async function scoreCandidates(
  db: Queryable,
  query: DuplicateQuery,
  at: Date,
  rows: readonly CandidateRow[],
  thresholds: DuplicateThresholds,
): Promise<DuplicateCandidate[]> {
  const model = await categoryModel(db);
  const idf = (token: string) => model.idf.get(token) ?? model.unseenIdf;
  const report = {
    kind: query.kind,
    categoryCode: query.categoryCode,
    lng: query.lng,
    lat: query.lat,
    at,
    tokens: textTokens(query.description),
  };
  const scored: DuplicateCandidate[] = [];
  for (const row of rows) {
    const candidate = { ...row, at: row.reportedAt, tokens: textTokens(row.description) };
    const { score, factors } = scoreDuplicate(report, candidate, thresholds, idf);
    if (score < LIST_FLOOR || factors.distanceM > thresholds.searchRadiusM) continue;
    scored.push({
      caseId: row.id,
      caseNo: row.caseNo,
      status: row.status,
      statusName: statusNameOf(row.status),
      kind: row.kind,
      categoryCode: row.categoryCode,
      categoryName: row.categoryName,
      description: row.description,
      address: row.address,
      reportedAt: row.reportedAt,
      distanceM: Math.round(factors.distanceM),
      minutesApart: Math.round(factors.minutesApart),
      score: Math.round(score * 1000) / 1000,
      decision: decide(score, thresholds),
      factors: roundFactors(factors),
    });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, query.limit ?? 5);
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
function roundFactors(f: DuplicateFactors): DuplicateFactors {
  return {
    ...f,
    category: r3(f.category),
    distance: r3(f.distance),
    time: r3(f.time),
    text: r3(f.text),
    distanceM: Math.round(f.distanceM),
    minutesApart: Math.round(f.minutesApart),
  };
}
