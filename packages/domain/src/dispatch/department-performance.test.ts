import { describe, expect, it } from 'vitest';
import { at } from '../deadlines/test-helpers';
import { createWorkingCalendar } from '../deadlines/working-calendar';
import { departmentPerformance, handledOnTime, median } from './department-performance';

const calendar = createWorkingCalendar();
// Tuesday 2026-03-10 09:00, a working day; a limit of 1 working day ends Wednesday 09:00.
const dispatched = at('2026-03-10', '09:00');
const oneDay = { amount: 1, unit: 'working_days' as const };

describe('handledOnTime', () => {
  it('compares the first feedback after the dispatch with the handling deadline', () => {
    expect(handledOnTime(calendar, dispatched, oneDay, [{ action: 'feedBack', at: at('2026-03-11', '08:59') }])).toBe(
      true,
    );
    expect(
      handledOnTime(calendar, dispatched, oneDay, [
        { action: 'feedBack', at: at('2026-03-11', '10:00') },
        { action: 'feedBack', at: at('2026-03-10', '08:00') },
      ]),
    ).toBe(false);
  });

  it('adds approved extensions, and ignores refused ones', () => {
    const late = { action: 'feedBack', at: at('2026-03-12', '08:00') };
    const asked = { action: 'requestExtension', at: at('2026-03-10', '10:00'), extension: oneDay };
    expect(handledOnTime(calendar, dispatched, oneDay, [asked, late])).toBe(false);
    expect(
      handledOnTime(calendar, dispatched, oneDay, [
        asked,
        { action: 'approveExtension', at: at('2026-03-10', '11:00') },
        late,
      ]),
    ).toBe(true);
  });

  it('cannot tell without a limit or without feedback', () => {
    expect(handledOnTime(calendar, dispatched, null, [{ action: 'feedBack', at: dispatched }])).toBeNull();
    expect(handledOnTime(calendar, dispatched, oneDay, [])).toBeNull();
  });
});

describe('departmentPerformance', () => {
  it('takes the median', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('groups by department and puts the most punctual, then the quickest, first', () => {
    const rows = departmentPerformance([
      { departmentId: 1, hours: 10, onTime: true },
      { departmentId: 1, hours: 30, onTime: false },
      { departmentId: 2, hours: 50, onTime: true },
      { departmentId: 3, hours: 5, onTime: null },
      { departmentId: 4, hours: 8, onTime: true },
      { departmentId: 4, hours: null, onTime: true },
    ]);
    expect(rows.map((r) => r.departmentId)).toEqual([4, 2, 1, 3]);
    expect(rows[0]).toEqual({ departmentId: 4, closed: 2, medianHours: 8, onTimeShare: 1, onTimeKnown: 2 });
    expect(rows[2]).toMatchObject({ closed: 2, medianHours: 20, onTimeShare: 0.5 });
    expect(rows[3]).toMatchObject({ onTimeShare: null, onTimeKnown: 0 });
  });
});
