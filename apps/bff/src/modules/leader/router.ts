import { permissionProcedure, router } from '../../trpc/procedures';
import { leaderCases, leaderHome } from './leader-home';
import { ZLeaderAreaInput, ZLeaderCasesInput } from './leader-schemas';

/** The leader's tablet (/leader): an area's state at a glance and its cases, drilled by tapping. */
export const leaderRouter = router({
  home: permissionProcedure('dashboard.view')
    .input(ZLeaderAreaInput)
    .query(({ ctx, input }) => leaderHome(ctx.db, ctx.user, input.areaId)),

  cases: permissionProcedure('dashboard.view')
    .input(ZLeaderCasesInput)
    .query(({ ctx, input }) => leaderCases(ctx.db, ctx.user, input)),
});
