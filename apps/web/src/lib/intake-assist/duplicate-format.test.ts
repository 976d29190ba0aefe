import { describe, expect, it } from 'vitest';
import { formatDistance, formatMinutesApart, formatScore, photoReasonOf } from './duplicate-format';

describe('duplicate formatting', () => {
  it('formats distances in metres and kilometres', () => {
    expect(formatDistance(34.6)).toBe('约 35 米');
    expect(formatDistance(0.2)).toBe('约 1 米');
    expect(formatDistance(1234)).toBe('约 1.2 公里');
  });
  it('formats time apart', () => {
    expect(formatMinutesApart(0)).toBe('刚刚');
    expect(formatMinutesApart(12)).toBe('12 分钟前');
    expect(formatMinutesApart(125)).toBe('2 小时前');
    expect(formatMinutesApart(3 * 24 * 60)).toBe('3 天前');
  });
  it('formats scores as percentages', () => {
    expect(formatScore(0.856)).toBe('86%');
    expect(formatScore(1.2)).toBe('100%');
    expect(formatScore(0.001)).toBe('<1%');
    expect(formatScore(0)).toBe('0%');
  });

  it('names what the photos said', () => {
    expect(photoReasonOf({ photoSimilar: 1, photoDifferent: 0 })).toBe('照片相似');
    expect(photoReasonOf({ photoSimilar: 0, photoDifferent: 1 })).toBe('照片不同');
    expect(photoReasonOf({ photoSimilar: 0, photoDifferent: 0 })).toBeNull();
  });
});
