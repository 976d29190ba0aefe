import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { areas } from '@citygov/db/schema/org';
import { CASE_SOURCES, CASE_STATUS_NAMES, type CaseSource, type CaseStatus } from '@citygov/domain/cases/case-states';
import { startOfChinaDay } from '@citygov/domain/deadlines/china-time';
import { and, asc, count, desc, eq, gt, gte, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type { WallArea } from './wall-area';

/**
 * The wall's reads of the cases table itself, each bounded by an index: running clocks by
 * deadline (the deadline indexes), today's or this week's reports (reported_at), 督办 (the
 * supervised index). None counts or scans a district's whole history.
 */
export function caseInArea(area: WallArea): SQL | undefined {
  if (area.level === 'district') return eq(cases.districtId, area.id);
  if (area.level === 'street') return eq(cases.streetId, area.id);
  return undefined;
}

const TWO_HOURS_MS = 2 * 3_600_000;
const running = () => [isNotNull(cases.stageDeadlineAt), isNull(cases.pausedAt)];

/** 超期 now and 2小时内到期: running clocks past, or within two hours of, their deadline. */
export async function clockCounts(db: Queryable, area: WallArea, now: Date) {
  const soon = new Date(now.getTime() + TWO_HOURS_MS);
  // Two disjoint ranges of the deadline index, read side by side (each is an index-only count).
  const [[overdue], [dueSoon]] = await Promise.all([
    db
      .select({ n: count() })
      .from(cases)
      .where(and(...running(), lte(cases.stageDeadlineAt, now), caseInArea(area))),
    db
      .select({ n: count() })
      .from(cases)
      .where(and(...running(), gt(cases.stageDeadlineAt, now), lte(cases.stageDeadlineAt, soon), caseInArea(area))),
  ]);
  return { overdue: overdue?.n ?? 0, dueSoon: dueSoon?.n ?? 0 };
}

const rowColumns = {
  id: cases.id,
  caseNo: cases.caseNo,
  status: cases.status,
  source: cases.source,
  urgency: cases.urgency,
  address: cases.address,
  categoryName: categories.name,
  streetName: areas.name,
  reportedAt: cases.reportedAt,
  stageDeadlineAt: cases.stageDeadlineAt,
  supervised: cases.supervised,
};

function joined(db: Queryable) {
  return db
    .select(rowColumns)
    .from(cases)
    .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
    .leftJoin(areas, eq(areas.id, cases.streetId));
}

type CaseRow = Awaited<ReturnType<ReturnType<typeof joined>['limit']>>[number];

/** A case as the wall lists it: no reporter, no description, nothing personal. */
export interface WallCaseRow {
  id: number;
  caseNo: string;
  status: string;
  sourceName: string;
  urgent: boolean;
  address: string;
  categoryName: string;
  streetName: string;
  reportedAt: Date;
  stageDeadlineAt: Date | null;
  supervised: boolean;
}

export function toWallRow(row: CaseRow): WallCaseRow {
  return {
    id: row.id,
    caseNo: row.caseNo,
    status: CASE_STATUS_NAMES[row.status as CaseStatus] ?? row.status,
    sourceName: CASE_SOURCES[row.source as CaseSource] ?? row.source,
    urgent: row.urgency === 'urgent',
    address: row.address,
    categoryName: row.categoryName ?? '',
    streetName: row.streetName ?? '',
    reportedAt: row.reportedAt,
    stageDeadlineAt: row.stageDeadlineAt,
    supervised: row.supervised,
  };
}

export const LIVE_LIST_SIZE = 30;

/** Today's newest reports, newest first (the live list's first fill). */
export async function recentCases(db: Queryable, area: WallArea, now: Date): Promise<WallCaseRow[]> {
  const rows = await joined(db)
    .where(and(gte(cases.reportedAt, startOfChinaDay(now)), caseInArea(area)))
    .orderBy(desc(cases.reportedAt))
    .limit(LIVE_LIST_SIZE);
  return rows.map(toWallRow);
}

/** One case as the live list shows it, for a report heard on the feed. */
export async function wallCase(db: Queryable, caseId: number): Promise<WallCaseRow | null> {
  const [row] = await joined(db).where(eq(cases.id, caseId));
  return row ? toWallRow(row) : null;
}

/** 超期 + 督办: the most overdue running clocks, then supervised cases, 20 at most. */
export async function overdueAndSupervised(db: Queryable, area: WallArea, now: Date): Promise<WallCaseRow[]> {
  // Both walk an index in deadline order (cases_deadline_idx, cases_supervised_deadline_idx): 20 rows each.
  const [overdue, supervised] = await Promise.all([
    joined(db)
      .where(and(...running(), lte(cases.stageDeadlineAt, now), caseInArea(area)))
      .orderBy(asc(cases.stageDeadlineAt))
      .limit(20),
    joined(db)
      .where(and(eq(cases.supervised, true), isNotNull(cases.stage), caseInArea(area)))
      .orderBy(asc(cases.stageDeadlineAt))
      .limit(20),
  ]);
  const seen = new Set<number>();
  return [...overdue, ...supervised]
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .slice(0, 20)
    .map(toWallRow);
}

/** Most points of each kind the wall's map carries: today's reports (newest first) and open cases (most overdue first). */
export const MAP_POINT_LIMIT = 3000;

const pointColumns = {
  id: cases.id,
  status: cases.status,
  urgency: cases.urgency,
  lng: cases.lng,
  lat: cases.lat,
  stageDeadlineAt: cases.stageDeadlineAt,
  pausedAt: cases.pausedAt,
};

/**
 * 案件分布: today's reports (reported_at index) and the open cases whose clock runs, most
 * overdue first (the deadline indexes), within the wall's area — never a scan of its
 * history. Each point as the case map draws it: status, urgency, overdue.
 */
export async function mapPoints(db: Queryable, area: WallArea, now: Date) {
  const [today, open, [box]] = await Promise.all([
    db
      .select(pointColumns)
      .from(cases)
      .where(and(gte(cases.reportedAt, startOfChinaDay(now)), caseInArea(area)))
      .orderBy(desc(cases.reportedAt))
      .limit(MAP_POINT_LIMIT),
    db
      .select(pointColumns)
      .from(cases)
      .where(and(...running(), caseInArea(area)))
      .orderBy(asc(cases.stageDeadlineAt))
      .limit(MAP_POINT_LIMIT),
    db
      .select({ minLng: areas.minLng, minLat: areas.minLat, maxLng: areas.maxLng, maxLat: areas.maxLat })
      .from(areas)
      .where(eq(areas.id, area.id)),
  ]);
  const seen = new Set<number>();
  const points = [...today, ...open]
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .map(({ stageDeadlineAt, pausedAt, ...row }) => ({
      ...row,
      overdue: stageDeadlineAt !== null && pausedAt === null && stageDeadlineAt.getTime() <= now.getTime(),
    }));
  const bounds =
    box && box.minLng !== null && box.minLat !== null && box.maxLng !== null && box.maxLat !== null
      ? ([box.minLng, box.minLat, box.maxLng, box.maxLat] as [number, number, number, number])
      : null;
  return {
    points,
    bounds,
    today: today.length,
    open: open.filter((row) => row.status !== 'closed').length,
    truncated: today.length === MAP_POINT_LIMIT || open.length === MAP_POINT_LIMIT,
  };
}
