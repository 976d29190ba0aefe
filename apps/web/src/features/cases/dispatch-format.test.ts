import { describe, expect, it } from 'vitest';
import { formatDistance, formatDuration, formatShare } from './dispatch-format';

describe('dispatch assistant formats', () => {
  it('says hours under a day, days above', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0)).toBe('不足 1 小时');
    expect(formatDuration(5.54)).toBe('5.5 小时');
    expect(formatDuration(30)).toBe('1.3 天');
    expect(formatDuration(720)).toBe('30 天');
  });

  it('says metres under a kilometre', () => {
    expect(formatDistance(0)).toBe('0 米');
    expect(formatDistance(999.4)).toBe('999 米');
    expect(formatDistance(1234)).toBe('1.2 公里');
  });

  it('rounds shares to whole percents', () => {
    expect(formatShare(null)).toBe('—');
    expect(formatShare(0.756)).toBe('76%');
    expect(formatShare(1)).toBe('100%');
  });
});
