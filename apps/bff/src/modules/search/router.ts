import { permissionProcedure, router } from '../../trpc/procedures';
import { searchCases } from './search-cases';
import { searchIndexCaughtUp } from './search-index';
import { ZSearchCasesInput } from './search-schemas';

/** 综合查询 (/search): full-text search of case descriptions and addresses in the viewer's scope. */
export const searchRouter = router({
  cases: permissionProcedure('case.view')
    .input(ZSearchCasesInput)
    .query(async ({ ctx, input }) => {
      await searchIndexCaughtUp(ctx.db);
      return searchCases(ctx.db, ctx.user, input);
    }),
});
