import type { CategoryMajor, CategoryOption } from './api/reference-data';
import { KIND_NAMES } from './labels';

export interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

/** 部件/事件 → 大类 → 小类, for the category filter (any level may be picked). */
export function categoryCascaderOptions(
  majors: readonly CategoryMajor[],
  minors: readonly CategoryOption[],
): CascaderOption[] {
  return (['event', 'component'] as const).map((kind) => ({
    value: kind,
    label: KIND_NAMES[kind],
    children: majors
      .filter((major) => major.kind === kind)
      .map((major) => ({
        value: major.code,
        label: `${major.code} ${major.name}`,
        children: minors
          .filter((minor) => minor.kind === kind && minor.majorCode === major.code)
          .map((minor) => ({ value: minor.code, label: `${minor.code} ${minor.name}` })),
      })),
  }));
}

/** "event:01001" ⇄ ['event', '01', '01001']. */
export function categoryPath(value: string | undefined): string[] {
  if (!value) return [];
  const [kind, code] = value.split(':');
  if (!kind) return [];
  if (!code) return [kind];
  return code.length > 2 ? [kind, code.slice(0, 2), code] : [kind, code];
}

export function categoryValue(path: readonly (string | number)[] | undefined): string | undefined {
  if (!path || path.length === 0) return undefined;
  const [kind, , minor] = path.map(String);
  const major = String(path[1] ?? '');
  return minor ? `${kind}:${minor}` : major ? `${kind}:${major}` : kind;
}
