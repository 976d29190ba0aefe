import { describe, expect, it } from 'vitest';
import { distanceMetres, formatDistance } from './distance';

describe('distanceMetres', () => {
  it('is zero for the same point and symmetric', () => {
    const a = { lng: 120.1, lat: 30.3 };
    const b = { lng: 120.11, lat: 30.31 };
    expect(distanceMetres(a, a)).toBe(0);
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
  });

  it('measures about 111 km per degree of latitude', () => {
    expect(distanceMetres({ lng: 120, lat: 30 }, { lng: 120, lat: 31 })).toBeCloseTo(111_195, -2);
  });
});

describe('formatDistance', () => {
  it('rounds to what is useful on the street', () => {
    expect(formatDistance(3)).toBe('约 10 米');
    expect(formatDistance(346)).toBe('约 350 米');
    expect(formatDistance(2_449)).toBe('约 2.4 公里');
    expect(formatDistance(12_600)).toBe('约 13 公里');
  });
});
