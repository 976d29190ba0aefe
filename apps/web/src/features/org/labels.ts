export const AREA_LEVEL_LABELS: Record<string, string> = {
  city: '市',
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
};

export const DEPARTMENT_KIND_LABELS = {
  command_centre: '指挥中心',
  professional: '专业部门',
  squadron: '执法中队',
  sub_unit: '下级单位',
} as const;

export type DepartmentKind = keyof typeof DEPARTMENT_KIND_LABELS;

export const DEPARTMENT_KIND_OPTIONS = (Object.keys(DEPARTMENT_KIND_LABELS) as DepartmentKind[]).map((value) => ({
  value,
  label: DEPARTMENT_KIND_LABELS[value],
}));
