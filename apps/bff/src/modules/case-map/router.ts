import { permissionProcedure, router } from '../../trpc/procedures';
import { caseMapPoints } from './case-map-points';
import { ZCaseMapPointsInput } from './case-map-schemas';

/** 案件地图 (/map): case points for the map's case, cluster and heat layers, and the 框选 list. */
export const caseMapRouter = router({
  points: permissionProcedure('case.view')
    .input(ZCaseMapPointsInput)
    .query(({ ctx, input }) => caseMapPoints(ctx.db, ctx.user, input)),
});
