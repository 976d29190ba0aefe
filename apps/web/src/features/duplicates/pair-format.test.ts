import { describe, expect, it } from 'vitest';
import { formatApart, formatMetres, formatPercent, photoReason } from './pair-format';

describe('pair formatting', () => {
  it('says how far apart two reports are in time and space', () => {
    expect(formatApart(0.2)).toBe('几乎同时');
    expect(formatApart(-25)).toBe('相隔 25 分钟');
    expect(formatApart(190)).toBe('相隔 3 小时');
    expect(formatApart(3 * 24 * 60)).toBe('相隔 3 天');
    expect(formatApart(null)).toBe('—');
    expect(formatMetres(0)).toBe('约 0 米');
    expect(formatMetres(1234)).toBe('约 1.2 公里');
    expect(formatPercent(0.856)).toBe('86%');
  });

  it('names what the photos said, and nothing when they said nothing', () => {
    expect(photoReason({ photoSimilar: true, photoDifferent: false })?.text).toBe('照片相似');
    expect(photoReason({ photoSimilar: false, photoDifferent: true })?.text).toBe('照片不同');
    expect(photoReason({ photoSimilar: false, photoDifferent: false })).toBeNull();
  });
});
