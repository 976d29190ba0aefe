import type { CaseAction } from './case-actions';

/**
 * Timeline entries that are not transitions: a new report, a remark, the lead case's
 * note that another case joined it, a dismissed duplicate pair, a repeated alarm. They go into the same
 * ordered event stream as actions, so a reader of the stream sees every change.
 */
export const CASE_NOTES = {
  report: '上报',
  remark: '备注',
  mergeIn: '并入案件',
  dismissDuplicate: '排除重复',
  /** A machine alarm (sensor, video analytics) on a problem that already has an open case. */
  sighting: '再次告警',
} as const;
export type CaseNote = keyof typeof CASE_NOTES;

/** What a case event records: a transition (an action of the action table) or a note. */
export type CaseEventKind = CaseAction | CaseNote;

export function isCaseNote(value: string): value is CaseNote {
  return Object.hasOwn(CASE_NOTES, value);
}
