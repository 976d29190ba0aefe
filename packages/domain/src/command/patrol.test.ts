import { describe, expect, it } from 'vitest';
import { availabilityOf, patrolMetres, pickNearest } from './patrol';

const t0 = new Date('2026-12-04T01:00:00Z').getTime();
const at = (s: number) => new Date(t0 + s * 1000);

describe('patrolMetres', () => {
  it('sums the steps of a track worked out by hand, leaving out a jump faster than 120 km/h', () => {
    // 0.001° of latitude = 6,371,008.8 m × 0.001 × π/180 = 111.195 m.
    const track = [
      { lng: 120, lat: 30, at: at(0) },
      { lng: 120, lat: 30.001, at: at(60) }, // 111.195 m in 60 s (6.7 km/h)
      { lng: 120, lat: 30.05, at: at(120) }, // 5.45 km in 60 s (327 km/h): a jump, skipped
      { lng: 120, lat: 30.002, at: at(180) }, // 111.195 m from the last good fix in 120 s
    ];
    expect(patrolMetres(track)).toBeCloseTo(222.39, 1);
    expect(patrolMetres([])).toBe(0);
    expect(patrolMetres(track.slice(0, 1))).toBe(0);
  });
});

describe('pickNearest', () => {
  const now = at(0);
  const fix = (lat: number, ageS = 0) => ({ lng: 120, lat, at: at(-ageS) });
  it('picks the nearest available: on duty, fresh, not holding a call', () => {
    const staff = [
      { userId: 1, onDuty: false, busy: false, position: fix(30.0001) },
      { userId: 2, onDuty: true, busy: false, position: fix(30.0002, 11 * 60) },
      { userId: 3, onDuty: true, busy: true, position: fix(30.0003) },
      { userId: 4, onDuty: true, busy: false, position: fix(30.0009) },
      { userId: 5, onDuty: true, busy: false, position: fix(30.0004) },
      { userId: 6, onDuty: true, busy: false, position: null },
    ];
    expect(staff.map((s) => availabilityOf(s, now))).toEqual([
      'off_duty',
      'stale',
      'busy',
      'available',
      'available',
      'no_position',
    ]);
    expect(pickNearest(staff, { lng: 120, lat: 30 }, now)?.candidate.userId).toBe(5);
    expect(pickNearest(staff, { lng: 120, lat: 30 }, now, new Set([5]))?.candidate.userId).toBe(4);
    expect(pickNearest(staff, { lng: 120, lat: 30 }, now, new Set([4, 5]))).toBeNull();
  });
});
