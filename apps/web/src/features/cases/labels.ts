import {
  CASE_SOURCES,
  CASE_STAGE_NAMES,
  CASE_STATUS_NAMES,
  type CaseSource,
  type CaseStage,
  type CaseStatus,
  OPEN_STATUSES,
  statusNameOf,
  URGENCIES,
} from '@citygov/domain/cases/case-states';
import type { DeadlineLevel } from './api/cases';

export { CASE_SOURCES, CASE_STAGE_NAMES, CASE_STATUS_NAMES, OPEN_STATUSES, URGENCIES };

export const STATUS_COLORS: Record<CaseStatus, string> = {
  reported: 'orange',
  accepted: 'cyan',
  verifying: 'purple',
  filed: 'geekblue',
  dispatched: 'blue',
  handling: 'processing',
  fed_back: 'lime',
  checking: 'purple',
  closed: 'success',
  voided: 'default',
  merged: 'gold',
  hung_up: 'default',
};

export function statusName(status: CaseStatus): string {
  return statusNameOf(status);
}

export function statusColor(status: CaseStatus): string {
  return STATUS_COLORS[status];
}

export function sourceName(source: string): string {
  return CASE_SOURCES[source as CaseSource] ?? source;
}

export function stageName(stage: CaseStage | null): string {
  return stage ? CASE_STAGE_NAMES[stage] : '—';
}

export const KIND_NAMES = { component: '部件', event: '事件' } as const;

/** Tag colour and word for each deadline level (剩余时间). */
export const DEADLINE_LEVELS: Record<DeadlineLevel, { color: string; label: string }> = {
  none: { color: 'default', label: '不计时' },
  normal: { color: 'green', label: '正常' },
  warning: { color: 'gold', label: '即将超时' },
  overdue: { color: 'red', label: '已超时' },
  paused: { color: 'default', label: '已挂账' },
};

export const SOURCE_OPTIONS = (Object.keys(CASE_SOURCES) as CaseSource[]).map((value) => ({
  value,
  label: CASE_SOURCES[value],
}));

export const STATUS_OPTIONS = (Object.keys(CASE_STATUS_NAMES) as CaseStatus[]).map((value) => ({
  value,
  label: CASE_STATUS_NAMES[value],
}));

export const URGENCY_OPTIONS = (Object.keys(URGENCIES) as (keyof typeof URGENCIES)[]).map((value) => ({
  value,
  label: URGENCIES[value],
}));

export const EXTENSION_UNITS = {
  natural_hours: '自然小时',
  working_hours: '工作时',
  working_days: '工作日',
} as const;
export type ExtensionUnit = keyof typeof EXTENSION_UNITS;

export const PENDING_NAMES: Record<string, string> = {
  return: '回退申请',
  extension: '延期申请',
  hang_up: '挂账申请',
  void: '作废申请',
};
