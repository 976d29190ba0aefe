import { z } from 'zod';
import { zId } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';
import { createUser, resetPassword, setUserActive, unlockUser, updateUser } from './user-actions';
import { listUsers, requireUserInScope } from './user-queries';
import {
  ZCreateUserInput,
  ZListUsersInput,
  ZResetPasswordInput,
  ZSetUserActiveInput,
  ZUpdateUserInput,
} from './user-schemas';

const ZId = z.object({ id: zId });

export const usersRouter = router({
  list: permissionProcedure('user.view')
    .input(ZListUsersInput)
    .query(({ ctx, input }) => listUsers(ctx.db, ctx.user, input)),

  byId: permissionProcedure('user.view')
    .input(ZId)
    .query(async ({ ctx, input }) => {
      const { areaPath: _path, ...user } = await requireUserInScope(ctx.db, ctx.user, input.id);
      return user;
    }),

  create: permissionProcedure('user.manage')
    .input(ZCreateUserInput)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.user, input)),

  update: permissionProcedure('user.manage')
    .input(ZUpdateUserInput)
    .mutation(({ ctx, input }) => updateUser(ctx.db, ctx.user, input)),

  setActive: permissionProcedure('user.manage')
    .input(ZSetUserActiveInput)
    .mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.user, input.id, input.active)),

  unlock: permissionProcedure('user.manage')
    .input(ZId)
    .mutation(({ ctx, input }) => unlockUser(ctx.db, ctx.user, input.id)),

  resetPassword: permissionProcedure('user.manage')
    .input(ZResetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx.user, input.id, input.password)),
});
