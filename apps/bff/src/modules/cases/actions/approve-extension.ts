import { warningInstant } from '@citygov/domain/deadlines/countdown';
import { extendDeadline } from '@citygov/domain/deadlines/time-limits';
import { loadWorkingCalendar } from '../../calendar/api';
import { WARNING_RATIO } from '../case-clock';
import { pendingDataOf } from '../pending-data';
import { defineAction } from './action-handler';

/** 同意延期: the running stage's deadline moves by the amount requested, on the working calendar. */
export const approveExtension = defineAction({
  async effects({ db, row, update, detail }) {
    const extension = pendingDataOf(row).extension;
    if (!extension || !row.stageUnit || !row.stageDeadlineAt || !row.stageStartedAt) return;
    const calendar = await loadWorkingCalendar(db);
    const deadline = extendDeadline(calendar, row.stageDeadlineAt, extension);
    update.stageDeadlineAt = deadline;
    update.stageWarnAt = warningInstant(calendar, row.stageStartedAt, deadline, row.stageUnit, WARNING_RATIO);
    detail.extension = extension;
  },
});
