import { permissionProcedure, router } from '../../trpc/procedures';
import { dutyReport } from './duty-report';
import { myCalls, myDuty, reportPositions, setOnDuty } from './staff-duty';
import { ZDutyReportInput, ZReportPositionsInput, ZSetOnDutyInput } from './staff-schemas';

/** Field staff on their phones, always about themselves: 上岗/下岗, their GPS track, the calls to them; 在岗统计 on the desk. */
export const staffRouter = router({
  myDuty: permissionProcedure('staff.duty').query(({ ctx }) => myDuty(ctx.db, ctx.user)),

  setOnDuty: permissionProcedure('staff.duty')
    .input(ZSetOnDutyInput)
    .mutation(({ ctx, input }) => setOnDuty(ctx.db, ctx.user, input.onDuty)),

  reportPositions: permissionProcedure('staff.duty')
    .input(ZReportPositionsInput)
    .mutation(({ ctx, input }) => reportPositions(ctx.db, ctx.user, input)),

  myCalls: permissionProcedure('staff.duty').query(({ ctx }) => myCalls(ctx.db, ctx.user)),

  /** 在岗统计 on the desk: the field staff of the viewer's area scope, per day (whoever may see the command scene). */
  dutyReport: permissionProcedure('command.view')
    .input(ZDutyReportInput)
    .query(({ ctx, input }) => dutyReport(ctx.db, ctx.user, input)),
});
