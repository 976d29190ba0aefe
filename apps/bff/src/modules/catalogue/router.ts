import {
  CASE_STAGES,
  CATEGORY_KINDS,
  categories,
  categoryMajors,
  categoryTimeLimits,
  LIMIT_UNITS,
  URGENCIES,
} from '@citygov/db/schema/catalogue';
import { NotFoundError } from '@citygov/domain/errors';
import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { zLine } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';
import { requireCityLevel } from '../org/api';

const ZCategoryKey = z.object({
  kind: z.enum(CATEGORY_KINDS),
  code: z.string().regex(/^\d{5}$/, '分类编码须为 5 位数字'),
});

/** The catalogue holds city-wide: district administrators read it, only city level changes it. */
export const catalogueRouter = router({
  majors: permissionProcedure('category.view').query(({ ctx }) =>
    ctx.db.select().from(categoryMajors).orderBy(asc(categoryMajors.kind), asc(categoryMajors.code)),
  ),

  /** Search by name, synonym or code (小类助手 uses the same query). */
  list: permissionProcedure('category.view')
    .input(z.object({ kind: z.enum(CATEGORY_KINDS).optional(), q: zLine().max(40).optional() }))
    .query(({ ctx, input }) => {
      const conditions: (SQL | undefined)[] = [];
      if (input.kind) conditions.push(eq(categories.kind, input.kind));
      if (input.q) {
        const pattern = `%${input.q}%`;
        conditions.push(
          or(
            ilike(categories.name, pattern),
            ilike(categories.code, `${input.q}%`),
            sql`array_to_string(${categories.synonyms}, ' ') ilike ${pattern}`,
          ),
        );
      }
      return ctx.db
        .select()
        .from(categories)
        .where(and(...conditions))
        .orderBy(asc(categories.kind), asc(categories.code));
    }),

  timeLimits: permissionProcedure('category.view')
    .input(ZCategoryKey)
    .query(({ ctx, input }) =>
      ctx.db
        .select()
        .from(categoryTimeLimits)
        .where(and(eq(categoryTimeLimits.kind, input.kind), eq(categoryTimeLimits.code, input.code))),
    ),

  update: permissionProcedure('category.manage')
    .input(
      ZCategoryKey.extend({
        data: z.object({
          name: zLine().min(2).max(40),
          synonyms: z.array(zLine().min(1).max(40)).max(30),
          fileCondition: z.string().trim().min(2, '请填写立案条件').max(500),
          closeCondition: z.string().trim().min(2, '请填写结案条件').max(500),
        }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      requireCityLevel(ctx.user, 'categories');
      const [updated] = await ctx.db
        .update(categories)
        .set({ ...input.data, updatedAt: new Date() })
        .where(and(eq(categories.kind, input.kind), eq(categories.code, input.code)))
        .returning();
      if (!updated) throw new NotFoundError('分类不存在');
      return updated;
    }),

  setTimeLimit: permissionProcedure('category.manage')
    .input(
      ZCategoryKey.extend({
        urgency: z.enum(URGENCIES),
        stage: z.enum(CASE_STAGES),
        amount: z.number().int().min(1, '时限至少为 1').max(365),
        unit: z.enum(LIMIT_UNITS),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      requireCityLevel(ctx.user, 'timeLimits');
      const [category] = await ctx.db
        .select({ code: categories.code })
        .from(categories)
        .where(and(eq(categories.kind, input.kind), eq(categories.code, input.code)));
      if (!category) throw new NotFoundError('分类不存在');
      await ctx.db
        .insert(categoryTimeLimits)
        .values(input)
        .onConflictDoUpdate({
          target: [
            categoryTimeLimits.kind,
            categoryTimeLimits.code,
            categoryTimeLimits.urgency,
            categoryTimeLimits.stage,
          ],
          set: { amount: input.amount, unit: input.unit },
        });
      return input;
    }),
});
