/**
 * What the command-hall wall (指挥大厅大屏) counts, and how one event of the case stream
 * counts towards it. The rollup (apps/bff modules/wall) adds these per day, area,
 * category and source; the ratios below are computed from those sums.
 */
export const WALL_MEASURES = {
  reported: '上报',
  accepted: '受理',
  filed: '立案',
  dispatched: '派遣',
  handled: '处置',
  closed: '结案',
  closed_on_time: '按期结案',
  /** Analytics (统计分析): approved extensions and reworks (返工) of a case. */
  extended: '延期',
  reworked: '返工',
} as const;
export type WallMeasure = keyof typeof WALL_MEASURES;
export const WALL_MEASURE_KEYS = Object.keys(WALL_MEASURES) as [WallMeasure, ...WallMeasure[]];

/** How the rollup slices each day (see packages/db/src/schema/wall.ts). */
export const WALL_DIMENSION_KEYS = [
  'all',
  'category',
  'source',
  'department',
  // Analytics (统计分析, modules/analytics), monthly rows: reports by week × hour, by grid,
  // by 50 m cell and category (repeat points); close durations in buckets.
  'week_hour',
  'grid',
  'spot',
  'duration',
] as const;
export type WallDimension = (typeof WALL_DIMENSION_KEYS)[number];

/** The department panel counts what departments do with cases sent to them. */
export const DEPARTMENT_MEASURES: readonly WallMeasure[] = [
  'dispatched',
  'handled',
  'closed',
  'closed_on_time',
  'extended',
  'reworked',
];

/** What the monthly category rows count besides reports: disposal by category (analytics). */
export const CATEGORY_MEASURES: readonly WallMeasure[] = [
  'reported',
  'closed',
  'closed_on_time',
  'extended',
  'reworked',
];

/** The chain stages the trend shows, in chain order. */
export const WALL_TREND_MEASURES: readonly WallMeasure[] = [
  'reported',
  'accepted',
  'filed',
  'dispatched',
  'handled',
  'closed',
];

const BY_ACTION: Readonly<Record<string, WallMeasure>> = {
  report: 'reported',
  accept: 'accepted',
  file: 'filed',
  dispatch: 'dispatched',
  autoDispatch: 'dispatched',
  forceDispatch: 'dispatched',
  feedBack: 'handled',
  close: 'closed',
  quickClose: 'closed',
  approveExtension: 'extended',
  rework: 'reworked',
};

/**
 * The measures one stream event adds to. `lateAtClose` says whether the case was past a
 * deadline or under 督办 when it closed (the rollup reads it from the case), so a close
 * counts as 按期结案 only when it is false.
 */
export function measuresOfEvent(action: string, lateAtClose: boolean): WallMeasure[] {
  const measure = BY_ACTION[action];
  if (!measure) return [];
  if (measure === 'closed' && !lateAtClose) return ['closed', 'closed_on_time'];
  return [measure];
}

export type WallCounts = Readonly<Record<WallMeasure, number>>;

export function emptyWallCounts(): Record<WallMeasure, number> {
  return Object.fromEntries(WALL_MEASURE_KEYS.map((key) => [key, 0])) as Record<WallMeasure, number>;
}

/** A share in percent with one decimal, or null when there is nothing to divide by (shown as "—"). */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((Math.min(part, whole) / whole) * 1000) / 10;
}

export interface WallRates {
  /** 结案率: cases closed over cases filed in the period. */
  closeRate: number | null;
  /** 按期结案率: closed on time over closed. */
  onTimeCloseRate: number | null;
  /** 处置率: department feedback given over cases dispatched. */
  handleRate: number | null;
}

export function wallRates(counts: WallCounts): WallRates {
  return {
    closeRate: percentOf(counts.closed, counts.filed),
    onTimeCloseRate: percentOf(counts.closed_on_time, counts.closed),
    handleRate: percentOf(counts.handled, counts.dispatched),
  };
}

/** The areas a wall may show: the rollup keeps districts and streets, so nothing below a street. */
export const WALL_AREA_LEVELS = ['city', 'district', 'street'] as const;
export type WallAreaLevel = (typeof WALL_AREA_LEVELS)[number];

export function isWallAreaLevel(level: string): level is WallAreaLevel {
  return (WALL_AREA_LEVELS as readonly string[]).includes(level);
}

/** The level a wall ranks by: a city wall ranks districts, a district wall its streets. */
export function rankingLevelOf(level: WallAreaLevel): 'district' | 'street' | null {
  if (level === 'city') return 'district';
  if (level === 'district') return 'street';
  return null;
}
