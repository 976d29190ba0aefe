import { stage } from '../../lib/stage-profile';
import { permissionProcedure, router } from '../../trpc/procedures';
import { mergeLeadOf } from '../cases/api';
import { reportCase } from './report-case';
import { ZReportCaseInput } from './report-schemas';

/**
 * 上报 — served as `cases.report` (app-router.ts merges it into the cases router): a new
 * report goes through intake (grid, category, 智能判重) before it becomes a case.
 */
export const reportRouter = router({
  report: permissionProcedure('case.report')
    .input(ZReportCaseInput)
    .mutation(async ({ ctx, input }) => {
      const created = await stage('reportCase', () => reportCase(ctx.db, ctx.user, input));
      // 自动并案: the reporter is told which case now carries their report.
      const lead = created.mergedIntoId ? await mergeLeadOf(ctx.db, created.mergedIntoId) : null;
      return {
        id: created.id,
        caseNo: created.caseNo,
        // 查询码 for a citizen's report, to read out to a caller (null for staff's own reports).
        trackingCode: created.trackingCode,
        version: created.version,
        status: created.status,
        mergedInto: lead ? { id: lead.id, caseNo: lead.caseNo, statusName: lead.statusName } : null,
      };
    }),
});
