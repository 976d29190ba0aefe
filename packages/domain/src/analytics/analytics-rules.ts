/**
 * Pure rules of the analytics centre (统计分析, /analytics): how close durations are
 * bucketed in the rollup and read back as P50 / P90, where a repeat-address point lies,
 * and when a category or an area counts as rising (同比 / 环比). The BFF's analytics
 * module reads the wall rollup (`wall_daily_counts`) and applies these.
 */

/** Upper bounds (hours) of the close-duration buckets; one more bucket holds anything longer. */
export const DURATION_BUCKET_HOURS = [1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, 720] as const;

/** The bucket index of a duration in hours (0 … DURATION_BUCKET_HOURS.length, the last open-ended). */
export function durationBucket(hours: number): number {
  const index = DURATION_BUCKET_HOURS.findIndex((bound) => hours <= bound);
  return index === -1 ? DURATION_BUCKET_HOURS.length : index;
}

/** A readable bound: '4小时', '2天', '30天以上'. */
export function bucketLabel(index: number): string {
  const bound = DURATION_BUCKET_HOURS[index];
  if (bound === undefined) return `${DURATION_BUCKET_HOURS.at(-1)! / 24}天以上`;
  return bound < 24 ? `${bound}小时内` : `${bound / 24}天内`;
}

/**
 * The p-th percentile (0 < p ≤ 1) of a bucketed distribution, in hours, interpolated
 * linearly inside its bucket; null without data, and the last bound when it falls in
 * the open-ended bucket (read as "more than").
 */
export function percentileHours(counts: readonly number[], p: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const target = p * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i] ?? 0;
    if (n > 0 && seen + n >= target) {
      const upper = DURATION_BUCKET_HOURS[i];
      const lower = i === 0 ? 0 : (DURATION_BUCKET_HOURS[i - 1] ?? 0);
      if (upper === undefined) return lower;
      return Math.round((lower + ((target - seen) / n) * (upper - lower)) * 10) / 10;
    }
    seen += n;
  }
  return DURATION_BUCKET_HOURS.at(-1) ?? null;
}

/** Share in percent (one decimal) of closes within a bucket bound (4 and 24 hours are bounds). */
export function shareWithinHours(
  counts: readonly number[],
  hours: (typeof DURATION_BUCKET_HOURS)[number],
): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const last = DURATION_BUCKET_HOURS.indexOf(hours);
  const within = counts.slice(0, last + 1).reduce((a, b) => a + b, 0);
  return Math.round((within / total) * 1000) / 10;
}

/** Repeat-address points (重复发生点位): same category, within about this many metres. */
export interface RepeatPointRules {
  /** Side of the square cell that groups reports (米). */
  metres: number;
  /** Reports of one category in one cell that make it a repeat point. */
  minCases: number;
}
export const DEFAULT_REPEAT_RULES: RepeatPointRules = { metres: 50, minCases: 3 };

/** The rollup's cell size: repeat points are counted on 50 m cells (a ~50 m radius). */
export const SPOT_CELL_METRES = 50;
const METRES_PER_DEGREE_LAT = 111_320;
/** The city's latitude fixes the cell's width in degrees of longitude (a flat, local grid). */
const REFERENCE_LAT = 30;

/** The cell key 'x,y' of a point on the 50 m grid. */
export function spotCell(lng: number, lat: number): string {
  const x = Math.floor((lng * METRES_PER_DEGREE_LAT * Math.cos((REFERENCE_LAT * Math.PI) / 180)) / SPOT_CELL_METRES);
  const y = Math.floor((lat * METRES_PER_DEGREE_LAT) / SPOT_CELL_METRES);
  return `${x},${y}`;
}

/** The box of a cell (for the drill-down and the map), as [west, south, east, north]. */
export function spotCellBox(cell: string): [number, number, number, number] {
  const [x, y] = cell.split(',').map(Number) as [number, number];
  const lngStep = SPOT_CELL_METRES / (METRES_PER_DEGREE_LAT * Math.cos((REFERENCE_LAT * Math.PI) / 180));
  const latStep = SPOT_CELL_METRES / METRES_PER_DEGREE_LAT;
  return [x * lngStep, y * latStep, (x + 1) * lngStep, (y + 1) * latStep];
}

/** Rising-trend warnings (上升预警). */
export interface TrendRules {
  /** Growth over the previous period of the same length (环比), in percent. */
  momPercent: number;
  /** Growth over the same period a year earlier (同比), in percent. */
  yoyPercent: number;
  /** Ignore small numbers: the current period needs at least this many reports. */
  minCases: number;
}
export const DEFAULT_TREND_RULES: TrendRules = { momPercent: 30, yoyPercent: 30, minCases: 10 };

export interface TrendRow {
  key: string;
  name: string;
  current: number;
  previous: number;
  lastYear: number;
}

export interface TrendWarning extends TrendRow {
  /** Growth in percent, null when the earlier period had none. */
  mom: number | null;
  yoy: number | null;
  /** Which comparisons crossed their threshold. */
  reasons: ('环比' | '同比')[];
}

export function growthPercent(current: number, earlier: number): number | null {
  if (earlier <= 0) return null;
  return Math.round(((current - earlier) / earlier) * 1000) / 10;
}

/**
 * The rows that rose past a threshold, steepest first. An earlier period with nothing
 * counts as rising when the current one reaches the minimum (a new problem).
 */
export function risingTrends(rows: readonly TrendRow[], rules: TrendRules): TrendWarning[] {
  const warnings: TrendWarning[] = [];
  for (const row of rows) {
    if (row.current < rules.minCases) continue;
    const mom = growthPercent(row.current, row.previous);
    const yoy = growthPercent(row.current, row.lastYear);
    const reasons: TrendWarning['reasons'] = [];
    if (mom === null ? row.previous === 0 : mom >= rules.momPercent) reasons.push('环比');
    if (yoy === null ? row.lastYear === 0 : yoy >= rules.yoyPercent) reasons.push('同比');
    if (reasons.length > 0) warnings.push({ ...row, mom, yoy, reasons });
  }
  const steepness = (w: TrendWarning) => Math.max(w.mom ?? Number.POSITIVE_INFINITY, w.yoy ?? 0);
  return warnings.sort((a, b) => steepness(b) - steepness(a) || b.current - a.current);
}

/** A month 'YYYY-MM' moved by a number of months ('2026-01', -1 → '2025-12'). */
export function addMonths(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from one to another, both included ('2026-11', '2027-01' → 3). */
export function monthsBetween(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(to) - index(from) + 1;
}

/**
 * The periods a range of months is compared with: as many months just before it (环比),
 * and the same months a year earlier (同比).
 */
export function comparisonMonths(from: string, to: string): { previous: [string, string]; lastYear: [string, string] } {
  const length = monthsBetween(from, to);
  return {
    previous: [addMonths(from, -length), addMonths(from, -1)],
    lastYear: [addMonths(from, -12), addMonths(to, -12)],
  };
}

/** The last day of a month 'YYYY-MM' as 'YYYY-MM-DD'. */
export function lastDayOfMonth(month: string): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return date.toISOString().slice(0, 10);
}

/** The week × hour key of the rollup: '<weekday 0=Sunday>-<hour>' ('1-08' is Monday 8 o'clock). */
export function weekHourKey(weekday: number, hour: number): string {
  return `${weekday}-${String(hour).padStart(2, '0')}`;
}
