import type { AlarmType } from '../alarms/alarm-types';

/**
 * Kinds of sensors on the IoT hub (智联网): what they measure, in which unit, the
 * alarm they raise and their default thresholds (阈值), which a device may override.
 */
export const SENSOR_TYPES = {
  water_level: { name: '积水点水位', unit: 'cm', alarm: 'flood', defaults: { alarmAbove: 20, clearBelow: 10 } },
  manhole_tilt: { name: '井盖倾角', unit: '°', alarm: 'manhole_tilt', defaults: { alarmAbove: 15, clearBelow: 5 } },
  bin_fill: { name: '垃圾桶满溢度', unit: '%', alarm: 'bin_full', defaults: { alarmAbove: 90, clearBelow: 60 } },
} as const satisfies Record<string, { name: string; unit: string; alarm: AlarmType; defaults: SensorThresholds }>;
export type SensorType = keyof typeof SENSOR_TYPES;
export const SENSOR_TYPE_KEYS = Object.keys(SENSOR_TYPES) as [SensorType, ...SensorType[]];

/** Alarm at or above `alarmAbove`; the alarm ends only below `clearBelow`, so a value hovering at the line is one alarm. */
export interface SensorThresholds {
  alarmAbove: number;
  clearBelow: number;
}

export type SensorState = 'normal' | 'alarm';

export interface ReadingVerdict {
  state: SensorState;
  /** This reading crossed into alarm: raise one alarm. */
  raise: boolean;
  /** This reading ended the alarm. */
  cleared: boolean;
}

/** One reading against the thresholds, given the device's state before it (hysteresis). */
export function judgeReading(state: SensorState, value: number, thresholds: SensorThresholds): ReadingVerdict {
  if (state === 'normal') {
    const raise = value >= thresholds.alarmAbove;
    return { state: raise ? 'alarm' : 'normal', raise, cleared: false };
  }
  const cleared = value < thresholds.clearBelow;
  return { state: cleared ? 'normal' : 'alarm', raise: false, cleared };
}

/** Why a pair of thresholds cannot work, or null. */
export function thresholdsProblem(t: SensorThresholds): string | null {
  if (!Number.isFinite(t.alarmAbove) || !Number.isFinite(t.clearBelow)) return '阈值应为数字';
  if (t.clearBelow > t.alarmAbove) return '解除值不能高于告警值';
  return null;
}

/** A device is offline after this many missed reporting intervals. */
export const MISSED_READINGS_OFFLINE = 3;
