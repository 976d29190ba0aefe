import type { Queryable } from '@citygov/db/client';
import { areas } from '@citygov/db/schema/org';
import { isWallAreaLevel } from '@citygov/domain/wall/wall-measures';
import { and, asc, eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import type { WallArea } from './wall-area';
import { clockCounts, mapPoints, overdueAndSupervised, recentCases } from './wall-cases';
import { areaRanking, departmentDisposal, sourceShares, stageTrend, todayCounts, topCategories } from './wall-summary';

/** The wall's full refresh: every panel's data for one area. */
export async function loadWall(db: Queryable, user: SessionUser, area: WallArea, now: Date) {
  const [today, clocks, trend, categories, sources, ranking, departments, recent, watchList, map, switchTo] =
    await Promise.all([
      todayCounts(db, area, now),
      clockCounts(db, area, now),
      stageTrend(db, area, now),
      topCategories(db, area, now),
      sourceShares(db, area, now),
      areaRanking(db, area, now),
      departmentDisposal(db, area, now),
      recentCases(db, area, now),
      overdueAndSupervised(db, area, now),
      mapPoints(db, area, now),
      areaChoices(db, user, area),
    ]);
  return {
    area,
    areaChoices: switchTo,
    at: now,
    kpi: { ...today.counts, ...today.rates, overdue: clocks.overdue, dueSoon: clocks.dueSoon },
    trend,
    categories,
    sources,
    ranking,
    departments,
    recent,
    watchList,
    map,
  };
}

/** Where the viewer may switch the wall to: their own area, the one shown, and its children (wall levels only). */
async function areaChoices(db: Queryable, user: SessionUser, area: WallArea) {
  const children = await db
    .select({ code: areas.code, name: areas.name, level: areas.level })
    .from(areas)
    .where(and(eq(areas.parentId, area.id)))
    .orderBy(asc(areas.code));
  const own = { code: '', name: `本辖区（${user.areaName}）`, level: user.areaLevel };
  return [own, { code: area.code, name: area.name, level: area.level }, ...children].filter(
    (choice, i, all) => isWallAreaLevel(choice.level) && all.findIndex((c) => c.code === choice.code) === i,
  );
}
