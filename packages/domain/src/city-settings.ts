import type { AreaLevel } from './data-scope';

/**
 * Settings that hold for the whole city (全市统一设置): the category catalogue and its
 * time limits, the working calendar every deadline is counted on, the category model
 * intake suggests from, the duplicate thresholds. A district administrator holds the
 * same permissions for their district's organisation and rules, but changing one of
 * these would change every district's deadlines and intake, so only a city-level
 * holder of the permission may; district administrators read them.
 */
export const CITY_WIDE_SETTINGS = {
  categories: '事部件分类',
  timeLimits: '处置时限',
  calendar: '工作日历',
  categoryModel: '小类建议模型',
  duplicateThresholds: '判重阈值',
  evaluationIndicators: '考核指标',
  crossCheckSettings: '交叉抽查设置',
  collectionForms: '信息采集表单',
} as const;
export type CityWideSetting = keyof typeof CITY_WIDE_SETTINGS;

export function changesCityWideSettings(areaLevel: AreaLevel | string): boolean {
  return areaLevel === 'city';
}

/** Why a district account may only read a city-wide setting; the server's refusal and the page's notice. */
export function cityLevelOnlyReason(setting: CityWideSetting): string {
  return `${CITY_WIDE_SETTINGS[setting]}为全市统一设置，仅市级系统管理员可以修改`;
}
