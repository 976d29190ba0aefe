/** The wall's panels, each with its Chinese title (also its accessible name). */
export const WALL_PANELS = {
  live: '实时案件',
  map: '案件分布',
  trend: '流程环节趋势（近30日）',
  categories: '案件类别 TOP10（本月）',
  sources: '案件来源（近30日）',
  ranking: '区域结案率排名（近30日）',
  departments: '部门处置（近30日）',
  watch: '超期与督办',
} as const;
export type WallPanel = keyof typeof WALL_PANELS;

/** A page of the wall: its panels placed by CSS grid areas on a 4 × 3 grid. */
export interface WallPage {
  key: string;
  name: string;
  areas: readonly string[];
}

export const WALL_PAGES: readonly WallPage[] = [
  {
    key: 'overview',
    name: '综合态势',
    areas: ['live map map categories', 'live map map sources', 'departments trend watch ranking'],
  },
  { key: 'map', name: '案件地图', areas: ['live map map watch', 'live map map watch', 'live map map watch'] },
  {
    key: 'analysis',
    name: '统计分析',
    areas: ['trend trend categories sources', 'trend trend categories sources', 'ranking departments watch watch'],
  },
];

export function panelsOf(page: WallPage): WallPanel[] {
  const names = new Set(page.areas.join(' ').split(/\s+/));
  return (Object.keys(WALL_PANELS) as WallPanel[]).filter((panel) => names.has(panel));
}

/**
 * The page after `current` in rotation. A pinned panel (固定) never leaves the screen:
 * pages without every pinned panel are skipped (the overview holds them all).
 */
export function nextPage(current: number, pinned: ReadonlySet<WallPanel>, pages: readonly WallPage[] = WALL_PAGES) {
  for (let step = 1; step <= pages.length; step++) {
    const candidate = (current + step) % pages.length;
    const page = pages[candidate];
    if (page && [...pinned].every((panel) => panelsOf(page).includes(panel))) return candidate;
  }
  return current;
}

/** `?rotate=30` → 30 s; absent, unreadable or under 5 s → no rotation. */
export function rotateSeconds(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 5) return null;
  return Math.min(seconds, 3600);
}

/** 数据更新于 … 前 */
export function ageText(updatedAt: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - updatedAt) / 1000));
  if (seconds < 60) return `${seconds} 秒前`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} 分钟前`;
  return `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟前`;
}
