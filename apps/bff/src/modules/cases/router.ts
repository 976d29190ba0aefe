import type { Queryable } from '@citygov/db/client';
import { CASE_QUEUES } from '@citygov/domain/cases/case-queues';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { zBigId } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';
import type { SessionUser } from '../../trpc/session-user';
import { actOnCase } from './act-on-case';
import { addRemark } from './add-remark';
import { batchDispatch, ZBatchDispatchInput } from './batch-dispatch';
import { collectorsCovering, listDispatchableDepartments } from './case-assignments';
import { caseNotices } from './case-notices';
import { getCaseDetail, listCases, queueCounts } from './case-queries';
import { ZCaseActionInput, ZListCasesInput } from './case-schemas';
import { caseScope } from './case-scope';
import { chiefQueue } from './chief-queue';
import { loadCaseForWork, loadCaseInScope } from './load-case';
import { subUnitsForCase } from './sub-units';

export const casesRouter = router({
  /** Every workflow action; the permission each needs is checked against the action table. */
  act: permissionProcedure('portal.view')
    .input(ZCaseActionInput)
    .mutation(async ({ ctx, input }) => {
      const updated = await actOnCase(ctx.db, ctx.user, input);
      return { id: updated.id, status: updated.status, version: updated.version };
    }),

  addRemark: permissionProcedure('case.view')
    .input(z.object({ caseId: zBigId, text: z.string().trim().min(1, '请填写备注').max(1000) }))
    .mutation(async ({ ctx, input }) => {
      const event = await addRemark(ctx.db, ctx.user, input.caseId, input.text);
      return { id: event.id };
    }),

  /**
   * The reporter's full phone number, for holders of 查看完整个人信息: a mutation, so the
   * audited transaction logs who looked at whose number and when.
   */
  revealReporterPhone: permissionProcedure('personal.view')
    .input(z.object({ caseId: zBigId }))
    .mutation(async ({ ctx, input }) => {
      const row = await loadCaseInScope(ctx.db, ctx.user, input.caseId);
      return { phone: row.reporterPhone };
    }),

  /** Collectors who may take a verify or check task for this case, the grid's own first. */
  collectorsFor: permissionProcedure('case.accept')
    .input(z.object({ caseId: zBigId }))
    .query(async ({ ctx, input }) => {
      const row = await loadCaseForWork(ctx.db, ctx.user, input.caseId);
      return (await collectorsCovering(ctx.db, row.gridId)).map(({ id, displayName }) => ({ id, displayName }));
    }),

  /** 批量派遣: the same dispatch for up to 100 cases in one transaction, all or nothing. */
  batchDispatch: permissionProcedure('case.dispatch')
    .input(ZBatchDispatchInput)
    .mutation(async ({ ctx, input }) => {
      const dispatched = await batchDispatch(ctx.db, ctx.user, input);
      return { count: dispatched.length, caseNos: dispatched.map((row) => row.caseNo) };
    }),

  /** 二级派遣 targets: the units below the case's lead department. */
  subUnits: permissionProcedure('case.handle')
    .input(z.object({ caseId: zBigId }))
    .query(({ ctx, input }) => subUnitsForCase(ctx.db, ctx.user, input.caseId)),

  /** Departments this dispatcher may send cases to (their area's and the city's). */
  dispatchTargets: permissionProcedure('case.dispatch').query(({ ctx }) =>
    listDispatchableDepartments(ctx.db, ctx.user),
  ),

  /** 街长制: a chief's street-governance cases with the chief actions open to them. */
  chiefQueue: permissionProcedure('street.handle').query(({ ctx }) => chiefQueue(ctx.db, ctx.user)),

  list: permissionProcedure('case.view')
    .input(ZListCasesInput)
    .query(({ ctx, input }) => listCases(ctx.db, ctx.user, input)),

  /** Cases a collector or street chief reported or holds as tasks (their phone list). */
  mine: permissionProcedure('case.report')
    .input(ZListCasesInput)
    .query(({ ctx, input }) => listCases(ctx.db, ctx.user, input, { mineOnly: true })),

  byId: permissionProcedure('portal.view')
    .input(z.object({ id: zBigId }))
    .query(({ ctx, input }) => getCaseDetail(ctx.db, ctx.user, input.id)),

  queues: permissionProcedure('todo.view').query(({ ctx }) => queueCounts(ctx.db, ctx.user)),

  /** 提醒: 返工 / 督办 / 催办 on the cases the user's department works, for the phone's notice. */
  notices: permissionProcedure('case.handle').query(({ ctx }) => caseNotices(ctx.db, ctx.user)),

  queueDefinitions: permissionProcedure('todo.view').query(({ ctx }) =>
    CASE_QUEUES.filter((q) => ctx.user.permissions.has(q.permission)).map(({ key, label }) => ({ key, label })),
  ),

  /**
   * Live updates for open screens (SSE): changes to cases the user may see, from the event
   * stream, so a change made through any BFF process reaches every screen.
   */
  onChange: permissionProcedure('portal.view').subscription(async function* ({ ctx, signal }) {
    if (!ctx.caseFeed) return;
    const citywide = caseScope(ctx.user) === undefined;
    for await (const change of ctx.caseFeed.changes(signal)) {
      if (!citywide && !(await visible(ctx, change.caseId))) continue;
      yield tracked(String(change.seq), change);
    }
  }),
});

async function visible(ctx: { db: Queryable; user: SessionUser }, caseId: number) {
  return loadCaseInScope(ctx.db, ctx.user, caseId).then(
    () => true,
    () => false,
  );
}
