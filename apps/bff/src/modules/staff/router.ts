import { permissionProcedure, router } from '../../trpc/procedures';
import { myCalls, myDuty, reportPositions, setOnDuty } from './staff-duty';
import { ZReportPositionsInput, ZSetOnDutyInput } from './staff-schemas';

/** Field staff on their phones, always about themselves: 上岗/下岗, their GPS track, the calls to them. */
export const staffRouter = router({
  myDuty: permissionProcedure('staff.duty').query(({ ctx }) => myDuty(ctx.db, ctx.user)),

  setOnDuty: permissionProcedure('staff.duty')
    .input(ZSetOnDutyInput)
    .mutation(({ ctx, input }) => setOnDuty(ctx.db, ctx.user, input.onDuty)),

  reportPositions: permissionProcedure('staff.duty')
    .input(ZReportPositionsInput)
    .mutation(({ ctx, input }) => reportPositions(ctx.db, ctx.user, input)),

  myCalls: permissionProcedure('staff.duty').query(({ ctx }) => myCalls(ctx.db, ctx.user)),
});
