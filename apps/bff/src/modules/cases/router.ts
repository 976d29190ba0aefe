import type { Queryable } from '@citygov/db/client';
import { CASE_QUEUES } from '@citygov/domain/cases/case-queues';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import type { SessionUser } from '../../trpc/context';
import { permissionProcedure, router } from '../../trpc/procedures';
import { addRemark } from './add-remark';
import { batchDispatch, ZBatchDispatchInput } from './batch-dispatch';
import { collectorsCovering, listDispatchableDepartments } from './case-assignments';
import { caseChanges, publishCaseChange } from './case-bus';
import { getCaseDetail, listCases, queueCounts } from './case-queries';
import { ZCaseActionInput, ZListCasesInput, ZReportCaseInput } from './case-schemas';
import { caseScope } from './case-scope';
import { loadCaseInScope } from './load-case';
import { mergeLeadOf } from './merge-links';
import { performCaseAction } from './perform-case-action';
import { reportCase } from './report-case';
import { subUnitsForCase } from './sub-units';

export const casesRouter = router({
  report: permissionProcedure('case.report')
    .input(ZReportCaseInput)
    .mutation(async ({ ctx, input }) => {
      const created = await reportCase(ctx.db, ctx.user, input);
      ctx.afterCommit(() => publishCaseChange({ ...pick(created), action: 'report' }));
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

  /** Every workflow action; the permission each needs is checked against the action table. */
  act: permissionProcedure('portal.view')
    .input(ZCaseActionInput)
    .mutation(async ({ ctx, input }) => {
      const updated = await performCaseAction(ctx.db, ctx.user, input);
      ctx.afterCommit(() => publishCaseChange({ ...pick(updated), action: input.action }));
      return { id: updated.id, status: updated.status, version: updated.version };
    }),

  addRemark: permissionProcedure('case.view')
    .input(z.object({ caseId: z.number().int().positive(), text: z.string().trim().min(1, '请填写备注').max(1000) }))
    .mutation(async ({ ctx, input }) => {
      const event = await addRemark(ctx.db, ctx.user, input.caseId, input.text);
      const row = await loadCaseInScope(ctx.db, ctx.user, input.caseId);
      ctx.afterCommit(() => publishCaseChange({ ...pick(row), action: 'remark' }));
      return { id: event?.id ?? null };
    }),

  /** Collectors who may take a verify or check task for this case, the grid's own first. */
  collectorsFor: permissionProcedure('case.accept')
    .input(z.object({ caseId: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const row = await loadCaseInScope(ctx.db, ctx.user, input.caseId);
      return (await collectorsCovering(ctx.db, row.gridId)).map(({ id, displayName }) => ({ id, displayName }));
    }),

  /** 批量派遣: the same dispatch for up to 100 cases in one transaction, all or nothing. */
  batchDispatch: permissionProcedure('case.dispatch')
    .input(ZBatchDispatchInput)
    .mutation(async ({ ctx, input }) => {
      const dispatched = await batchDispatch(ctx.db, ctx.user, input);
      ctx.afterCommit(() => {
        for (const row of dispatched) publishCaseChange({ ...pick(row), action: 'dispatch' });
      });
      return { count: dispatched.length, caseNos: dispatched.map((row) => row.caseNo) };
    }),

  /** 二级派遣 targets: the units below the case's lead department. */
  subUnits: permissionProcedure('case.handle')
    .input(z.object({ caseId: z.number().int().positive() }))
    .query(({ ctx, input }) => subUnitsForCase(ctx.db, ctx.user, input.caseId)),

  /** Departments this dispatcher may send cases to (their area's and the city's). */
  dispatchTargets: permissionProcedure('case.dispatch').query(({ ctx }) =>
    listDispatchableDepartments(ctx.db, ctx.user),
  ),

  list: permissionProcedure('case.view')
    .input(ZListCasesInput)
    .query(({ ctx, input }) => listCases(ctx.db, ctx.user, input)),

  /** Cases a collector or street chief reported or holds as tasks (their phone list). */
  mine: permissionProcedure('case.report')
    .input(ZListCasesInput)
    .query(({ ctx, input }) => listCases(ctx.db, ctx.user, input, { mineOnly: true })),

  byId: permissionProcedure('portal.view')
    .input(z.object({ id: z.number().int().positive() }))
    .query(({ ctx, input }) => getCaseDetail(ctx.db, ctx.user, input.id)),

  queues: permissionProcedure('todo.view').query(({ ctx }) => queueCounts(ctx.db, ctx.user)),

  queueDefinitions: permissionProcedure('todo.view').query(({ ctx }) =>
    CASE_QUEUES.filter((q) => ctx.user.permissions.has(q.permission)).map(({ key, label }) => ({ key, label })),
  ),

  /** Live updates for open screens (SSE): changes to cases the user may see. */
  onChange: permissionProcedure('portal.view').subscription(async function* ({ ctx, signal }) {
    const citywide = caseScope(ctx.user) === undefined;
    for await (const change of caseChanges(signal)) {
      if (!citywide && !(await visible(ctx, change.caseId))) continue;
      yield tracked(`${change.caseId}:${change.version}`, change);
    }
  }),
});

function pick(row: { id: number; caseNo: string; status: string; version: number; districtId: number }) {
  return { caseId: row.id, caseNo: row.caseNo, status: row.status, version: row.version, districtId: row.districtId };
}

async function visible(ctx: { db: Queryable; user: SessionUser }, caseId: number) {
  return loadCaseInScope(ctx.db, ctx.user, caseId).then(
    () => true,
    () => false,
  );
}
