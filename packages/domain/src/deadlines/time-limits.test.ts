import { describe, expect, it } from 'vitest';
import { at, china } from './test-helpers';
import { addTimeLimit, extendDeadline, resumeAfterPause, workingMinutesBetween } from './time-limits';
import { createWorkingCalendar, type WorkingCalendar } from './working-calendar';

const calendar = createWorkingCalendar();
const wh = (amount: number) => ({ amount, unit: 'working_hours' as const });
const wd = (amount: number) => ({ amount, unit: 'working_days' as const });
const nh = (amount: number) => ({ amount, unit: 'natural_hours' as const });

// An ordinary week: 2026-03-09 is a Monday, 03-13 Friday, 03-14/15 weekend.
describe('addTimeLimit – working_hours', () => {
  it.each([
    ['inside the morning', '2026-03-09', '09:00', 1, '2026-03-09 10:00'],
    ['landing exactly on the lunch break stays at 12:00', '2026-03-09', '10:00', 2, '2026-03-09 12:00'],
    ['across the lunch break', '2026-03-09', '11:00', 2, '2026-03-09 14:30'],
    ['a full day from 08:30 ends at 17:30, not the next morning', '2026-03-09', '08:30', 7.5, '2026-03-09 17:30'],
    ['across the night', '2026-03-09', '17:00', 1, '2026-03-10 09:00'],
    ['across a weekend', '2026-03-13', '16:30', 2, '2026-03-16 09:30'],
    ['before 08:30 starts counting at 08:30', '2026-03-09', '07:00', 1, '2026-03-09 09:30'],
    ['at 12:00 starts counting at 13:30', '2026-03-09', '12:00', 1, '2026-03-09 14:30'],
    ['at 12:30 (lunch) starts counting at 13:30', '2026-03-09', '12:30', 1, '2026-03-09 14:30'],
    ['at 17:30 starts the next working morning', '2026-03-09', '17:30', 1, '2026-03-10 09:30'],
    ['after 17:30 starts the next working morning', '2026-03-09', '20:00', 1, '2026-03-10 09:30'],
    ['on a Sunday starts on Monday', '2026-03-15', '10:00', 1, '2026-03-16 09:30'],
    ['on a Saturday night, across Sunday and a whole Monday', '2026-03-14', '23:00', 8, '2026-03-17 09:00'],
    ['half an hour across lunch', '2026-03-09', '11:45', 0.5, '2026-03-09 13:45'],
    ['a quarter hour', '2026-03-09', '09:00', 0.25, '2026-03-09 09:15'],
    ['40 hours = 5 working days + 2.5 h', '2026-03-09', '08:30', 40, '2026-03-16 11:00'],
  ])('%s', (_name, date, time, hours, expected) => {
    expect(china(addTimeLimit(calendar, at(date, time), wh(hours)))).toBe(expected);
  });

  it('keeps seconds of the start', () => {
    const start = new Date(at('2026-03-09', '11:59').getTime() + 30_000);
    expect(china(addTimeLimit(calendar, start, wh(1)))).toBe('2026-03-09 14:29:30');
  });

  it('returns the start unchanged for 0 hours', () => {
    const start = at('2026-03-15', '10:00');
    expect(addTimeLimit(calendar, start, wh(0)).getTime()).toBe(start.getTime());
  });
});

describe('addTimeLimit – 2026 Mid-Autumn / National Day (library data)', () => {
  it('skips 10-01..10-07: Wednesday 09-30 16:00 + 2 working hours → Thursday 10-08 09:00', () => {
    // 16:00–17:30 uses 1.5 h, the remaining 0.5 h is on the first working day after the holiday.
    expect(china(addTimeLimit(calendar, at('2026-09-30', '16:00'), wh(2)))).toBe('2026-10-08 09:00');
    expect(china(addTimeLimit(calendar, at('2026-09-30', '16:30'), wh(2)))).toBe('2026-10-08 09:30');
  });

  it('skips the Mid-Autumn Friday 09-25 and the weekend after it', () => {
    expect(china(addTimeLimit(calendar, at('2026-09-24', '17:00'), wh(1)))).toBe('2026-09-28 09:00');
  });

  it('counts the Sunday make-up workday 09-20', () => {
    expect(china(addTimeLimit(calendar, at('2026-09-20', '10:00'), wh(1)))).toBe('2026-09-20 11:00');
    expect(china(addTimeLimit(calendar, at('2026-09-19', '10:00'), wh(1)))).toBe('2026-09-20 09:30');
    expect(china(addTimeLimit(calendar, at('2026-09-20', '10:00'), wd(1)))).toBe('2026-09-21 10:00');
  });

  it('3 working days from 09-30 10:00 → 10-08, 10-09, then the Saturday make-up day 10-10 10:00', () => {
    expect(china(addTimeLimit(calendar, at('2026-09-30', '10:00'), wd(1)))).toBe('2026-10-08 10:00');
    expect(china(addTimeLimit(calendar, at('2026-09-30', '10:00'), wd(2)))).toBe('2026-10-09 10:00');
    expect(china(addTimeLimit(calendar, at('2026-09-30', '10:00'), wd(3)))).toBe('2026-10-10 10:00');
    expect(china(addTimeLimit(calendar, at('2026-09-30', '10:00'), wd(4)))).toBe('2026-10-12 10:00');
  });

  it('a case filed during the holiday starts counting on 10-08', () => {
    expect(china(addTimeLimit(calendar, at('2026-10-03', '10:00'), wh(1)))).toBe('2026-10-08 09:30');
    expect(china(addTimeLimit(calendar, at('2026-10-03', '10:00'), wd(1)))).toBe('2026-10-09 08:30');
  });

  it('natural hours are plain wall-clock time through the holiday', () => {
    expect(china(addTimeLimit(calendar, at('2026-09-30', '16:00'), nh(2)))).toBe('2026-09-30 18:00');
    expect(china(addTimeLimit(calendar, at('2026-09-30', '16:00'), nh(24)))).toBe('2026-10-01 16:00');
    expect(china(addTimeLimit(calendar, at('2026-10-01', '23:30'), nh(0.5)))).toBe('2026-10-02 00:00');
    expect(china(addTimeLimit(calendar, at('2026-09-30', '16:00'), nh(24 * 8)))).toBe('2026-10-08 16:00');
  });
});

describe('addTimeLimit – overrides win over the library', () => {
  const localHoliday = createWorkingCalendar({ overrides: [{ date: '2026-10-09', working: false, note: '本地假日' }] });

  it('a non-working override shifts working days and working hours', () => {
    expect(china(addTimeLimit(localHoliday, at('2026-09-30', '10:00'), wd(3)))).toBe('2026-10-12 10:00');
    expect(china(addTimeLimit(localHoliday, at('2026-10-08', '17:00'), wh(1)))).toBe('2026-10-10 09:00');
    expect(china(addTimeLimit(calendar, at('2026-10-08', '17:00'), wh(1)))).toBe('2026-10-09 09:00');
  });

  it('a working override on a holiday makes it count', () => {
    const duty = createWorkingCalendar({ overrides: [{ date: '2026-10-05', working: true }] });
    expect(china(addTimeLimit(duty, at('2026-09-30', '16:00'), wh(2)))).toBe('2026-10-05 09:00');
  });

  it('an override fills in a year the library does not know yet', () => {
    const start = at('2027-09-30', '17:00'); // Thursday
    expect(china(addTimeLimit(calendar, start, wh(1)))).toBe('2027-10-01 09:00');
    const with2027 = createWorkingCalendar({
      overrides: [{ date: '2027-10-01', working: false, note: '国庆节 2027' }],
    });
    expect(china(addTimeLimit(with2027, start, wh(1)))).toBe('2027-10-04 09:00');
  });
});

describe('addTimeLimit – working_days', () => {
  it.each([
    ['same clock time on the next working day', '2026-03-11', '10:00', 1, '2026-03-12 10:00'],
    ['Friday to Monday', '2026-03-13', '10:00', 1, '2026-03-16 10:00'],
    ['Friday 20:00 is snapped to Monday 08:30, then + 1 day', '2026-03-13', '20:00', 1, '2026-03-17 08:30'],
    ['before 08:30 is snapped to 08:30 the same day', '2026-03-09', '07:00', 1, '2026-03-10 08:30'],
    ['lunch break is snapped to 13:30', '2026-03-09', '12:30', 1, '2026-03-10 13:30'],
    ['exactly 17:30 (period end) keeps 17:30', '2026-03-09', '17:30', 1, '2026-03-10 17:30'],
    ['exactly 12:00 (period end) keeps 12:00', '2026-03-09', '12:00', 2, '2026-03-11 12:00'],
    ['Sunday is snapped to Monday 08:30', '2026-03-15', '10:00', 2, '2026-03-18 08:30'],
    ['30 working days across the National Day week', '2026-09-01', '10:00', 30, '2026-10-19 10:00'],
  ])('%s', (_name, date, time, days, expected) => {
    expect(china(addTimeLimit(calendar, at(date, time), wd(days)))).toBe(expected);
  });

  it('N working days are exactly N × 450 working minutes', () => {
    for (const [date, time] of [
      ['2026-09-01', '10:00'],
      ['2026-03-13', '20:00'],
      ['2026-03-09', '17:30'],
    ] as const) {
      const start = at(date, time);
      expect(workingMinutesBetween(calendar, start, addTimeLimit(calendar, start, wd(30)))).toBe(30 * 450);
    }
  });
});

describe('addTimeLimit – efficiency and validation', () => {
  function countingCalendar(): { calendar: WorkingCalendar; calls: () => number } {
    let calls = 0;
    return {
      calendar: {
        periods: calendar.periods,
        isWorkingDay: (date) => {
          calls++;
          return calendar.isWorkingDay(date);
        },
      },
      calls: () => calls,
    };
  }

  it('steps by days, not minutes: 30 working days look up each calendar day at most once', () => {
    const counting = countingCalendar();
    addTimeLimit(counting.calendar, at('2026-09-01', '10:00'), wd(30));
    expect(counting.calls()).toBeLessThanOrEqual(49); // 09-01 .. 10-19
    const hours = countingCalendar();
    expect(china(addTimeLimit(hours.calendar, at('2026-09-01', '10:00'), wh(30 * 7.5)))).toBe('2026-10-19 10:00');
    expect(hours.calls()).toBeLessThanOrEqual(49);
  });

  it('handles a year of working hours quickly', () => {
    const started = performance.now();
    const deadline = addTimeLimit(calendar, at('2026-01-05', '08:30'), wh(250 * 7.5));
    expect(performance.now() - started).toBeLessThan(500);
    expect(workingMinutesBetween(calendar, at('2026-01-05', '08:30'), deadline)).toBe(250 * 450);
  });

  it('rejects negative, non-finite and fractional-day amounts and invalid dates', () => {
    const start = at('2026-03-09', '10:00');
    expect(() => addTimeLimit(calendar, start, wh(-1))).toThrow(RangeError);
    expect(() => addTimeLimit(calendar, start, nh(Number.NaN))).toThrow(RangeError);
    expect(() => addTimeLimit(calendar, start, nh(Number.POSITIVE_INFINITY))).toThrow(RangeError);
    expect(() => addTimeLimit(calendar, start, wd(1.5))).toThrow('whole number');
    expect(() => addTimeLimit(calendar, new Date('nope'), wh(1))).toThrow('start is an invalid Date');
  });

  it('fails instead of looping forever on a calendar without working days', () => {
    const never: WorkingCalendar = { periods: calendar.periods, isWorkingDay: () => false };
    expect(() => addTimeLimit(never, at('2026-03-09', '10:00'), wh(1))).toThrow('no working day');
    expect(() => addTimeLimit(never, at('2026-03-09', '10:00'), wd(1))).toThrow('no working day');
  });
});

describe('workingMinutesBetween', () => {
  it('one full working day is 450 minutes with the default periods', () => {
    expect(workingMinutesBetween(calendar, at('2026-03-09', '00:00'), at('2026-03-10', '00:00'))).toBe(450);
    expect(workingMinutesBetween(calendar, at('2026-03-09', '08:30'), at('2026-03-09', '17:30'))).toBe(450);
  });

  it('counts a week, skipping the weekend', () => {
    expect(workingMinutesBetween(calendar, at('2026-03-09', '00:00'), at('2026-03-16', '00:00'))).toBe(5 * 450);
    expect(workingMinutesBetween(calendar, at('2026-03-13', '17:30'), at('2026-03-16', '08:30'))).toBe(0);
  });

  it('excludes the lunch break and partial periods', () => {
    expect(workingMinutesBetween(calendar, at('2026-03-09', '10:00'), at('2026-03-09', '14:00'))).toBe(150);
    expect(workingMinutesBetween(calendar, at('2026-03-09', '12:10'), at('2026-03-09', '13:20'))).toBe(0);
  });

  it('counts the National Day fortnight: only 09-30, 10-08, 10-09 and make-up 10-10 work', () => {
    expect(workingMinutesBetween(calendar, at('2026-09-30', '00:00'), at('2026-10-11', '00:00'))).toBe(4 * 450);
  });

  it('is 0 when to <= from', () => {
    expect(workingMinutesBetween(calendar, at('2026-03-09', '14:00'), at('2026-03-09', '10:00'))).toBe(0);
    expect(workingMinutesBetween(calendar, at('2026-03-09', '10:00'), at('2026-03-09', '10:00'))).toBe(0);
  });

  it('follows custom periods', () => {
    const custom = createWorkingCalendar({ periods: [{ start: '09:00', end: '17:00' }] });
    expect(workingMinutesBetween(custom, at('2026-03-09', '00:00'), at('2026-03-10', '00:00'))).toBe(480);
    expect(china(addTimeLimit(custom, at('2026-03-09', '16:00'), wh(2)))).toBe('2026-03-10 10:00');
  });
});

describe('extendDeadline (延期)', () => {
  const deadline = at('2026-03-09', '17:30');

  it('adds working hours from the current deadline', () => {
    expect(china(extendDeadline(calendar, deadline, wh(1)))).toBe('2026-03-10 09:30');
    expect(china(extendDeadline(calendar, at('2026-03-09', '12:00'), wh(0.5)))).toBe('2026-03-09 14:00');
  });

  it('adds working days keeping a period-end deadline at the period end', () => {
    expect(china(extendDeadline(calendar, deadline, wd(1)))).toBe('2026-03-10 17:30');
    expect(china(extendDeadline(calendar, at('2026-09-30', '17:30'), wd(1)))).toBe('2026-10-08 17:30');
  });

  it('adds natural hours as wall-clock time', () => {
    expect(china(extendDeadline(calendar, deadline, nh(4)))).toBe('2026-03-09 21:30');
  });

  it('extending by nothing leaves the deadline alone', () => {
    expect(extendDeadline(calendar, deadline, wd(0)).getTime()).toBe(deadline.getTime());
  });
});

describe('resumeAfterPause (挂账)', () => {
  it('pausing Friday to Monday over a weekend preserves the remaining working minutes', () => {
    // Filed Wednesday 10:00 with 3 working days → Monday 10:00.
    const deadline = addTimeLimit(calendar, at('2026-03-11', '10:00'), wd(3));
    expect(china(deadline)).toBe('2026-03-16 10:00');
    const pausedFrom = at('2026-03-13', '10:00'); // Friday: 360 + 90 = 450 working minutes left
    const resumedAt = at('2026-03-16', '10:00'); // Monday, three days later
    const resumed = resumeAfterPause(calendar, deadline, pausedFrom, resumedAt, 'working_days');
    expect(china(resumed)).toBe('2026-03-17 10:00');
    expect(workingMinutesBetween(calendar, pausedFrom, deadline)).toBe(450);
    expect(workingMinutesBetween(calendar, resumedAt, resumed)).toBe(450);
  });

  it('resuming outside working time starts counting at the next working period', () => {
    const deadline = at('2026-03-16', '10:00');
    const pausedFrom = at('2026-03-12', '15:00'); // Thursday: 150 + 450 + 90 = 690 left
    const resumed = resumeAfterPause(calendar, deadline, pausedFrom, at('2026-03-15', '15:00'), 'working_hours');
    expect(china(resumed)).toBe('2026-03-17 14:00'); // Monday 450, Tuesday 08:30 + 240
    expect(workingMinutesBetween(calendar, at('2026-03-15', '15:00'), resumed)).toBe(690);
  });

  it('paused across the National Day week loses no working time', () => {
    const deadline = at('2026-10-09', '10:00');
    const pausedFrom = at('2026-09-30', '10:00'); // 360 + 450 + 90 = 900 left
    const resumed = resumeAfterPause(calendar, deadline, pausedFrom, at('2026-10-09', '09:00'), 'working_hours');
    expect(china(resumed)).toBe('2026-10-12 09:00'); // 10-09 from 09:00: 420, 10-10: 450, 10-12: 30
    expect(workingMinutesBetween(calendar, at('2026-10-09', '09:00'), resumed)).toBe(900);
  });

  it('natural hours keep the remaining wall-clock time', () => {
    const deadline = at('2026-09-30', '18:00');
    const resumed = resumeAfterPause(
      calendar,
      deadline,
      at('2026-09-30', '16:30'),
      at('2026-10-03', '09:00'),
      'natural_hours',
    );
    expect(china(resumed)).toBe('2026-10-03 10:30');
  });

  it('a case paused while overdue stays overdue by the same working time', () => {
    const deadline = at('2026-03-13', '17:30');
    const pausedFrom = at('2026-03-16', '09:00'); // 30 working minutes overdue
    const resumedAt = at('2026-03-18', '10:00');
    const resumed = resumeAfterPause(calendar, deadline, pausedFrom, resumedAt, 'working_hours');
    expect(china(resumed)).toBe('2026-03-18 09:30');
    const acrossNight = resumeAfterPause(calendar, deadline, pausedFrom, at('2026-03-18', '08:40'), 'working_hours');
    expect(china(acrossNight)).toBe('2026-03-17 17:10');
  });

  it('a pause of zero length changes nothing; resuming before pausing is rejected', () => {
    const deadline = at('2026-03-16', '10:00');
    const t = at('2026-03-12', '15:00');
    expect(resumeAfterPause(calendar, deadline, t, t, 'working_hours').getTime()).toBe(deadline.getTime());
    expect(() => resumeAfterPause(calendar, deadline, t, at('2026-03-12', '14:00'), 'working_hours')).toThrow(
      RangeError,
    );
  });
});
