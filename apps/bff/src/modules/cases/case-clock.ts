import type { Queryable } from '@citygov/db/client';
import { categoryTimeLimits } from '@citygov/db/schema/catalogue';
import type { CaseStage } from '@citygov/domain/cases/case-states';
import { warningInstant } from '@citygov/domain/deadlines/countdown';
import { addTimeLimit, type LimitUnit } from '@citygov/domain/deadlines/time-limits';
import type { WorkingCalendar } from '@citygov/domain/deadlines/working-calendar';
import { and, eq } from 'drizzle-orm';

export interface StageClock {
  stage: CaseStage | null;
  stageUnit: LimitUnit | null;
  stageStartedAt: Date | null;
  stageWarnAt: Date | null;
  stageDeadlineAt: Date | null;
}

export const NO_CLOCK: StageClock = {
  stage: null,
  stageUnit: null,
  stageStartedAt: null,
  stageWarnAt: null,
  stageDeadlineAt: null,
};

/** Share of the allowed time after which a case turns yellow (configurable later per city). */
export const WARNING_RATIO = 0.8;

/**
 * Starts a stage's clock from the category's limit for this urgency; untimed when none is set.
 * The calendar may still be loading: the limit is read alongside it (one round trip, not two).
 */
export async function startStageClock(
  db: Queryable,
  calendarLoading: WorkingCalendar | Promise<WorkingCalendar>,
  subject: { kind: 'component' | 'event'; categoryCode: string; urgency: 'normal' | 'urgent' },
  stage: CaseStage | null,
  start: Date,
): Promise<StageClock> {
  if (!stage) return NO_CLOCK;
  const [calendar, [limit]] = await Promise.all([
    calendarLoading,
    db
      .select()
      .from(categoryTimeLimits)
      .where(
        and(
          eq(categoryTimeLimits.kind, subject.kind),
          eq(categoryTimeLimits.code, subject.categoryCode),
          eq(categoryTimeLimits.urgency, subject.urgency),
          eq(categoryTimeLimits.stage, stage),
        ),
      ),
  ]);
  if (!limit) return { ...NO_CLOCK, stage, stageStartedAt: start };
  const deadline = addTimeLimit(calendar, start, { amount: limit.amount, unit: limit.unit });
  return {
    stage,
    stageUnit: limit.unit,
    stageStartedAt: start,
    stageWarnAt: warningInstant(calendar, start, deadline, limit.unit, WARNING_RATIO),
    stageDeadlineAt: deadline,
  };
}
