import { describe, expect, it } from 'vitest';
import { sensorReadingsOption } from './sensor-readings-option';

describe('sensor readings chart option', () => {
  it('plots readings by time, the threshold as a mark line and alarms as points', () => {
    const t0 = new Date('2026-10-01T08:00:00Z');
    const t1 = new Date('2026-10-01T08:01:00Z');
    const option = sensorReadingsOption({
      name: '积水点水位',
      unit: 'cm',
      readings: [
        { at: t0, value: 4 },
        { at: t1, value: 23 },
      ],
      alarmAbove: 20,
      alarms: [{ at: t1, value: 23 }],
    });
    const [line, points] = option.series as { data: unknown[]; markLine?: { data: unknown[] } }[];
    expect(line?.data).toEqual([
      [t0.getTime(), 4],
      [t1.getTime(), 23],
    ]);
    expect(line?.markLine?.data).toEqual([{ yAxis: 20 }]);
    expect(points?.data).toEqual([[t1.getTime(), 23]]);
  });
});
