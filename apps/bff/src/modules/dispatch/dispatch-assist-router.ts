import { z } from 'zod';
import { permissionProcedure, router } from '../../trpc/procedures';
import { dispatchAssistance } from './dispatch-assistant';

/** 派遣助手: what the dispatcher sees beside the department choice (read-only). */
export const dispatchAssistRouter = router({
  forCase: permissionProcedure('case.dispatch')
    .input(z.object({ caseId: z.number().int().positive() }))
    .query(({ ctx, input }) => dispatchAssistance(ctx.db, ctx.user, input.caseId)),
});
