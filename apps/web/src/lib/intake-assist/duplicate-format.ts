/** 「约 35 米」 / 「约 1.2 公里」 */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `约 ${Math.max(1, Math.round(meters))} 米`;
  return `约 ${(meters / 1000).toFixed(1)} 公里`;
}

/** How long before (or after) the new report the candidate was reported: 「2 小时前」. */
export function formatMinutesApart(minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  if (m < 1) return '刚刚';
  if (m < 60) return `${m} 分钟前`;
  if (m < 24 * 60) return `${Math.round(m / 60)} 小时前`;
  return `${Math.round(m / (24 * 60))} 天前`;
}

/**
 * A 0–1 score as a whole percentage: 0.856 → 「86%」. A calibrated third suggestion can be
 * tiny but is never nothing: 0.001 → 「<1%」.
 */
export function formatScore(score: number): string {
  const clamped = Math.min(1, Math.max(0, score));
  if (clamped > 0 && clamped < 0.005) return '<1%';
  return `${Math.round(clamped * 100)}%`;
}

/** What the photos said, when both reports had some: 「照片相似」 / 「照片不同」; null otherwise. */
export function photoReasonOf(factors: { photoSimilar: number; photoDifferent: number }): string | null {
  if (factors.photoSimilar > 0) return '照片相似';
  if (factors.photoDifferent > 0) return '照片不同';
  return null;
}
