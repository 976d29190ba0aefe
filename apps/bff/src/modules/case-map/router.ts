import { permissionProcedure, router } from '../../trpc/procedures';
import { searchIndexCaughtUp } from '../search/api';
import { caseMapPoints } from './case-map-points';
import { ZCaseMapPointsInput } from './case-map-schemas';

/** 案件地图 (/map): case points for the map's case, cluster and heat layers, and the 框选 list. */
export const caseMapRouter = router({
  points: permissionProcedure('case.view')
    .input(ZCaseMapPointsInput)
    .query(async ({ ctx, input }) => {
      // 关键词 reads the search index: let it catch up with a report just made.
      if (input.q) await searchIndexCaughtUp(ctx.db);
      return caseMapPoints(ctx.db, ctx.user, input);
    }),
});
