/** 「相隔 25 分钟」 / 「相隔 3 小时」 / 「相隔 2 天」: how far apart the two reports came in. */
export function formatApart(minutes: number | null): string {
  if (minutes === null) return '—';
  const m = Math.abs(Math.round(minutes));
  if (m < 1) return '几乎同时';
  if (m < 60) return `相隔 ${m} 分钟`;
  if (m < 24 * 60) return `相隔 ${Math.round(m / 60)} 小时`;
  return `相隔 ${Math.round(m / (24 * 60))} 天`;
}

/** 「约 35 米」 / 「约 1.2 公里」. */
export function formatMetres(metres: number | null): string {
  if (metres === null) return '—';
  if (metres < 1000) return `约 ${Math.max(0, Math.round(metres))} 米`;
  return `约 ${(metres / 1000).toFixed(1)} 公里`;
}

/** A 0–1 score as a whole percentage. */
export function formatPercent(score: number): string {
  return `${Math.round(Math.min(1, Math.max(0, score)) * 100)}%`;
}

/** What the photos said, when both sides had some: 「照片相似」 / 「照片不同」; null when they said nothing. */
export function photoReason(factors: { photoSimilar: boolean; photoDifferent: boolean }) {
  if (factors.photoSimilar) return { text: '照片相似', color: 'green' } as const;
  if (factors.photoDifferent) return { text: '照片不同', color: 'default' } as const;
  return null;
}
