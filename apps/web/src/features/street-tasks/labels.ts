import type { AttentionKind } from '@citygov/domain/cases/case-attention';
import { type CaseStatus, statusNameOf } from '@citygov/domain/cases/case-states';

/** Status tag colours on the phone lists. */
const STATUS_COLORS: Record<CaseStatus, string> = {
  reported: 'blue',
  accepted: 'cyan',
  verifying: 'geekblue',
  filed: 'purple',
  dispatched: 'orange',
  handling: 'gold',
  fed_back: 'lime',
  checking: 'geekblue',
  closed: 'green',
  voided: 'default',
  merged: 'volcano',
  hung_up: 'magenta',
};

export function statusTag(status: CaseStatus): { label: string; color: string } {
  return { label: statusNameOf(status), color: STATUS_COLORS[status] };
}

/** 返工 / 批示 / 督办 / 催办 tags on the phone: each stands out from the deadline tag. */
export const ATTENTION_COLORS: Record<AttentionKind, string> = {
  rework: 'volcano',
  instruct: 'purple',
  supervise: 'red',
  remind: 'orange',
};

export type DeadlineLevel = 'none' | 'normal' | 'warning' | 'overdue' | 'paused';

const DEADLINE_TAGS: Record<Exclude<DeadlineLevel, 'none'>, { label: string; color: string }> = {
  normal: { label: '按时', color: 'blue' },
  warning: { label: '即将超时', color: 'orange' },
  overdue: { label: '已超时', color: 'red' },
  paused: { label: '已暂停', color: 'default' },
};

export function deadlineTag(level: DeadlineLevel): { label: string; color: string } | null {
  return level === 'none' ? null : DEADLINE_TAGS[level];
}

export const EXTENSION_UNITS = {
  natural_hours: '小时（自然时）',
  working_hours: '工作时',
  working_days: '工作日',
} as const;
export type ExtensionUnit = keyof typeof EXTENSION_UNITS;

export const PHOTO_PURPOSE_NAMES: Record<string, string> = {
  report: '上报照片',
  verify: '核实照片',
  feedback: '处置照片',
  check: '核查照片',
};

const shortTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "11-24 09:30" in China time: enough on a small card. */
export function formatShort(value: Date | string | null | undefined): string {
  if (!value) return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return shortTime.format(date).replaceAll('/', '-');
}
