import { describe, expect, it } from 'vitest';
import { judgeReading, type SensorState, thresholdsProblem } from './sensor-types';

describe('threshold rule (阈值)', () => {
  const limits = { alarmAbove: 20, clearBelow: 10 };

  it('raises once when a reading crosses the line, and not again while it stays high', () => {
    let state: SensorState = 'normal';
    const raised: number[] = [];
    for (const value of [5, 12, 21, 35, 19, 22, 11, 9, 25]) {
      const verdict = judgeReading(state, value, limits);
      if (verdict.raise) raised.push(value);
      state = verdict.state;
    }
    // 21 raises; 35, 19, 22, 11 stay in the same alarm; 9 clears; 25 is a new alarm.
    expect(raised).toEqual([21, 25]);
  });

  it('clears only below the clear value', () => {
    expect(judgeReading('alarm', 10, limits)).toEqual({ state: 'alarm', raise: false, cleared: false });
    expect(judgeReading('alarm', 9.9, limits)).toEqual({ state: 'normal', raise: false, cleared: true });
  });

  it('refuses a clear value above the alarm value', () => {
    expect(thresholdsProblem({ alarmAbove: 10, clearBelow: 20 })).toBe('解除值不能高于告警值');
    expect(thresholdsProblem(limits)).toBeNull();
  });
});
