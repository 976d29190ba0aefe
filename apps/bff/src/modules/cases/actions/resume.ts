import { warningInstant } from '@citygov/domain/deadlines/countdown';
import { resumeAfterPause } from '@citygov/domain/deadlines/time-limits';
import { loadWorkingCalendar } from '../../calendar/api';
import { WARNING_RATIO } from '../case-clock';
import { defineAction } from './action-handler';

/**
 * 解除挂账: back to the state before the hang-up (the table row), and the paused clock
 * gets back the time that was left: deadline and start move by the length of the pause.
 */
export const resume = defineAction({
  async effects({ db, row, now, update }) {
    update.pausedAt = null;
    if (!row.pausedAt || !row.stageUnit || !row.stageDeadlineAt || !row.stageStartedAt) return;
    const calendar = await loadWorkingCalendar(db);
    const deadline = resumeAfterPause(calendar, row.stageDeadlineAt, row.pausedAt, now, row.stageUnit);
    const started = new Date(row.stageStartedAt.getTime() + (deadline.getTime() - row.stageDeadlineAt.getTime()));
    update.stageDeadlineAt = deadline;
    update.stageStartedAt = started;
    update.stageWarnAt = warningInstant(calendar, started, deadline, row.stageUnit, WARNING_RATIO);
  },
});
