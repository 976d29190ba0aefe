import { permissionProcedure, router } from '../../trpc/procedures';
import { evaluationCases, evaluationTrend, viewEvaluation } from './evaluation-queries';
import {
  ZEvaluationCasesInput,
  ZEvaluationTarget,
  ZIndicatorsInput,
  ZPublishInput,
  ZRecalculateInput,
  ZResetIndicatorsInput,
  ZSaveIndicatorsInput,
  ZTrendInput,
} from './evaluation-schemas';
import { indicatorsOf, resetIndicators, saveIndicators } from './indicator-table';
import { publishEvaluation, recalculateEvaluation } from './published-results';

/** 综合评价: rankings computed from the case timelines, drill-down, trend, publishing and the indicator table. */
export const evaluationRouter = router({
  view: permissionProcedure('evaluation.view')
    .input(ZEvaluationTarget)
    .query(({ ctx, input }) => viewEvaluation(ctx.db, ctx.user, input)),

  cases: permissionProcedure('evaluation.view')
    .input(ZEvaluationCasesInput)
    .query(({ ctx, input }) => evaluationCases(ctx.db, ctx.user, input)),

  trend: permissionProcedure('evaluation.view')
    .input(ZTrendInput)
    .query(({ ctx, input }) => evaluationTrend(ctx.db, ctx.user, input)),

  /** Freezes the period's result for the caller's scope (logged by the audit middleware). */
  publish: permissionProcedure('evaluation.publish')
    .input(ZPublishInput)
    .mutation(({ ctx, input }) => publishEvaluation(ctx.db, ctx.user, input)),

  /** Computes a published period again from the timelines: a new revision, with its reason. */
  recalculate: permissionProcedure('evaluation.publish')
    .input(ZRecalculateInput)
    .mutation(({ ctx, input }) => recalculateEvaluation(ctx.db, ctx.user, input)),

  indicators: permissionProcedure('evaluation.view')
    .input(ZIndicatorsInput)
    .query(({ ctx, input }) => indicatorsOf(ctx.db, input.subjectKind)),

  saveIndicators: permissionProcedure('evaluation.configure')
    .input(ZSaveIndicatorsInput)
    .mutation(({ ctx, input }) => saveIndicators(ctx.db, ctx.user, input)),

  resetIndicators: permissionProcedure('evaluation.configure')
    .input(ZResetIndicatorsInput)
    .mutation(({ ctx, input }) => resetIndicators(ctx.db, ctx.user, input.subjectKind)),
});
