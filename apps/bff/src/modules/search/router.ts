import { permissionProcedure, router } from '../../trpc/procedures';
import { searchCases } from './search-cases';
import { searchIndexOf } from './search-index';
import { ZSearchCasesInput } from './search-schemas';

/** The index is caught up briefly first (a new report is findable at once); a long backlog fills in behind. */
const CATCH_UP_WAIT_MS = 2_000;

/** 综合查询 (/search): full-text search of case descriptions and addresses in the viewer's scope. */
export const searchRouter = router({
  cases: permissionProcedure('case.view')
    .input(ZSearchCasesInput)
    .query(async ({ ctx, input }) => {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, CATCH_UP_WAIT_MS);
        searchIndexOf(ctx.db)
          .catchUp()
          .then(resolve, reject)
          .finally(() => clearTimeout(timer));
      });
      return searchCases(ctx.db, ctx.user, input);
    }),
});
