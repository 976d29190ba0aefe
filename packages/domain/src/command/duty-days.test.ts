import { describe, expect, it } from 'vitest';
import { chinaInstant } from '../deadlines/china-time';
import { dutyDays, patrolDays } from './duty-days';

const at = (iso: string) => new Date(`${iso}+08:00`);

describe('在岗统计 per day', () => {
  it('splits a shift over midnight, sums the periods and leaves out days without duty or fixes', () => {
    const changes = [
      { onDuty: true, at: at('2026-03-02T08:00:00') },
      { onDuty: false, at: at('2026-03-02T12:00:00') },
      { onDuty: true, at: at('2026-03-02T22:00:00') },
      { onDuty: false, at: at('2026-03-03T02:30:00') },
    ];
    const fixes = [
      { lng: 120, lat: 30, at: at('2026-03-02T08:01:00') },
      { lng: 120, lat: 30.001, at: at('2026-03-02T08:02:00') },
    ];
    const days = dutyDays(changes, patrolDays(fixes), '2026-03-01', '2026-03-04', at('2026-03-05T00:00:00'));
    expect(days.map((d) => [d.day, d.onDutyMinutes, d.mileageM, d.fixes])).toEqual([
      ['2026-03-02', 6 * 60, 111, 2],
      ['2026-03-03', 150, 0, 0],
    ]);
    expect(days[0]?.firstOn).toEqual(at('2026-03-02T08:00:00'));
    // Still on duty at midnight: no last off that day; the next day starts at midnight.
    expect(days[0]?.lastOff).toBeNull();
    expect(days[1]?.firstOn).toEqual(chinaInstant('2026-03-03'));
    expect(days[1]?.lastOff).toEqual(at('2026-03-03T02:30:00'));
  });

  it('counts an open shift up to now', () => {
    const days = dutyDays(
      [{ onDuty: true, at: at('2026-03-02T09:00:00') }],
      new Map(),
      '2026-03-02',
      '2026-03-02',
      at('2026-03-02T10:30:00'),
    );
    expect(days[0]).toMatchObject({ onDutyMinutes: 90, lastOff: null });
  });

  it('tells the day’s last 下岗 by the system (自动下岗) from one the person pressed', () => {
    const changes = [
      { onDuty: true, at: at('2026-03-02T08:00:00') },
      { onDuty: false, at: at('2026-03-02T09:40:00'), autoOffMinutes: 30 },
      { onDuty: true, at: at('2026-03-02T14:00:00') },
      { onDuty: false, at: at('2026-03-02T18:00:00') },
      { onDuty: true, at: at('2026-03-03T08:00:00') },
      { onDuty: false, at: at('2026-03-03T10:05:00'), autoOffMinutes: 30 },
    ];
    const days = dutyDays(changes, new Map(), '2026-03-02', '2026-03-03', at('2026-03-04T00:00:00'));
    expect(days.map((d) => [d.day, d.onDutyMinutes, d.lastOffAutoMinutes])).toEqual([
      ['2026-03-02', 100 + 240, null],
      ['2026-03-03', 125, 30],
    ]);
  });
  it('measures each China day of a track on its own; the step across midnight counts on neither', () => {
    const track = [
      { lng: 120, lat: 30, at: at('2026-03-02T23:59:00') },
      { lng: 120, lat: 30.001, at: at('2026-03-02T23:59:30') },
      { lng: 120, lat: 30.002, at: at('2026-03-03T00:00:30') },
      { lng: 120, lat: 30.003, at: at('2026-03-03T00:01:00') },
    ];
    const days = patrolDays(track);
    expect([...days].map(([day, p]) => [day, Math.round(p.mileageM), p.fixes])).toEqual([
      ['2026-03-02', 111, 2],
      ['2026-03-03', 111, 2],
    ]);
  });
});
