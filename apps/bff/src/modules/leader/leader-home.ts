import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { areas } from '@citygov/db/schema/org';
import { FINAL_STATUSES } from '@citygov/domain/cases/case-states';
import { chinaDate, dateToDayNumber, dayStartMs } from '@citygov/domain/deadlines/china-time';
import { type AnyColumn, and, asc, eq, inArray, isNotNull, isNull, not, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { caseSummaryColumns, caseWorkScope } from '../cases/api';
import { requireAreaInScope } from '../org/api';
import { orderCounts } from '../supervision/api';
import type { ZLeaderCasesInput } from './leader-schemas';

type Area = typeof areas.$inferSelect;

/** The case column of an area's level, and of the level the tablet drills to below it. */
const COLUMN_OF: Record<string, AnyColumn | undefined> = {
  district: cases.districtId,
  street: cases.streetId,
  community: cases.communityId,
  grid: cases.gridId,
};
const CHILD_LEVEL: Record<string, string | undefined> = { city: 'district', district: 'street' };

function within(area: Area): SQL | undefined {
  const column = COLUMN_OF[area.level];
  return column ? eq(column, area.id) : undefined;
}

const open = not(inArray(cases.status, [...FINAL_STATUSES]));
// Instants go into raw SQL as ISO text with a cast: postgres.js refuses a Date inside a raw fragment.
const overdueAt = (now: Date) =>
  and(
    open,
    isNotNull(cases.stageDeadlineAt),
    isNull(cases.pausedAt),
    sql`${cases.stageDeadlineAt} < ${now.toISOString()}::timestamptz`,
  ) as SQL;

function monthStart(now: Date): Date {
  return new Date(dayStartMs(dateToDayNumber(`${chinaDate(now).slice(0, 7)}-01`)));
}

function kpiColumns(now: Date) {
  const since = monthStart(now).toISOString();
  return {
    open: sql<number>`count(*) filter (where ${open})`.mapWith(Number),
    overdue: sql<number>`count(*) filter (where ${overdueAt(now)})`.mapWith(Number),
    supervised: sql<number>`count(*) filter (where ${open} and ${cases.supervised})`.mapWith(Number),
    reportedThisMonth: sql<number>`count(*) filter (where ${cases.reportedAt} >= ${since}::timestamptz)`.mapWith(
      Number,
    ),
    closedThisMonth:
      sql<number>`count(*) filter (where ${cases.status} = 'closed' and ${cases.closedAt} >= ${since}::timestamptz)`.mapWith(
        Number,
      ),
  };
}

/**
 * 领导驾驶舱 for the tablet: the area's KPIs, its parts one level down ranked by overdue
 * share (worst first, so the leader's finger lands on the problem), and open 督办单.
 */
export async function leaderHome(db: Queryable, user: SessionUser, areaId: number | undefined, now = new Date()) {
  const area = await requireAreaInScope(db, user, areaId ?? user.areaId);
  const scope = and(within(area), caseWorkScope(user));
  const [kpis] = await db.select(kpiColumns(now)).from(cases).where(scope);
  const childLevel = CHILD_LEVEL[area.level];
  const childColumn = childLevel ? COLUMN_OF[childLevel] : undefined;
  let parts: {
    id: number;
    name: string;
    open: number;
    overdue: number;
    closedThisMonth: number;
    reportedThisMonth: number;
    supervised: number;
  }[] = [];
  if (childColumn) {
    const counts = await db
      .select({ id: sql<number>`${childColumn}`.mapWith(Number), ...kpiColumns(now) })
      .from(cases)
      .where(scope)
      .groupBy(sql`${childColumn}`);
    const children = await db
      .select({ id: areas.id, name: areas.name })
      .from(areas)
      .where(eq(areas.parentId, area.id))
      .orderBy(asc(areas.code));
    const byId = new Map(counts.map((c) => [c.id, c]));
    parts = children.map((child) => {
      const c = byId.get(child.id);
      return {
        id: child.id,
        name: child.name,
        open: c?.open ?? 0,
        overdue: c?.overdue ?? 0,
        closedThisMonth: c?.closedThisMonth ?? 0,
        reportedThisMonth: c?.reportedThisMonth ?? 0,
        supervised: c?.supervised ?? 0,
      };
    });
    const share = (p: (typeof parts)[number]) => (p.open === 0 ? 0 : p.overdue / p.open);
    parts.sort((a, b) => share(b) - share(a) || b.overdue - a.overdue);
  }
  // The way back up, as far as the leader's own area (higher steps are not theirs to open).
  const ancestors = await db
    .select({ id: areas.id, name: areas.name, level: areas.level, path: areas.path })
    .from(areas)
    .where(inArray(areas.id, area.path.split('/').filter(Boolean).map(Number)))
    .orderBy(asc(areas.path));
  return {
    area: { id: area.id, name: area.name, level: area.level, childLevel: childLevel ?? null },
    breadcrumb: ancestors.filter((a) => a.path.startsWith(user.areaPath)).map(({ path: _, ...a }) => a),
    kpis: kpis ?? { open: 0, overdue: 0, supervised: 0, reportedThisMonth: 0, closedThisMonth: 0 },
    parts,
    orders: await orderCounts(db, user, now),
  };
}

/** The cases of an area for the tablet's last drill step: overdue, open or under 督办, most urgent first. */
export async function leaderCases(
  db: Queryable,
  user: SessionUser,
  input: z.infer<typeof ZLeaderCasesInput>,
  now = new Date(),
) {
  const area = await requireAreaInScope(db, user, input.areaId);
  const filter =
    input.filter === 'overdue'
      ? overdueAt(now)
      : input.filter === 'supervised'
        ? and(open, eq(cases.supervised, true))
        : open;
  const rows = await db
    .select({
      ...caseSummaryColumns,
      reportedAt: cases.reportedAt,
      stageDeadlineAt: cases.stageDeadlineAt,
      supervised: cases.supervised,
    })
    .from(cases)
    .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
    .where(and(within(area), caseWorkScope(user), filter))
    .orderBy(sql`${cases.stageDeadlineAt} asc nulls last`, asc(cases.id))
    .limit(input.limit + 1);
  // One row past the page says whether 加载更多 has anything to add.
  return { area: { id: area.id, name: area.name }, rows: rows.slice(0, input.limit), more: rows.length > input.limit };
}
