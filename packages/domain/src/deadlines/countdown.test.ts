import { describe, expect, it } from 'vitest';
import { countdown, DEFAULT_WARNING_RATIO, describeClock, formatRemaining, warningInstant } from './countdown';
import { at, china } from './test-helpers';
import { addTimeLimit } from './time-limits';
import { createWorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar();

describe('countdown – working hours', () => {
  // Monday 08:30 + 10 working hours (600 min) → Tuesday 11:00; 80 % = 480 min → Tuesday 09:00.
  const start = at('2026-03-09', '08:30');
  const deadline = addTimeLimit(calendar, start, { amount: 10, unit: 'working_hours' });
  const state = (date: string, time: string) => countdown(calendar, start, deadline, 'working_hours', at(date, time));

  it('has the expected deadline and warning instant', () => {
    expect(DEFAULT_WARNING_RATIO).toBe(0.8);
    expect(china(deadline)).toBe('2026-03-10 11:00');
    expect(china(warningInstant(calendar, start, deadline, 'working_hours'))).toBe('2026-03-10 09:00');
  });

  it('is normal at 79 %', () => {
    const c = state('2026-03-10', '08:54');
    expect(c).toEqual({ level: 'normal', remainingMinutes: 126, elapsedRatio: 0.79 });
    expect(formatRemaining(c.remainingMinutes)).toBe('剩余 2 小时 6 分钟');
  });

  it('turns to warning exactly at 80 %', () => {
    const c = state('2026-03-10', '09:00');
    expect(c).toEqual({ level: 'warning', remainingMinutes: 120, elapsedRatio: 0.8 });
    expect(formatRemaining(c.remainingMinutes)).toBe('剩余 2 小时');
  });

  it('stands still overnight (working time only)', () => {
    const evening = state('2026-03-09', '20:00');
    const morning = state('2026-03-10', '08:30');
    expect(evening).toEqual(morning);
    expect(evening).toEqual({ level: 'normal', remainingMinutes: 150, elapsedRatio: 0.75 });
  });

  it('is overdue from the deadline instant on, with 已到期 at exactly 0', () => {
    const c = state('2026-03-10', '11:00');
    expect(c).toEqual({ level: 'overdue', remainingMinutes: 0, elapsedRatio: 1 });
    expect(formatRemaining(c.remainingMinutes)).toBe('已到期');
  });

  it('counts overdue time in working minutes past 100 %', () => {
    const c = state('2026-03-10', '13:40'); // 12:00 is 60 min late, lunch does not count, +10
    expect(c.level).toBe('overdue');
    expect(c.remainingMinutes).toBe(-70);
    expect(c.elapsedRatio).toBeCloseTo(670 / 600, 10);
    expect(formatRemaining(c.remainingMinutes)).toBe('已超时 1 小时 10 分钟');
  });

  it('is normal with ratio 0 before the start', () => {
    expect(state('2026-03-08', '10:00')).toEqual({ level: 'normal', remainingMinutes: 600, elapsedRatio: 0 });
  });

  it('accepts a custom ratio and rejects invalid ones', () => {
    expect(china(warningInstant(calendar, start, deadline, 'working_hours', 0.5))).toBe('2026-03-09 15:00');
    expect(countdown(calendar, start, deadline, 'working_hours', at('2026-03-09', '15:00'), 0.5).level).toBe('warning');
    expect(() => warningInstant(calendar, start, deadline, 'working_hours', 0)).toThrow(RangeError);
    expect(() => countdown(calendar, start, deadline, 'working_hours', start, 1.5)).toThrow(RangeError);
    expect(() => countdown(calendar, deadline, start, 'working_hours', start)).toThrow(
      'deadline must not be before start',
    );
  });
});

describe('countdown – natural hours across the National Day holiday', () => {
  // 24 natural hours from 09-30 16:00 → 10-01 16:00; 80 % = 19.2 h → 10-01 11:12.
  const start = at('2026-09-30', '16:00');
  const deadline = addTimeLimit(calendar, start, { amount: 24, unit: 'natural_hours' });
  const state = (date: string, time: string) => countdown(calendar, start, deadline, 'natural_hours', at(date, time));

  it('warns at 80 % of wall-clock time regardless of the holiday', () => {
    expect(china(warningInstant(calendar, start, deadline, 'natural_hours'))).toBe('2026-10-01 11:12');
    expect(state('2026-10-01', '11:00').level).toBe('normal'); // 79.2 %
    expect(state('2026-10-01', '11:12')).toEqual({ level: 'warning', remainingMinutes: 288, elapsedRatio: 0.8 });
    expect(formatRemaining(state('2026-10-01', '11:12').remainingMinutes)).toBe('剩余 4 小时 48 分钟');
  });

  it('is overdue in wall-clock time during the holiday', () => {
    const c = state('2026-10-02', '18:10');
    expect(c.level).toBe('overdue');
    expect(c.remainingMinutes).toBe(-(26 * 60 + 10));
    expect(formatRemaining(c.remainingMinutes)).toBe('已超时 1 天 2 小时');
  });
});

describe('countdown – working days across the National Day holiday', () => {
  // 3 working days from 09-30 10:00 → 10-10 10:00 = 1350 working minutes;
  // 80 % = 1080 → 09-30: 360, 10-08: 450, 10-09: 270 → 14:30.
  const start = at('2026-09-30', '10:00');
  const deadline = addTimeLimit(calendar, start, { amount: 3, unit: 'working_days' });

  it('warns after 80 % of the working time', () => {
    expect(china(warningInstant(calendar, start, deadline, 'working_days'))).toBe('2026-10-09 14:30');
    expect(countdown(calendar, start, deadline, 'working_days', at('2026-10-09', '14:29')).level).toBe('normal');
    expect(countdown(calendar, start, deadline, 'working_days', at('2026-10-09', '14:30')).level).toBe('warning');
  });

  it('does not run down during the holiday', () => {
    const c = countdown(calendar, start, deadline, 'working_days', at('2026-10-03', '12:00'));
    expect(c.level).toBe('normal');
    expect(c.remainingMinutes).toBe(1350 - 360); // 09-30 10:00–17:30 used 360
    expect(formatRemaining(c.remainingMinutes)).toBe('剩余 16 小时 30 分钟');
  });

  it('is overdue after the Saturday make-up day', () => {
    const c = countdown(calendar, start, deadline, 'working_days', at('2026-10-12', '09:00'));
    expect(c.level).toBe('overdue');
    expect(c.remainingMinutes).toBe(-(450 - 90 + 30)); // rest of 10-10 after 10:00 (360) + 10-12 08:30–09:00
    expect(formatRemaining(c.remainingMinutes)).toBe('已超时 6 小时 30 分钟');
  });
});

describe('formatRemaining', () => {
  it.each([
    [1620, '剩余 1 天 3 小时'],
    [1620 + 59, '剩余 1 天 3 小时'],
    [1440, '剩余 1 天'],
    [3 * 1440 + 5, '剩余 3 天'],
    [125, '剩余 2 小时 5 分钟'],
    [120, '剩余 2 小时'],
    [45, '剩余 45 分钟'],
    [0.2, '剩余 1 分钟'],
    [0, '已到期'],
    [-0.2, '已超时 1 分钟'],
    [-45, '已超时 45 分钟'],
    [-130, '已超时 2 小时 10 分钟'],
    [-(2 * 1440 + 60), '已超时 2 天 1 小时'],
  ])('%d → %s', (minutes, text) => {
    expect(formatRemaining(minutes)).toBe(text);
  });

  it('rejects non-finite input', () => {
    expect(() => formatRemaining(Number.NaN)).toThrow(RangeError);
  });
});

describe('describeClock', () => {
  it('says working time for working limits, in hours rather than 24-hour days', () => {
    expect(describeClock(450, 'working_hours')).toBe('剩余工作时间 7 小时 30 分钟');
    expect(describeClock(24 * 60, 'working_days')).toBe('剩余工作时间 24 小时');
    expect(describeClock(-130, 'working_days')).toBe('已超时 2 小时 10 分钟（工作时间）');
    expect(describeClock(450, 'natural_hours')).toBe('剩余 7 小时 30 分钟');
  });

  it('says a hung-up case has its clock paused', () => {
    expect(describeClock(450, 'working_hours', true)).toBe('已挂账，计时暂停（剩余工作时间 7 小时 30 分钟）');
  });
});
