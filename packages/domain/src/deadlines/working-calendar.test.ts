import chineseDaysJson from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import { dateToDayNumber, dayNumberToDate, weekdayOf } from './china-time';
import { createWorkingCalendar, DEFAULT_WORKING_PERIODS, parseWorkingPeriods } from './working-calendar';

const calendar = createWorkingCalendar();

describe('createWorkingCalendar – statutory data from chinese-days', () => {
  it('knows the 2026 Mid-Autumn / National Day holidays and make-up workdays', () => {
    expect(calendar.isWorkingDay('2026-09-19')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休 make-up workday
    for (const date of ['2026-09-25', '2026-09-26', '2026-09-27']) expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.isWorkingDay('2026-09-30')).toBe(true);
    for (let d = 1; d <= 7; d++) expect(calendar.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-09')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up workday
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false); // Sunday
  });

  it('knows the 2026 Spring Festival', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday make-up
    expect(calendar.isWorkingDay('2026-02-15')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // Monday, still holiday
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true); // Saturday make-up
  });

  it('falls back to Monday–Friday for a year the library does not know yet', () => {
    expect(calendar.isWorkingDay('2027-10-01')).toBe(true); // a Friday; 2027 is not published yet
    expect(calendar.isWorkingDay('2027-10-02')).toBe(false);
  });

  it("agrees with the library's published JSON for every day 2004–2026 (independent of the host time zone)", () => {
    const holidays: Record<string, string> = chineseDaysJson.holidays;
    const workdays: Record<string, string> = chineseDaysJson.workdays;
    const mismatches: string[] = [];
    for (let day = dateToDayNumber('2004-01-01'); day <= dateToDayNumber('2026-12-31'); day++) {
      const date = dayNumberToDate(day);
      const weekday = weekdayOf(day);
      const expected = date in workdays ? true : date in holidays ? false : weekday >= 1 && weekday <= 5;
      if (calendar.isWorkingDay(date) !== expected) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });

  it('rejects a malformed date', () => {
    expect(() => calendar.isWorkingDay('2026-13-01')).toThrow(RangeError);
  });
});

describe('createWorkingCalendar – overrides', () => {
  it('lets overrides win over the library in both directions', () => {
    const custom = createWorkingCalendar({
      overrides: [
        { date: '2026-10-09', working: false, note: 'local holiday' },
        { date: '2026-10-03', working: true, note: 'emergency duty' },
        { date: '2027-10-01', working: false, note: 'National Day 2027, entered by an admin' },
      ],
    });
    expect(custom.isWorkingDay('2026-10-09')).toBe(false);
    expect(custom.isWorkingDay('2026-10-03')).toBe(true);
    expect(custom.isWorkingDay('2027-10-01')).toBe(false);
    expect(custom.isWorkingDay('2026-10-08')).toBe(true); // untouched dates still use the library
  });

  it('rejects duplicate and invalid override dates', () => {
    expect(() =>
      createWorkingCalendar({
        overrides: [
          { date: '2026-10-09', working: false },
          { date: '2026-10-09', working: true },
        ],
      }),
    ).toThrow('duplicate date 2026-10-09');
    expect(() => createWorkingCalendar({ overrides: [{ date: '2026-02-29', working: false }] })).toThrow(RangeError);
  });
});

describe('createWorkingCalendar – periods', () => {
  it('defaults to 08:30–12:00 and 13:30–17:30', () => {
    expect(DEFAULT_WORKING_PERIODS).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(calendar.periods).toEqual(DEFAULT_WORKING_PERIODS);
    expect(parseWorkingPeriods(calendar.periods)).toEqual([
      { start: 510, end: 720 },
      { start: 810, end: 1050 },
    ]);
  });

  it('accepts custom, touching and until-midnight periods', () => {
    const periods = [
      { start: '00:00', end: '12:00' },
      { start: '12:00', end: '24:00' },
    ];
    expect(createWorkingCalendar({ periods }).periods).toEqual(periods);
  });

  it('copies the periods so later mutation of the config cannot change the calendar', () => {
    const periods = [{ start: '09:00', end: '17:00' }];
    const custom = createWorkingCalendar({ periods });
    periods[0] = { start: '10:00', end: '09:00' };
    expect(custom.periods).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(Object.isFrozen(custom.periods)).toBe(true);
  });

  it.each([
    { name: 'empty list', periods: [], message: 'at least one period' },
    { name: 'start after end', periods: [{ start: '12:00', end: '08:30' }], message: 'start must be before end' },
    { name: 'empty period', periods: [{ start: '08:30', end: '08:30' }], message: 'start must be before end' },
    {
      name: 'unsorted',
      periods: [
        { start: '13:30', end: '17:30' },
        { start: '08:30', end: '12:00' },
      ],
      message: 'sorted and must not overlap',
    },
    {
      name: 'overlapping',
      periods: [
        { start: '08:30', end: '12:00' },
        { start: '11:30', end: '17:30' },
      ],
      message: 'sorted and must not overlap',
    },
    { name: 'bad format', periods: [{ start: '8:30', end: '12:00' }], message: "not a valid 'HH:mm'" },
    { name: 'out of range', periods: [{ start: '08:30', end: '25:00' }], message: "not a valid 'HH:mm'" },
    { name: 'start at 24:00', periods: [{ start: '24:00', end: '24:00' }], message: 'start must be before 24:00' },
  ])('rejects invalid periods: $name', ({ periods, message }) => {
    expect(() => createWorkingCalendar({ periods })).toThrow(RangeError);
    expect(() => createWorkingCalendar({ periods })).toThrow(message);
  });

  it('names the offending period in the error', () => {
    expect(() =>
      createWorkingCalendar({
        periods: [
          { start: '08:30', end: '12:00' },
          { start: '11:30', end: '17:30' },
        ],
      }),
    ).toThrow('working period #2 (11:30–17:30)');
  });
});
