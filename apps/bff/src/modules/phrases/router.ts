import { userPhrases } from '@citygov/db/schema/cases';
import { NotFoundError, ValidationError } from '@citygov/domain/errors';
import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { zBigId, zLine } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';

const MAX_PHRASES = 50;

/** Personal phrases (习惯语): each user's own reusable reasons and notes. */
export const phrasesRouter = router({
  list: permissionProcedure('portal.view').query(({ ctx }) =>
    ctx.db
      .select({ id: userPhrases.id, text: userPhrases.text })
      .from(userPhrases)
      .where(eq(userPhrases.userId, ctx.user.id))
      .orderBy(asc(userPhrases.id)),
  ),

  add: permissionProcedure('portal.view')
    .input(z.object({ text: zLine().min(2, '习惯语至少 2 个字').max(200, '习惯语最多 200 字') }))
    .mutation(async ({ ctx, input }) => {
      const [existing] = await ctx.db
        .select({ n: count() })
        .from(userPhrases)
        .where(eq(userPhrases.userId, ctx.user.id));
      if ((existing?.n ?? 0) >= MAX_PHRASES) throw new ValidationError(`习惯语最多 ${MAX_PHRASES} 条`);
      const [created] = await ctx.db
        .insert(userPhrases)
        .values({ userId: ctx.user.id, text: input.text })
        .returning({ id: userPhrases.id, text: userPhrases.text });
      return created;
    }),

  remove: permissionProcedure('portal.view')
    .input(z.object({ id: zBigId }))
    .mutation(async ({ ctx, input }) => {
      const removed = await ctx.db
        .delete(userPhrases)
        .where(and(eq(userPhrases.id, input.id), eq(userPhrases.userId, ctx.user.id)))
        .returning({ id: userPhrases.id });
      if (removed.length === 0) throw new NotFoundError('习惯语不存在');
      return { id: input.id };
    }),
});
