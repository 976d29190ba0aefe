import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { areas } from '@citygov/db/schema/org';
import { type AnyColumn, and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { caseSummaryColumns, caseWorkScope } from '../cases/api';
import { requireAreaInScope } from '../org/api';
import { orderCounts } from '../supervision/api';
import { type AreaCounts, areaCounts, NO_COUNTS, openCases, overdueAt, totalOf } from './area-counts';
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

/**
 * 领导驾驶舱 for the tablet: the area's KPIs, its parts one level down ranked by overdue
 * share (worst first, so the leader's finger lands on the problem), and open 督办单.
 */
export async function leaderHome(db: Queryable, user: SessionUser, areaId: number | undefined, now = new Date()) {
  const area = await requireAreaInScope(db, user, areaId ?? user.areaId);
  const scope = and(within(area), caseWorkScope(user));
  const childLevel = CHILD_LEVEL[area.level];
  const childColumn = childLevel ? COLUMN_OF[childLevel] : undefined;
  const counts = await areaCounts(db, scope, childColumn, now);
  let parts: ({ id: number; name: string } & AreaCounts)[] = [];
  if (childColumn) {
    const children = await db
      .select({ id: areas.id, name: areas.name })
      .from(areas)
      .where(eq(areas.parentId, area.id))
      .orderBy(asc(areas.code));
    parts = children.map((child) => ({ id: child.id, name: child.name, ...(counts.get(child.id) ?? NO_COUNTS) }));
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
    kpis: totalOf(counts),
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
        ? and(openCases, eq(cases.supervised, true))
        : openCases;
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
