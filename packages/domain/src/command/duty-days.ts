import { patrolMetres, type TrackPoint } from './patrol';

const DAY_MS = 24 * 3600 * 1000;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Midnight (Asia/Shanghai, no daylight saving) of the China day `YYYY-MM-DD`. */
export function chinaMidnight(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** The China day (`YYYY-MM-DD`) holding `at`. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export interface DutyChange {
  onDuty: boolean;
  at: Date;
}

export interface DutyDay {
  day: string;
  /** The first 上岗 of the day (midnight when the shift ran over from the day before). */
  firstOn: Date | null;
  /** The last 下岗 of the day; null while still on duty at the day's end (or now). */
  lastOff: Date | null;
  onDutyMinutes: number;
  /** 巡查里程 of the day, by the same rule as the phone's (`patrolMetres`). */
  mileageM: number;
  fixes: number;
}

/**
 * 在岗统计 of one person: per China day in [from, to] (inclusive days), the duty periods
 * clipped to the day (and to now), first on / last off, hours on duty, the day's patrol
 * mileage and fix count. `changes` must include the last change before `from` (the state
 * the range starts in) and be sorted by time; days without duty and without fixes are left out.
 */
export function dutyDays(
  changes: readonly DutyChange[],
  fixes: readonly TrackPoint[],
  from: string,
  to: string,
  now: Date,
): DutyDay[] {
  const days: DutyDay[] = [];
  for (let start = chinaMidnight(from).getTime(); start <= chinaMidnight(to).getTime(); start += DAY_MS) {
    const end = Math.min(start + DAY_MS, now.getTime());
    if (end <= start) break;
    let on: number | null = null;
    let firstOn: number | null = null;
    let lastOff: number | null = null;
    let minutesMs = 0;
    for (const change of changes) {
      const at = change.at.getTime();
      if (at >= end) break;
      if (change.onDuty && on === null) on = Math.max(at, start);
      if (!change.onDuty && on !== null) {
        if (at > start) {
          firstOn ??= on;
          minutesMs += at - on;
          lastOff = at;
        }
        on = null;
      }
    }
    if (on !== null) {
      firstOn ??= on;
      minutesMs += end - on;
      lastOff = null;
    }
    const dayFixes = fixes.filter((p) => p.at.getTime() >= start && p.at.getTime() < start + DAY_MS);
    if (firstOn === null && dayFixes.length === 0) continue;
    days.push({
      day: chinaDay(new Date(start)),
      firstOn: firstOn === null ? null : new Date(firstOn),
      lastOff: lastOff === null ? null : new Date(lastOff),
      onDutyMinutes: Math.round(minutesMs / 60_000),
      mileageM: Math.round(patrolMetres(dayFixes)),
      fixes: dayFixes.length,
    });
  }
  return days;
}
