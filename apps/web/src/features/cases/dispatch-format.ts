/** 派遣助手 numbers as the dispatcher reads them. */

/** 0.4 → "不足 1 小时"; 5.5 → "5.5 小时"; 30 → "1.3 天"; null → "—". */
export function formatDuration(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return '不足 1 小时';
  if (hours < 24) return `${trim(hours)} 小时`;
  return `${trim(hours / 24)} 天`;
}

/** 350 → "350 米"; 1234 → "1.2 公里". */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)} 米`;
  return `${trim(metres / 1000)} 公里`;
}

/** 0.756 → "76%"; null → "—". */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

function trim(value: number): string {
  return String(Math.round(value * 10) / 10);
}
