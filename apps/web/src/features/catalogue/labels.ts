import type { CategoryKind, SetTimeLimitInput } from './api/catalogue';

export type Urgency = SetTimeLimitInput['urgency'];
export type CaseStage = SetTimeLimitInput['stage'];
export type LimitUnit = SetTimeLimitInput['unit'];

export const KIND_LABELS: Record<CategoryKind, string> = { component: '部件', event: '事件' };

export const URGENCY_LABELS: Record<Urgency, string> = { urgent: '紧急', normal: '一般' };

/** In workflow order. */
export const STAGE_LABELS: Record<CaseStage, string> = {
  accept: '受理',
  file: '立案',
  dispatch: '派遣',
  handle: '处置',
  check: '核查',
  close: '结案',
};

export const UNIT_LABELS: Record<LimitUnit, string> = {
  natural_hours: '自然小时',
  working_hours: '工作时',
  working_days: '工作日',
};

export const URGENCIES = Object.keys(URGENCY_LABELS) as Urgency[];
export const STAGES = Object.keys(STAGE_LABELS) as CaseStage[];
export const UNITS = Object.keys(UNIT_LABELS) as LimitUnit[];
