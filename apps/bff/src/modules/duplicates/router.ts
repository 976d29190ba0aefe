/**
 * 智能判重 follow-up: the admin's thresholds (判重阈值) and the shift lead's queue of
 * suspected duplicates (疑似重复). Merging itself is the case action `merge` (cases.act),
 * so it keeps the workflow's rules, version check and timeline.
 */
import { permissionProcedure, router } from '../../trpc/procedures';
import { dismissSuspect } from './dismiss-suspect';
import { ZLeadPreviewInput, ZPairInput, ZSetThresholdsInput } from './duplicate-schemas';
import { saveDuplicateThresholds, thresholdsView } from './duplicate-thresholds';
import { leadPreview } from './lead-preview';
import { countPendingPairs, listPendingPairs } from './list-suspects';

export const duplicatesRouter = router({
  /** The thresholds in force and the shipped defaults. */
  thresholds: permissionProcedure('rules.manage').query(({ ctx }) => thresholdsView(ctx.db, ctx.user)),

  /** City-level administrators only: the thresholds hold for the whole city. */
  setThresholds: permissionProcedure('rules.manage')
    .input(ZSetThresholdsInput)
    .mutation(({ ctx, input }) => saveDuplicateThresholds(ctx.db, ctx.user, input)),

  /** Pending pairs with both cases in the caller's scope, side by side. */
  list: permissionProcedure('case.file').query(({ ctx }) => listPendingPairs(ctx.db, ctx.user)),

  /** How many pairs wait (the desk's badge). */
  count: permissionProcedure('case.file').query(({ ctx }) => countPendingPairs(ctx.db, ctx.user)),

  /** 不是重复: settles a pair as two different problems. */
  dismiss: permissionProcedure('case.file')
    .input(ZPairInput)
    .mutation(({ ctx, input }) => dismissSuspect(ctx.db, ctx.user, input)),

  /** The lead case typed for a 并案, checked and described before the merge is confirmed. */
  leadPreview: permissionProcedure('case.file')
    .input(ZLeadPreviewInput)
    .query(({ ctx, input }) => leadPreview(ctx.db, ctx.user, input)),
});
