/** 1.2 公里 / 350 米: distances and mileage as people say them. */
export function formatDistance(metres: number | null | undefined): string {
  if (metres === null || metres === undefined) return '—';
  return metres >= 1000 ? `${(metres / 1000).toFixed(1)} 公里` : `${Math.round(metres)} 米`;
}

/** How long ago a fix was taken: 刚刚 / 3 分钟前 / 2 小时前. */
export function formatAgo(at: Date | string | null | undefined, now = Date.now()): string {
  if (!at) return '无定位';
  const minutes = Math.floor((now - new Date(at).getTime()) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `${hours} 小时前` : `${Math.floor(hours / 24)} 天前`;
}

export const CALL_STATE_NAMES = {
  calling: '呼叫中',
  accepted: '已接受',
  declined: '已拒绝',
  expired: '超时未接',
} as const;
export const CALL_STATE_COLORS = {
  calling: 'processing',
  accepted: 'success',
  declined: 'error',
  expired: 'warning',
} as const;
