import { calendarOverrides } from '@citygov/db/schema/cases';
import { createWorkingCalendar } from '@citygov/domain/deadlines/working-calendar';
import { NotFoundError } from '@citygov/domain/errors';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import { zDay, zLine } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';
import { requireCityLevel } from '../org/api';
import { loadWorkingCalendar } from './load-calendar';

/**
 * The working calendar: statutory holidays from the library, and the admins' overrides on
 * top. One calendar counts every district's deadlines, so only city level changes it.
 */
export const calendarRouter = router({
  /** Each day of a month with whether it is a working day and why. */
  month: permissionProcedure('category.view')
    .input(z.object({ year: z.number().int().min(2000).max(2100), month: z.number().int().min(1).max(12) }))
    .query(async ({ ctx, input }) => {
      const calendar = await loadWorkingCalendar(ctx.db);
      const library = createWorkingCalendar();
      const first = `${input.year}-${String(input.month).padStart(2, '0')}-01`;
      const days = new Date(Date.UTC(input.year, input.month, 0)).getUTCDate();
      const last = `${first.slice(0, 8)}${String(days).padStart(2, '0')}`;
      const overrides = await ctx.db
        .select()
        .from(calendarOverrides)
        .where(and(gte(calendarOverrides.day, first), lte(calendarOverrides.day, last)));
      return Array.from({ length: days }, (_, i) => {
        const day = `${first.slice(0, 8)}${String(i + 1).padStart(2, '0')}`;
        const override = overrides.find((o) => o.day === day);
        return {
          day,
          working: calendar.isWorkingDay(day),
          libraryWorking: library.isWorkingDay(day),
          override: override ?? null,
        };
      });
    }),

  overrides: permissionProcedure('category.view').query(({ ctx }) =>
    ctx.db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.day)),
  ),

  setOverride: permissionProcedure('category.manage')
    .input(z.object({ day: zDay, working: z.boolean(), note: zLine().max(60).optional() }))
    .mutation(async ({ ctx, input }) => {
      requireCityLevel(ctx.user, 'calendar');
      await ctx.db
        .insert(calendarOverrides)
        .values({ day: input.day, working: input.working, note: input.note ?? null })
        .onConflictDoUpdate({
          target: calendarOverrides.day,
          set: { working: input.working, note: input.note ?? null },
        });
      return input;
    }),

  removeOverride: permissionProcedure('category.manage')
    .input(z.object({ day: zDay }))
    .mutation(async ({ ctx, input }) => {
      requireCityLevel(ctx.user, 'calendar');
      const removed = await ctx.db.delete(calendarOverrides).where(eq(calendarOverrides.day, input.day)).returning();
      if (removed.length === 0) throw new NotFoundError('该日期没有调整记录');
      return input;
    }),
});
