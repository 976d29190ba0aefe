import { parseGridCode } from '@citygov/domain/grid-code';
import { describe, expect, it } from 'vitest';
import { buildDemoBasemap } from './demo-city-basemap';
import { type DemoArea, generateDemoCity, LATTICE_SPEC, type LngLat, ringArea } from './demo-city-geography';

const geography = generateDemoCity();

const ringOf = (area: DemoArea): LngLat[] => {
  const ring = area.boundary[0];
  if (!ring) throw new Error(`${area.code} has no ring`);
  return ring.map(([lng, lat]) => [lng ?? Number.NaN, lat ?? Number.NaN]);
};
const sumOfAreas = (list: readonly DemoArea[]) => list.reduce((sum, a) => sum + ringArea(ringOf(a)), 0);

describe('generateDemoCity', () => {
  it('has 4 districts, 24 streets, 96 communities and 2400 grids', () => {
    expect(geography.districts).toHaveLength(4);
    expect(geography.streets).toHaveLength(24);
    expect(geography.communities).toHaveLength(96);
    expect(geography.grids).toHaveLength(2400);
  });

  it('gives every grid a unique, parseable 14-digit code under its community', () => {
    const codes = geography.grids.map((g) => g.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const grid of geography.grids) {
      expect(grid.code).toMatch(/^\d{14}$/);
      expect(parseGridCode(grid.code)).not.toBeNull();
      expect(grid.parentCode).not.toBeNull();
      expect(grid.code.slice(0, 12)).toBe(grid.parentCode);
    }
  });

  it('nests codes: street = district + 3 digits, community = street + 3 digits', () => {
    const districtCodes = new Set(geography.districts.map((d) => d.code));
    const streetCodes = new Set(geography.streets.map((s) => s.code));
    for (const s of geography.streets) {
      expect(s.code).toMatch(/^\d{9}$/);
      expect(districtCodes.has(s.code.slice(0, 6)) && s.parentCode === s.code.slice(0, 6)).toBe(true);
    }
    for (const c of geography.communities) {
      expect(c.code).toMatch(/^\d{12}$/);
      expect(streetCodes.has(c.code.slice(0, 9)) && c.parentCode === c.code.slice(0, 9)).toBe(true);
    }
  });

  it('uses unique street and community names with the right suffixes', () => {
    const streetNames = geography.streets.map((s) => s.name);
    const communityNames = geography.communities.map((c) => c.name);
    expect(new Set(streetNames).size).toBe(24);
    expect(new Set(communityNames).size).toBe(96);
    expect(streetNames.every((n) => n.endsWith('街道'))).toBe(true);
    expect(communityNames.every((n) => n.endsWith('社区'))).toBe(true);
  });

  it('tiles the city bbox exactly: grid areas (and every other level) sum to the bbox area', () => {
    const { minLng, minLat, maxLng, maxLat } = geography.city.bbox;
    expect(minLng).toBeCloseTo(LATTICE_SPEC.minLng, 9);
    expect(minLat).toBeCloseTo(LATTICE_SPEC.minLat, 9);
    expect(maxLng).toBeCloseTo(LATTICE_SPEC.minLng + LATTICE_SPEC.cols * LATTICE_SPEC.cellLng, 9);
    expect(maxLat).toBeCloseTo(LATTICE_SPEC.minLat + LATTICE_SPEC.rows * LATTICE_SPEC.cellLat, 9);
    const bboxArea = (maxLng - minLng) * (maxLat - minLat);
    for (const level of [geography.grids, geography.communities, geography.streets, geography.districts]) {
      expect(Math.abs(sumOfAreas(level) - bboxArea) / bboxArea).toBeLessThan(1e-9);
    }
  });

  it('draws closed counter-clockwise rings with the centre inside the bbox', () => {
    for (const area of [geography.city, ...geography.districts, ...geography.streets, ...geography.grids]) {
      const ring = ringOf(area);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ringArea(ring)).toBeGreaterThan(0);
      const [lng, lat] = area.center;
      expect(lng).toBeGreaterThan(area.bbox.minLng);
      expect(lng).toBeLessThan(area.bbox.maxLng);
      expect(lat).toBeGreaterThan(area.bbox.minLat);
      expect(lat).toBeLessThan(area.bbox.maxLat);
    }
  });

  it('is deterministic', () => {
    expect(generateDemoCity()).toEqual(geography);
    expect(buildDemoBasemap(generateDemoCity())).toEqual(buildDemoBasemap(geography));
  });

  it('depends on the seed', () => {
    expect(generateDemoCity(1).grids[0]?.boundary).not.toEqual(geography.grids[0]?.boundary);
  });
});
