import { chinaDate, chinaInstant, MS_PER_DAY } from '../deadlines/china-time';
import { patrolMetres, type TrackPoint } from './patrol';

export interface DutyChange {
  onDuty: boolean;
  at: Date;
  /** A 自动下岗 (the phone silent past this many minutes); null or absent: the person's own change. */
  autoOffMinutes?: number | null;
}

/** A person's patrol on one China day: 巡查里程 by the phone's rule and the number of fixes. */
export interface PatrolDay {
  mileageM: number;
  fixes: number;
}

/** The patrol of each China day a time-ordered track touches. */
export function patrolDays(track: readonly TrackPoint[]): Map<string, PatrolDay> {
  const byDay = new Map<string, TrackPoint[]>();
  for (const point of track) {
    const day = chinaDate(point.at);
    const list = byDay.get(day) ?? [];
    list.push(point);
    byDay.set(day, list);
  }
  return new Map([...byDay].map(([day, points]) => [day, { mileageM: patrolMetres(points), fixes: points.length }]));
}

export interface DutyDay {
  day: string;
  /** The first 上岗 of the day (midnight when the shift ran over from the day before). */
  firstOn: Date | null;
  /** The last 下岗 of the day; null while still on duty at the day's end (or now). */
  lastOff: Date | null;
  /** The last 下岗 was the system's 自动下岗 under this limit (minutes); null: the person pressed it. */
  lastOffAutoMinutes: number | null;
  onDutyMinutes: number;
  /** 巡查里程 of the day, by the same rule as the phone's (`patrolMetres`). */
  mileageM: number;
  fixes: number;
}

/**
 * 在岗统计 of one person: per China day in [from, to] (inclusive days), the duty periods
 * clipped to the day (and to now), first on / last off, hours on duty, and the day's
 * patrol (`patrol`, by day). `changes` must include the last change before `from` (the state
 * the range starts in) and be sorted by time; days without duty and without fixes are left out.
 */
export function dutyDays(
  changes: readonly DutyChange[],
  patrol: ReadonlyMap<string, PatrolDay>,
  from: string,
  to: string,
  now: Date,
): DutyDay[] {
  const days: DutyDay[] = [];
  for (let start = chinaInstant(from).getTime(); start <= chinaInstant(to).getTime(); start += MS_PER_DAY) {
    const end = Math.min(start + MS_PER_DAY, now.getTime());
    if (end <= start) break;
    let on: number | null = null;
    let firstOn: number | null = null;
    let lastOff: number | null = null;
    let lastOffAuto: number | null = null;
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
          lastOffAuto = change.autoOffMinutes ?? null;
        }
        on = null;
      }
    }
    if (on !== null) {
      firstOn ??= on;
      minutesMs += end - on;
      lastOff = null;
      lastOffAuto = null;
    }
    const day = chinaDate(new Date(start));
    const walked = patrol.get(day) ?? { mileageM: 0, fixes: 0 };
    if (firstOn === null && walked.fixes === 0) continue;
    days.push({
      day,
      firstOn: firstOn === null ? null : new Date(firstOn),
      lastOff: lastOff === null ? null : new Date(lastOff),
      lastOffAutoMinutes: lastOffAuto,
      onDutyMinutes: Math.round(minutesMs / 60_000),
      mileageM: Math.round(walked.mileageM),
      fixes: walked.fixes,
    });
  }
  return days;
}
