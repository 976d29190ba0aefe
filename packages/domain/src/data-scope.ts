/**
 * Data scope (数据权限): which part of the city a user may see. An area scope
 * covers an area node and everything below it; a department scope covers one
 * department and its sub-units. Area ids are materialised paths
 * ("/city/district/street/") so "below" is a prefix test, cheap in SQL and here.
 */
export type AreaLevel = 'city' | 'district' | 'street' | 'community' | 'grid';

export const AREA_LEVEL_NAMES: Record<AreaLevel, string> = {
  city: '市',
  district: '区/县',
  street: '街道/镇',
  community: '社区/村',
  grid: '单元网格',
};

export interface DataScope {
  /** Materialised path of the area the user is scoped to, e.g. "/1/3/". */
  areaPath: string;
  /** Materialised path of the user's department, when scoped by department. */
  departmentPath: string | null;
}

export function areaPathCovers(scopePath: string, targetPath: string): boolean {
  return targetPath.startsWith(scopePath);
}
