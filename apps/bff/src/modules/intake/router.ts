/**
 * Intake assistance (一口受理): category suggestion from the description (小类建议)
 * and duplicate detection (智能判重) while a report is being registered.
 *
 * Gates: both queries need `case.report`, which collectors, acceptors and street
 * chiefs hold (the acceptor also holds `case.accept`). The permission tier takes one
 * permission, so a shift lead (`case.accept` without `case.report`) is refused here;
 * letting "case.report OR case.accept" through needs an any-of tier in
 * trpc/procedures.ts and the permission-matrix test (proposed, not done).
 */
import { permissionProcedure, router } from '../../trpc/procedures';
import { retrainCategoryModel, suggest } from '../category-model/api';
import { findDuplicates, loadDuplicateSettings, uploadedPhotoHashes } from '../duplicates/api';
import { requireCityLevel } from '../org/api';
import { ZFindDuplicatesInput, ZSuggestCategoriesInput } from './intake-schemas';

export const intakeRouter = router({
  /** Top categories for a description, best first, each with a 0–1 score. */
  suggestCategories: permissionProcedure('case.report')
    .input(ZSuggestCategoriesInput)
    .query(({ ctx, input }) => suggest(ctx.db, input)),

  /** Open and recent cases in the caller's scope that may be the same problem, best first (判重阈值 in force). */
  findDuplicates: permissionProcedure('case.report')
    .input(ZFindDuplicatesInput)
    .query(async ({ ctx, input }) => {
      const photos = await uploadedPhotoHashes(ctx.db, input.attachmentIds, ctx.user.id);
      return findDuplicates(ctx.db, ctx.user, { ...input, photos }, await loadDuplicateSettings(ctx.db));
    }),

  /** Rebuilds the category model from the catalogue, the samples and closed cases now (one model city-wide). */
  retrain: permissionProcedure('category.manage').mutation(({ ctx }) => {
    requireCityLevel(ctx.user, 'categoryModel');
    return retrainCategoryModel(ctx.db);
  }),
});
