import { describe, expect, it } from 'vitest';
import {
  bboxOf,
  MAX_POLYGON_VERTICES,
  openRing,
  pointInBbox,
  pointInPolygon,
  polygonProblem,
  type Ring,
} from './polygon';

const square: Ring = [
  [120, 30],
  [120.1, 30],
  [120.1, 30.1],
  [120, 30.1],
];
// An L shape: the notch at the top right is outside.
const ell: Ring = [
  [0, 0],
  [2, 0],
  [2, 1],
  [1, 1],
  [1, 2],
  [0, 2],
  [0, 0],
];

describe('pointInPolygon', () => {
  it('tells inside from outside', () => {
    expect(pointInPolygon([120.05, 30.05], square)).toBe(true);
    expect(pointInPolygon([120.2, 30.05], square)).toBe(false);
    expect(pointInPolygon([120.05, 29.99], square)).toBe(false);
  });

  it('handles a concave ring, closed or open', () => {
    expect(pointInPolygon([0.5, 1.5], ell)).toBe(true);
    expect(pointInPolygon([1.5, 0.5], ell)).toBe(true);
    expect(pointInPolygon([1.5, 1.5], ell)).toBe(false);
    expect(pointInPolygon([1.5, 1.5], openRing(ell))).toBe(false);
  });

  it('counts a point on an edge or a vertex as inside', () => {
    expect(pointInPolygon([120.05, 30], square)).toBe(true);
    expect(pointInPolygon([120.1, 30.1], square)).toBe(true);
    expect(pointInPolygon([1, 1.5], ell)).toBe(true);
  });

  it('does not depend on the winding direction', () => {
    const reversed = [...square].reverse();
    expect(pointInPolygon([120.05, 30.05], reversed)).toBe(true);
    expect(pointInPolygon([120.15, 30.05], reversed)).toBe(false);
  });
});

describe('bbox', () => {
  it('is the smallest box around the ring', () => {
    expect(bboxOf(ell)).toEqual([0, 0, 2, 2]);
    expect(pointInBbox([1.5, 1.5], bboxOf(ell))).toBe(true);
    expect(pointInBbox([2.5, 1.5], bboxOf(ell))).toBe(false);
  });
});

describe('polygonProblem', () => {
  it('accepts a real ring', () => {
    expect(polygonProblem(square)).toBeNull();
    expect(polygonProblem(ell)).toBeNull();
  });

  it('refuses too few vertices, a flat ring, bad numbers and too many vertices', () => {
    expect(
      polygonProblem([
        [0, 0],
        [1, 1],
        [0, 0],
      ]),
    ).toContain('至少需要 3 个顶点');
    expect(
      polygonProblem([
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    ).toContain('面积为零');
    expect(
      polygonProblem([
        [0, 0],
        [1, Number.NaN],
        [2, 0],
      ]),
    ).toContain('坐标无效');
    const many: Ring = Array.from({ length: MAX_POLYGON_VERTICES + 1 }, (_, i) => {
      const angle = (2 * Math.PI * i) / (MAX_POLYGON_VERTICES + 1);
      return [Math.cos(angle), Math.sin(angle)] as const;
    });
    expect(polygonProblem(many)).toContain('最多');
  });
});
