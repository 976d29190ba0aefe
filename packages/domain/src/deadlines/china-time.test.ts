import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  chinaDayNumber,
  chinaInstant,
  chinaMinutesOfDay,
  dateToDayNumber,
  dayNumberToDate,
  instantMs,
  parseClockTime,
  startOfChinaDay,
  weekdayOf,
} from './china-time';

describe('china-time', () => {
  it('converts an instant to the China local date (UTC+8), not the UTC date', () => {
    expect(chinaDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
    expect(chinaDate(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
  });

  it('gives China minutes of day, fractional for seconds', () => {
    expect(chinaMinutesOfDay(new Date('2026-09-30T00:30:00Z'))).toBe(8 * 60 + 30);
    expect(chinaMinutesOfDay(new Date('2026-09-30T16:00:30Z'))).toBe(0.5);
  });

  it('finds the start of the China day', () => {
    expect(startOfChinaDay(new Date('2026-10-01T03:00:00Z')).toISOString()).toBe('2026-09-30T16:00:00.000Z');
  });

  it('builds an instant from a China date and clock time', () => {
    expect(chinaInstant('2026-10-08', '09:30').toISOString()).toBe('2026-10-08T01:30:00.000Z');
    expect(chinaInstant('2026-10-08').toISOString()).toBe('2026-10-07T16:00:00.000Z');
  });

  it('round-trips day numbers and knows weekdays', () => {
    const day = dateToDayNumber('2026-09-20');
    expect(dayNumberToDate(day)).toBe('2026-09-20');
    expect(weekdayOf(day)).toBe(0); // Sunday
    expect(weekdayOf(dateToDayNumber('2026-10-10'))).toBe(6); // Saturday
    expect(weekdayOf(dateToDayNumber('1969-12-31'))).toBe(3); // Wednesday, before the epoch
    expect(chinaDayNumber(chinaInstant('2026-09-20', '23:59').getTime())).toBe(day);
  });

  it('rejects invalid dates, clock times and instants', () => {
    expect(() => dateToDayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => dateToDayNumber('2026-9-1')).toThrow(RangeError);
    expect(() => parseClockTime('8:30')).toThrow(RangeError);
    expect(() => parseClockTime('12:60')).toThrow(RangeError);
    expect(() => parseClockTime('24:01')).toThrow(RangeError);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(() => instantMs(new Date(Number.NaN), 'start')).toThrow('start is an invalid Date');
  });
});
