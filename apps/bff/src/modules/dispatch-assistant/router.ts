import { z } from 'zod';
import { zBigId } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';
import { dispatchAssistance } from './dispatch-assistant';

/** 派遣助手: what the dispatcher sees beside the department choice (read-only). */
export const dispatchAssistRouter = router({
  forCase: permissionProcedure('case.dispatch')
    .input(z.object({ caseId: zBigId }))
    .query(({ ctx, input }) => dispatchAssistance(ctx.db, ctx.user, input.caseId)),
});
