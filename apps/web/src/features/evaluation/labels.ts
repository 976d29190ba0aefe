import {
  AREA_LEVEL_NAMES,
  type AreaLevel,
  SUBJECT_KIND_NAMES,
  type SubjectKind,
} from '@citygov/domain/evaluation/subjects';

/** An indicator's value as people read it: a rate in percent, a count as it is, or 不适用. */
export function formatIndicatorValue(kind: 'rate' | 'count', value: number | null): string {
  if (value === null) return '不适用';
  return kind === 'rate' ? `${(value * 100).toFixed(1)}%` : String(value);
}

export const SUBJECT_OPTIONS = (Object.keys(SUBJECT_KIND_NAMES) as SubjectKind[]).map((value) => ({
  value,
  label: value === 'area' || value === 'department' ? SUBJECT_KIND_NAMES[value] : `岗位·${SUBJECT_KIND_NAMES[value]}`,
}));

export const LEVEL_OPTIONS = (Object.keys(AREA_LEVEL_NAMES) as AreaLevel[]).map((value) => ({
  value,
  label: AREA_LEVEL_NAMES[value],
}));

export function subjectTitle(kind: SubjectKind, level: AreaLevel | string): string {
  return kind === 'area' ? `${AREA_LEVEL_NAMES[level as AreaLevel] ?? '区域'}排名` : `${SUBJECT_KIND_NAMES[kind]}排名`;
}
