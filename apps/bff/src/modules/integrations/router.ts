import { z } from 'zod';
import { createChannelRegistry, integrationSettingsOf } from '../../adapters/registry';
import { zBigId } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';
import { deadLetters, integrationOverview, replayDeadLetter } from './integration-queries';

export const integrationsRouter = router({
  /** 外部系统: health, queue depth, failures and last success of each outside system. */
  overview: permissionProcedure('integration.manage').query(({ ctx }) =>
    integrationOverview(ctx.db, ctx.user, createChannelRegistry(integrationSettingsOf(ctx.db, ctx.config))),
  ),

  /** 死信列表: messages that ran out of attempts or whose outcome is unknown for a non-idempotent system. */
  deadLetters: permissionProcedure('integration.manage').query(({ ctx }) => deadLetters(ctx.db, ctx.user)),

  /** 重发 one dead letter. */
  replay: permissionProcedure('integration.manage')
    .input(z.object({ id: zBigId }))
    .mutation(({ ctx, input }) => replayDeadLetter(ctx.db, ctx.user, input.id)),
});
