import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { type Bbox, bboxOf, pointInBbox, pointInPolygon } from '@citygov/domain/geo/polygon';
import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { caseFilterConditions, fuzzyTextMatch } from '../search/api';
import type { TCaseMapPointsInput } from './case-map-schemas';

/** Most case points one answer carries (the newest first); beyond it the answer says so. */
export const CASE_MAP_POINT_LIMIT = 3_000;
/** Most case points a fuzzy keyword match (模糊匹配) shows: the best by shared character pairs. */
export const CASE_MAP_FUZZY_LIMIT = 200;
/** Most rows the box prefilter reads for a polygon: a drawn outline is checked on these only. */
const POLYGON_SCAN_LIMIT = 30_000;

/** The box both filters allow: the visible area, narrowed to the drawn polygon's box. */
function boxOf(input: TCaseMapPointsInput): Bbox | undefined {
  const drawn = input.polygon ? bboxOf(input.polygon) : undefined;
  const seen = input.bbox;
  if (!drawn) return seen;
  if (!seen) return drawn;
  return [
    Math.max(drawn[0], seen[0]),
    Math.max(drawn[1], seen[1]),
    Math.min(drawn[2], seen[2]),
    Math.min(drawn[3], seen[3]),
  ];
}

type FuzzyMatch = NonNullable<Awaited<ReturnType<typeof fuzzyTextMatch>>>;

function filters(
  user: SessionUser,
  input: TCaseMapPointsInput,
  box: Bbox | undefined,
  fuzzy: FuzzyMatch | undefined,
): SQL | undefined {
  return and(
    caseFilterConditions(user, input),
    fuzzy?.condition,
    // The box prefilter (cases_lat_lng_reported_idx); the drawn outline itself is tested below.
    ...(box ? [gte(cases.lng, box[0]), gte(cases.lat, box[1]), lte(cases.lng, box[2]), lte(cases.lat, box[3])] : []),
  );
}

/**
 * 案件地图: case points in the viewer's scope matching the filters, newest first, at most
 * CASE_MAP_POINT_LIMIT. A drawn polygon is applied in two steps: its bounding box in SQL,
 * then the exact point-in-polygon rule of the domain on the ids and coordinates read.
 * A 关键词 no case holds exactly falls back, as 综合查询 does, to 模糊匹配: the cases
 * sharing the most character pairs with it, best first, and the answer says so.
 */
export async function caseMapPoints(db: Queryable, user: SessionUser, input: TCaseMapPointsInput) {
  const exact = await pointsMatching(db, user, input, undefined);
  if (!input.q || exact.points.length > 0) return { ...exact, keyword: 'exact' as const };
  const rest = { ...input, q: undefined };
  const fuzzy = await fuzzyTextMatch(db, input.q, filters(user, rest, boxOf(rest), undefined), CASE_MAP_FUZZY_LIMIT);
  if (!fuzzy) return { ...exact, keyword: 'exact' as const };
  const loose = await pointsMatching(db, user, rest, fuzzy);
  return { ...loose, keyword: 'fuzzy' as const };
}

async function pointsMatching(
  db: Queryable,
  user: SessionUser,
  input: TCaseMapPointsInput,
  fuzzy: FuzzyMatch | undefined,
) {
  const box = boxOf(input);
  const empty = box !== undefined && (box[0] > box[2] || box[1] > box[3]);
  const where = filters(user, input, box, fuzzy);
  const limit = fuzzy ? CASE_MAP_FUZZY_LIMIT : CASE_MAP_POINT_LIMIT;
  const order = fuzzy ? [desc(fuzzy.rank), desc(cases.reportedAt)] : [desc(cases.reportedAt)];
  let ids: number[] | undefined;
  let truncated = false;
  if (input.polygon && !empty) {
    const ring = input.polygon;
    const candidates = await db
      .select({ id: cases.id, lng: cases.lng, lat: cases.lat })
      .from(cases)
      .where(where)
      .orderBy(...order)
      .limit(POLYGON_SCAN_LIMIT + 1);
    const inside = candidates
      .slice(0, POLYGON_SCAN_LIMIT)
      .filter((c) => (!box || pointInBbox([c.lng, c.lat], box)) && pointInPolygon([c.lng, c.lat], ring));
    truncated = candidates.length > POLYGON_SCAN_LIMIT || inside.length > limit;
    ids = inside.slice(0, limit).map((c) => c.id);
  }
  if (empty || (ids && ids.length === 0)) return { points: [], truncated: false, limit };
  const rows = await db
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      status: cases.status,
      urgency: cases.urgency,
      kind: cases.kind,
      categoryName: categories.name,
      address: cases.address,
      lng: cases.lng,
      lat: cases.lat,
      reportedAt: cases.reportedAt,
      stageDeadlineAt: cases.stageDeadlineAt,
      pausedAt: cases.pausedAt,
    })
    .from(cases)
    .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
    .where(ids ? inArray(cases.id, ids) : where)
    .orderBy(...order)
    .limit(limit + 1);
  if (!ids) truncated = rows.length > limit;
  const now = Date.now();
  const points = rows.slice(0, limit).map(({ pausedAt, ...row }) => ({
    ...row,
    categoryName: row.categoryName ?? '',
    overdue: row.stageDeadlineAt !== null && pausedAt === null && row.stageDeadlineAt.getTime() < now,
  }));
  return { points, truncated, limit };
}
