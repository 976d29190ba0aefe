/**
 * 智能判重 for a report being registered: open cases and cases reported within the
 * window, inside a bounding box around the point, inside the caller's case scope (or
 * the whole city, for the check when a report is saved); each scored by
 * `@citygov/domain/intake/duplicate-score`. Voided and merged cases are never candidates:
 * a merged case's problem lives on in its lead.
 *
 * The box is a range on `lat` and `lng`, and the time condition is "(reported within
 * the window) OR (still open, of any age)": an open original weeks old is still found.
 * Two indexes serve it (packages/db/src/schema/cases.ts): `(lat, lng, reported_at)` for
 * the window arm and the partial `(lat, lng) where status not in ('closed', 'voided')`
 * for the open arm, combined by a BitmapOr; the open arm's status list is written as SQL
 * literals so the partial index's predicate is provably implied even in a generic plan
 * of a prepared statement. Either way the box bounds the rows read, and MAX_SCORED the
 * rows scored (duplicates.test.ts checks the plan on PostgreSQL).
 * Categories that can never reach `review` (other kinds and major classes with the
 * shipped weights) are left out in SQL: they are not listed at all — except, when the
 * category model is unsure of the chosen category for this text, the categories it finds
 * likely instead (neighbour credit: acceptors file one problem under neighbouring categories).
 * Each candidate is compared with its state (an open original does not age out), its
 * address (place-match), its photos when the new report has some (照片相似: the pHashes of
 * the photos that show the problem — the report's and the verification's; see photo-hash)
 * and the biases the shift leads' decisions taught.
 */
import type { Queryable } from '@citygov/db/client';
import { caseAttachments, cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { statusNameOf } from '@citygov/domain/cases/case-states';
import { type CategoryKind, type CategoryModel, categoryKey } from '@citygov/domain/intake/category-model';
import { EMPTY_LEARNING, learnedBias } from '@citygov/domain/intake/duplicate-learning';
import {
  bestScoreFor,
  boundingBox,
  DEFAULT_DUPLICATE_THRESHOLDS,
  type DuplicateDecision,
  type DuplicateFactors,
  type DuplicateThresholds,
  decide,
  type NeighbourCredit,
  scoreDuplicate,
} from '@citygov/domain/intake/duplicate-score';
import { placeMarks } from '@citygov/domain/intake/place-match';
import { and, between, desc, eq, inArray, isNotNull, like, lte, ne, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { textTokens } from '../../lib/text/segment';
import type { SessionUser } from '../../trpc/session-user';
import { caseScope } from '../cases/api';
import { categoryModel, categoryProbabilities } from '../category-model/api';
import type { DuplicateSettings } from './duplicate-thresholds';

export interface DuplicateQuery {
  kind: CategoryKind;
  categoryCode: string;
  lng: number;
  lat: number;
  description: string;
  /** The address typed for the new report (house numbers tell two shops apart). */
  address?: string | undefined;
  /** When the new report happened (default now). */
  at?: Date | undefined;
  /** pHashes of the new report's photos (uploadedPhotoHashes); none = photos play no part. */
  photos?: readonly string[] | undefined;
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

const DEFAULT_SETTINGS: DuplicateSettings = { thresholds: DEFAULT_DUPLICATE_THRESHOLDS, learning: EMPTY_LEARNING };

/** Below this probability of the chosen category (for the report's text) the category counts as uncertain. */
export const UNCERTAIN_CATEGORY = 0.5;
/** Categories the model gives at least this probability are searched as neighbours when uncertain. */
export const NEIGHBOUR_MIN = 0.1;

interface Neighbours {
  codes: readonly string[];
  credit: NeighbourCredit | undefined;
}

/**
 * When the model doubts the chosen category for this text, the categories of the same
 * kind it finds likely instead, credited with their probability.
 */
function neighboursOf(model: CategoryModel, query: DuplicateQuery): Neighbours {
  if (!query.description.trim()) return { codes: [], credit: undefined };
  const probabilities = categoryProbabilities(model, query.description, query.kind);
  const chosen = probabilities.get(categoryKey(query.kind, query.categoryCode)) ?? 0;
  if (chosen >= UNCERTAIN_CATEGORY) return { codes: [], credit: undefined };
  const codes: string[] = [];
  for (const [key, p] of probabilities) {
    const [kind, code] = key.split(':');
    if (kind === query.kind && code && code !== query.categoryCode && p >= NEIGHBOUR_MIN) codes.push(code);
  }
  return {
    codes,
    credit: (kind, code) => {
      const p = probabilities.get(categoryKey(kind, code)) ?? 0;
      return p >= NEIGHBOUR_MIN ? p : 0;
    },
  };
}

export async function findDuplicates(
  db: Queryable,
  viewer: DuplicateViewer,
  query: DuplicateQuery,
  settings: DuplicateSettings = DEFAULT_SETTINGS,
): Promise<DuplicateCandidate[]> {
  const { thresholds } = settings;
  const at = query.at ?? new Date();
  const windowMs = thresholds.windowDays * 24 * 60 * 60 * 1000;
  const box = boundingBox(query.lng, query.lat, thresholds.searchRadiusM);
  const model = await categoryModel(db);
  const neighbours = neighboursOf(model, query);
  const category = categoryCondition(query, thresholds, neighbours.codes);
  const rows = await candidatesNear(db, viewer, query, at, windowMs, box, category);
  if (rows.length === 0) return [];
  const photos = await candidatePhotos(
    db,
    query,
    rows.map((r) => r.id),
  );
  return scoreCandidates(model, query, at, rows, settings, neighbours, photos);
}

/** Attachments that show the problem itself; feedback and check photos show it fixed. */
const PROBLEM_PHOTO_PURPOSES = ['report', 'verify'];

/**
 * The pHashes of a user's own uploads (photos taken for a report not filed yet), for the
 * duplicate search; videos, undecodable photos and others' uploads give none.
 */
export async function uploadedPhotoHashes(
  db: Queryable,
  attachmentIds: readonly number[],
  uploadedBy: number,
): Promise<string[]> {
  if (attachmentIds.length === 0) return [];
  const rows = await db
    .select({ phash: caseAttachments.phash })
    .from(caseAttachments)
    .where(
      and(
        inArray(caseAttachments.id, [...attachmentIds]),
        eq(caseAttachments.uploadedBy, uploadedBy),
        isNotNull(caseAttachments.phash),
      ),
    );
  return rows.flatMap((r) => (r.phash ? [r.phash] : []));
}

/** The candidates' problem photos by case, read only when the new report has photos (else nothing to compare). */
async function candidatePhotos(
  db: Queryable,
  query: DuplicateQuery,
  caseIds: readonly number[],
): Promise<Map<number, string[]>> {
  const byCase = new Map<number, string[]>();
  if (!query.photos?.length) return byCase;
  const rows = await db
    .select({ caseId: caseAttachments.caseId, phash: caseAttachments.phash })
    .from(caseAttachments)
    .where(
      and(
        inArray(caseAttachments.caseId, [...caseIds]),
        inArray(caseAttachments.purpose, PROBLEM_PHOTO_PURPOSES),
        isNotNull(caseAttachments.phash),
      ),
    );
  for (const { caseId, phash } of rows) {
    if (caseId === null || !phash) continue;
    const list = byCase.get(caseId) ?? [];
    list.push(phash);
    byCase.set(caseId, list);
  }
  return byCase;
}

/**
 * Leaves out categories that can never reach `review` whatever the distance, time and
 * text: with the shipped weights, other kinds and other major classes (but not the
 * neighbours an uncertain category brings in).
 */
function categoryCondition(
  query: DuplicateQuery,
  thresholds: DuplicateThresholds,
  neighbourCodes: readonly string[],
): SQL | undefined {
  if (bestScoreFor(0, thresholds) >= thresholds.review) return undefined;
  const own =
    bestScoreFor(thresholds.sameMajorCredit, thresholds) >= thresholds.review
      ? like(cases.categoryCode, `${query.categoryCode.slice(0, 2)}%`)
      : eq(cases.categoryCode, query.categoryCode);
  const codes = neighbourCodes.length > 0 ? or(own, inArray(cases.categoryCode, [...neighbourCodes])) : own;
  return and(eq(cases.kind, query.kind), codes);
}

/** The candidate query (exported for the plan check in duplicate-search-plan.test.ts). */
export function candidatesNear(
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
          and(OPEN_FOR_INDEX, lte(cases.reportedAt, new Date(at.getTime() + windowMs))),
        ),
        category,
        query.excludeCaseId ? ne(cases.id, query.excludeCaseId) : undefined,
        viewer === 'city' ? undefined : caseScope(viewer),
      ),
    )
    .orderBy(desc(cases.reportedAt))
    .limit(MAX_SCORED);
}

/**
 * The predicate of the partial index `cases_open_lat_lng_idx`, as literals: a bound
 * parameter list would not prove the index usable in a generic plan.
 */
const OPEN_FOR_INDEX = sql`${cases.status} not in ('closed', 'voided')`;

type CandidateRow = Awaited<ReturnType<typeof candidatesNear>>[number];

const isOpenStatus = (status: string) => status !== 'closed' && status !== 'voided' && status !== 'merged';

function scoreCandidates(
  model: CategoryModel,
  query: DuplicateQuery,
  at: Date,
  rows: readonly CandidateRow[],
  settings: DuplicateSettings,
  neighbours: Neighbours,
  photos: ReadonlyMap<number, readonly string[]>,
): DuplicateCandidate[] {
  const { thresholds, learning } = settings;
  const idf = (token: string) => model.idf.get(token) ?? model.unseenIdf;
  const report = {
    kind: query.kind,
    categoryCode: query.categoryCode,
    lng: query.lng,
    lat: query.lat,
    at,
    tokens: textTokens(query.description),
    place: placeMarks(query.address, query.description),
    photos: query.photos,
  };
  const scored: DuplicateCandidate[] = [];
  for (const row of rows) {
    const candidate = {
      ...row,
      at: row.reportedAt,
      tokens: textTokens(row.description),
      place: placeMarks(row.address, row.description),
      open: isOpenStatus(row.status),
      photos: photos.get(row.id),
    };
    const { score, factors } = scoreDuplicate(report, candidate, thresholds, idf, {
      neighbourCredit: neighbours.credit,
      learnedBias: learnedBias(learning, categoryKey(row.kind, row.categoryCode), row.id),
    });
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
      decision: decide(score, thresholds, factors),
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
