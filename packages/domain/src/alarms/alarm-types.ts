import type { CaseKind, Urgency } from '../cases/case-states';

/**
 * Machine alarms (告警) that become cases: what each type is called, which catalogue
 * category (GB/T 47678.5) the case is filed under, and how urgent it is. Sensors (物联网感知)
 * and video analytics (视频智能识别) raise them; the alarm intake turns them into cases.
 */
export const ALARM_SOURCES = ['video', 'iot'] as const;
export type AlarmSource = (typeof ALARM_SOURCES)[number];

export interface AlarmTypeRule {
  name: string;
  source: AlarmSource;
  kind: CaseKind;
  categoryCode: string;
  urgency: Urgency;
}

export const ALARM_TYPES = {
  // IoT thresholds
  flood: { name: '积水超警', source: 'iot', kind: 'event', categoryCode: '01004', urgency: 'urgent' },
  manhole_tilt: { name: '井盖倾斜', source: 'iot', kind: 'event', categoryCode: '01003', urgency: 'urgent' },
  bin_full: { name: '垃圾满溢', source: 'iot', kind: 'event', categoryCode: '06042', urgency: 'normal' },
  // Video analytics
  street_vending: { name: '占道经营', source: 'video', kind: 'event', categoryCode: '09006', urgency: 'normal' },
  illegal_parking: { name: '机动车乱停放', source: 'video', kind: 'event', categoryCode: '09009', urgency: 'normal' },
  exposed_garbage: { name: '暴露垃圾', source: 'video', kind: 'event', categoryCode: '06010', urgency: 'normal' },
  debris: { name: '乱堆杂物', source: 'video', kind: 'event', categoryCode: '06036', urgency: 'normal' },
} as const satisfies Record<string, AlarmTypeRule>;
export type AlarmType = keyof typeof ALARM_TYPES;
export const ALARM_TYPE_KEYS = Object.keys(ALARM_TYPES) as [AlarmType, ...AlarmType[]];

export function isAlarmType(value: string): value is AlarmType {
  return Object.hasOwn(ALARM_TYPES, value);
}

/** Video analytics below this confidence are noise: recorded, never a case. */
export const MIN_VIDEO_CONFIDENCE = 0.6;
