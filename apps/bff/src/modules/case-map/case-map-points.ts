import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { type Bbox, bboxOf, pointInBbox, pointInPolygon } from '@citygov/domain/geo/polygon';
import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { caseFilterConditions } from '../search/api';
import type { TCaseMapPointsInput } from './case-map-schemas';

/** Most case points one answer carries (the newest first); beyond it the answer says so. */
export const CASE_MAP_POINT_LIMIT = 3_000;
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

function filters(user: SessionUser, input: TCaseMapPointsInput, box: Bbox | undefined): SQL | undefined {
  return and(
    caseFilterConditions(user, input),
    // The box prefilter (cases_lat_lng_reported_idx); the drawn outline itself is tested below.
    ...(box ? [gte(cases.lng, box[0]), gte(cases.lat, box[1]), lte(cases.lng, box[2]), lte(cases.lat, box[3])] : []),
  );
}

/**
 * 案件地图: case points in the viewer's scope matching the filters, newest first, at most
 * CASE_MAP_POINT_LIMIT. A drawn polygon is applied in two steps: its bounding box in SQL,
 * then the exact point-in-polygon rule of the domain on the ids and coordinates read.
 */
export async function caseMapPoints(db: Queryable, user: SessionUser, input: TCaseMapPointsInput) {
  const box = boxOf(input);
  const empty = box !== undefined && (box[0] > box[2] || box[1] > box[3]);
  const where = filters(user, input, box);
  let ids: number[] | undefined;
  let truncated = false;
  if (input.polygon && !empty) {
    const ring = input.polygon;
    const candidates = await db
      .select({ id: cases.id, lng: cases.lng, lat: cases.lat })
      .from(cases)
      .where(where)
      .orderBy(desc(cases.reportedAt))
      .limit(POLYGON_SCAN_LIMIT + 1);
    const inside = candidates
      .slice(0, POLYGON_SCAN_LIMIT)
      .filter((c) => (!box || pointInBbox([c.lng, c.lat], box)) && pointInPolygon([c.lng, c.lat], ring));
    truncated = candidates.length > POLYGON_SCAN_LIMIT || inside.length > CASE_MAP_POINT_LIMIT;
    ids = inside.slice(0, CASE_MAP_POINT_LIMIT).map((c) => c.id);
  }
  if (empty || (ids && ids.length === 0)) return { points: [], truncated: false, limit: CASE_MAP_POINT_LIMIT };
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
    .orderBy(desc(cases.reportedAt))
    .limit(CASE_MAP_POINT_LIMIT + 1);
  if (!ids) truncated = rows.length > CASE_MAP_POINT_LIMIT;
  const now = Date.now();
  const points = rows.slice(0, CASE_MAP_POINT_LIMIT).map(({ pausedAt, ...row }) => ({
    ...row,
    categoryName: row.categoryName ?? '',
    overdue: row.stageDeadlineAt !== null && pausedAt === null && row.stageDeadlineAt.getTime() < now,
  }));
  return { points, truncated, limit: CASE_MAP_POINT_LIMIT };
}
