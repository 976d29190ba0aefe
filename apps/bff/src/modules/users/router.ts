import { z } from 'zod';
import { zId } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';
import { createUser, resetPassword, revealPhone, setUserActive, unlockUser, updateUser } from './user-actions';
import { getUser, listUsers } from './user-queries';
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
    .query(({ ctx, input }) => getUser(ctx.db, ctx.user, input.id)),

  create: permissionProcedure('user.manage')
    .input(ZCreateUserInput)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.user, input, ctx.config.passwordPolicy)),

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
    .mutation(({ ctx, input }) => resetPassword(ctx.db, ctx.user, input.id, input.password, ctx.config.passwordPolicy)),

  /**
   * A mutation although it changes nothing: every full view of a phone number goes through
   * the audited transaction, so the log says who looked at whose number and when.
   * Also needs user.view (checked in revealPhone): the number is a user's, seen from user management.
   */
  revealPhone: permissionProcedure('personal.view')
    .input(ZId)
    .mutation(({ ctx, input }) => revealPhone(ctx.db, ctx.user, input.id)),
});
