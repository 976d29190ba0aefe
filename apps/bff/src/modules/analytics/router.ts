import { permissionProcedure, router } from '../../trpc/procedures';
import { resolveWallArea, wallRollupOf } from '../wall/api';
import { analyticsCases } from './analytics-cases';
import {
  byArea,
  byCategory,
  byDay,
  bySource,
  disposalEfficiency,
  hotGrids,
  periodSummary,
  repeatPoints,
  risingWarnings,
  weekHour,
} from './analytics-queries';
import { ZAnalyticsCasesInput, ZAnalyticsViewInput } from './analytics-schemas';

/** The rollup is caught up briefly before reading; after a long backlog the answer shows what is counted so far. */
const CATCH_UP_WAIT_MS = 2_000;
function caughtUp(db: Parameters<typeof wallRollupOf>[0]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, CATCH_UP_WAIT_MS);
    wallRollupOf(db)
      .catchUp()
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}

/** 统计分析 (/analytics): every chart of an area and a range of months, and the cases behind any chart item. */
export const analyticsRouter = router({
  view: permissionProcedure('dashboard.view')
    .input(ZAnalyticsViewInput)
    .query(async ({ ctx, input }) => {
      const area = await resolveWallArea(ctx.db, ctx.user, input.scope.area);
      await caughtUp(ctx.db);
      const period = { from: input.scope.from, to: input.scope.to };
      const [summary, days, categories, sources, places, efficiency, weekHours, grids, repeats, trends] =
        await Promise.all([
          periodSummary(ctx.db, area, period),
          byDay(ctx.db, area, period),
          byCategory(ctx.db, area, period),
          bySource(ctx.db, area, period),
          byArea(ctx.db, area, period),
          disposalEfficiency(ctx.db, area, period),
          weekHour(ctx.db, area, period),
          hotGrids(ctx.db, area, period),
          repeatPoints(ctx.db, area, period, input.repeat),
          risingWarnings(ctx.db, area, period, input.trend),
        ]);
      return {
        area,
        period,
        summary,
        days,
        categories,
        sources,
        areas: places,
        efficiency,
        weekHour: weekHours,
        grids,
        repeatPoints: repeats,
        trends,
      };
    }),

  cases: permissionProcedure('dashboard.view')
    .input(ZAnalyticsCasesInput)
    .query(async ({ ctx, input }) => {
      const area = await resolveWallArea(ctx.db, ctx.user, input.scope.area);
      const period = { from: input.scope.from, to: input.scope.to };
      return analyticsCases(ctx.db, ctx.user, area, period, input.filter, input.page, input.pageSize);
    }),
});
