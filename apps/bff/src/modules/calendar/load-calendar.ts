import type { Queryable } from '@citygov/db/client';
import { calendarOverrides } from '@citygov/db/schema/cases';
import { createWorkingCalendar, type WorkingCalendar } from '@citygov/domain/deadlines/working-calendar';

/**
 * The working calendar in force: the holiday library plus the admins' overrides.
 * Read per action (a handful of rows), so an edit applies to the next action at once.
 */
export async function loadWorkingCalendar(db: Queryable): Promise<WorkingCalendar> {
  const overrides = await db.select().from(calendarOverrides);
  return createWorkingCalendar({
    overrides: overrides.map((o) => ({ date: o.day, working: o.working, ...(o.note ? { note: o.note } : {}) })),
  });
}
