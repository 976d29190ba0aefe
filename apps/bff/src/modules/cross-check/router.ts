import { permissionProcedure, router } from '../../trpc/procedures';
import {
  ZCreatePlanInput,
  ZLibraryInput,
  ZMarkInput,
  ZPlansInput,
  ZReviewInput,
  ZSampleInput,
  ZSamplesInput,
  ZSaveSettingsInput,
  ZStatisticsInput,
} from './cross-check-schemas';
import { createPlan, listPlans } from './plans';
import { caseLibrary, listSamples, markSample, reviewSample, sampleDetail } from './samples';
import { saveSettings, viewSettings } from './settings';
import { crossCheckStatistics } from './statistics';

/** 交叉抽查: monthly plans, samples reviewed by supervisors of other counties, statistics, the case library. */
export const crossCheckRouter = router({
  plans: permissionProcedure('crossCheck.review')
    .input(ZPlansInput)
    .query(({ ctx, input }) => listPlans(ctx.db, ctx.user, input)),

  /** Draws and assigns a county's month (logged by the audit middleware, with its seed). */
  createPlan: permissionProcedure('crossCheck.review')
    .input(ZCreatePlanInput)
    .mutation(({ ctx, input }) => createPlan(ctx.db, ctx.user, input)),

  samples: permissionProcedure('crossCheck.review')
    .input(ZSamplesInput)
    .query(({ ctx, input }) => listSamples(ctx.db, ctx.user, input)),

  sample: permissionProcedure('crossCheck.review')
    .input(ZSampleInput)
    .query(({ ctx, input }) => sampleDetail(ctx.db, ctx.user, input)),

  review: permissionProcedure('crossCheck.review')
    .input(ZReviewInput)
    .mutation(({ ctx, input }) => reviewSample(ctx.db, ctx.user, input)),

  mark: permissionProcedure('crossCheck.review')
    .input(ZMarkInput)
    .mutation(({ ctx, input }) => markSample(ctx.db, ctx.user, input)),

  library: permissionProcedure('crossCheck.review')
    .input(ZLibraryInput)
    .query(({ ctx, input }) => caseLibrary(ctx.db, ctx.user, input)),

  statistics: permissionProcedure('crossCheck.review')
    .input(ZStatisticsInput)
    .query(({ ctx, input }) => crossCheckStatistics(ctx.db, ctx.user, input)),

  settings: permissionProcedure('crossCheck.review').query(({ ctx }) => viewSettings(ctx.db)),

  saveSettings: permissionProcedure('evaluation.configure')
    .input(ZSaveSettingsInput)
    .mutation(({ ctx, input }) => saveSettings(ctx.db, ctx.user, input)),
});
