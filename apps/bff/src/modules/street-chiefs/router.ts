import { z } from 'zod';
import { zId } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';
import { delegate, delegateCandidates, endDelegation, listDelegations, myPosts, ZDelegateInput } from './delegations';

/** 街长制: a chief's posts and 交接班 (the cases themselves are `cases.chiefQueue` / `cases.act`). */
export const streetChiefsRouter = router({
  myPosts: permissionProcedure('street.handle').query(({ ctx }) => myPosts(ctx.db, ctx.user)),

  delegateCandidates: permissionProcedure('street.handle').query(({ ctx }) => delegateCandidates(ctx.db, ctx.user)),

  delegations: permissionProcedure('street.handle').query(({ ctx }) => listDelegations(ctx.db, ctx.user)),

  delegate: permissionProcedure('street.handle')
    .input(ZDelegateInput)
    .mutation(({ ctx, input }) => delegate(ctx.db, ctx.user, input)),

  endDelegation: permissionProcedure('street.handle')
    .input(z.object({ id: zId }))
    .mutation(({ ctx, input }) => endDelegation(ctx.db, ctx.user, input.id)),
});
