import type { Permission } from '@citygov/domain/permissions';

export type ThemeKey = 'street' | 'smart' | 'inspection';

export interface ThemeModule {
  name: string;
  description: string;
  /** Where the module lives once built; absent while it is still under construction. */
  href?: string;
  permission?: Permission;
}

export interface ThemeDefinition {
  key: ThemeKey;
  name: string;
  description: string;
  modules: readonly ThemeModule[];
}

/** What each portal theme (三大专题) holds. Modules without an href are shown as 建设中. */
export const THEME_DEFINITIONS: Record<ThemeKey, ThemeDefinition> = {
  street: {
    key: 'street',
    name: '街面治理',
    description: '街长/片长街面处置、网格巡查、信息采集',
    modules: [
      { name: '案件地图', description: '网格、区界与案件分布，热力与框选', href: '/map', permission: 'map.view' },
      { name: '街面处置', description: '街长/片长对街面问题的快速处置与反馈' },
      { name: '网格巡查', description: '监督员按网格巡查、轨迹记录与到岗考勤' },
      {
        name: '信息采集',
        description: '监督员现场采集问题照片、位置与描述并上报（手机端）',
        href: '/m/report',
        permission: 'case.report',
      },
    ],
  },
  smart: {
    key: 'smart',
    name: '智慧城管',
    description: '一口受理、协同派遣、处置核查、指挥调度',
    modules: [
      {
        name: '事部件分类',
        description: '事件与部件分类、立案结案条件、处置时限',
        href: '/catalogue',
        permission: 'category.view',
      },
      { name: '一口受理', description: '多渠道问题统一受理、核实与立案' },
      { name: '协同派遣', description: '按分类与权属将案件派遣至专业部门' },
      { name: '处置核查', description: '部门处置反馈、监督员现场核查与结案' },
      {
        name: '指挥大厅',
        description: '指挥大厅大屏：今日指标、实时案件、案件分布、超期督办与统计分析',
        href: '/wall',
        permission: 'dashboard.view',
      },
      { name: '指挥调度', description: '案件态势与视频联动' },
    ],
  },
  inspection: {
    key: 'inspection',
    name: '督查考核',
    description: '交叉抽查、综合评价、督办考核',
    modules: [
      {
        name: '交叉抽查',
        description: '跨区交叉抽查案件办理质量',
        href: '/supervision/cross-check',
        permission: 'crossCheck.review',
      },
      {
        name: '综合评价',
        description: '区域、部门、岗位的综合评价指标',
        href: '/supervision/evaluation',
        permission: 'evaluation.view',
      },
      {
        name: '领导驾驶舱',
        description: '平板查看辖区态势、排名、超期与督办，逐级下钻到案件并下达督办',
        href: '/leader',
        permission: 'dashboard.view',
      },
      {
        name: '督办考核',
        description: '超期案件督办单、回复与逾期升级（见案件办理）',
        href: '/desk',
        permission: 'case.view',
      },
    ],
  },
};
