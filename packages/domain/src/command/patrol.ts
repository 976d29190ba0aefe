import { haversineM } from '../intake/duplicate-score';

/** One GPS fix of a field worker's phone. */
export interface TrackPoint {
  lng: number;
  lat: number;
  at: Date;
}

/** A step implying more than this is a GPS jump (a bad fix), not walking, cycling or an e-bike. */
export const MAX_PATROL_SPEED_KMH = 120;

/**
 * 巡查里程: the sum of the distances between consecutive fixes of a track (sorted by time),
 * leaving out each step that would need more than 120 km/h — a jump of the fix, which
 * would otherwise add kilometres nobody walked. The point after a jump is measured from
 * the last good point, so one bad fix costs one step, not the rest of the day.
 */
export function patrolMetres(track: readonly TrackPoint[]): number {
  let total = 0;
  let last: TrackPoint | undefined;
  for (const point of track) {
    if (!last) {
      last = point;
      continue;
    }
    const metres = haversineM(last.lng, last.lat, point.lng, point.lat);
    const seconds = (point.at.getTime() - last.at.getTime()) / 1000;
    const kmh = seconds > 0 ? (metres / seconds) * 3.6 : Number.POSITIVE_INFINITY;
    if (metres === 0) continue;
    if (kmh > MAX_PATROL_SPEED_KMH) continue;
    total += metres;
    last = point;
  }
  return total;
}

/** How long a call waits for 接受 / 拒绝 before 超时未接 passes it on (CITYGOV_CALL_TIMEOUT_SECONDS). */
export const DEFAULT_CALL_TIMEOUT_SECONDS = 180;

/** A position older than this is stale: the person is not known to be where it says. */
export const FRESH_POSITION_MS = 10 * 60 * 1000;

export interface CallCandidate {
  userId: number;
  onDuty: boolean;
  /** Their latest fix, or null if they never reported one. */
  position: TrackPoint | null;
  /** Holds a call (呼叫中) on some case already. */
  busy: boolean;
}

export type Availability = 'available' | 'off_duty' | 'stale' | 'no_position' | 'busy';

export const AVAILABILITY_NAMES: Record<Availability, string> = {
  available: '可呼叫',
  off_duty: '离岗',
  stale: '位置过旧',
  no_position: '无位置',
  busy: '呼叫中',
};

/** Whether a person may be called now, and if not why (the scene shows the reason). */
export function availabilityOf(candidate: CallCandidate, now: Date): Availability {
  if (!candidate.onDuty) return 'off_duty';
  if (!candidate.position) return 'no_position';
  if (now.getTime() - candidate.position.at.getTime() > FRESH_POSITION_MS) return 'stale';
  if (candidate.busy) return 'busy';
  return 'available';
}

/**
 * 呼叫最近人员: the available candidate nearest the case by live distance, or null. The
 * distance is to the latest fix; ties go to the lower user id so the pick is stable.
 */
export function pickNearest<C extends CallCandidate>(
  candidates: readonly C[],
  target: { lng: number; lat: number },
  now: Date,
  exclude: ReadonlySet<number> = new Set(),
): { candidate: C; distanceM: number } | null {
  let best: { candidate: C; distanceM: number } | null = null;
  for (const candidate of candidates) {
    if (exclude.has(candidate.userId) || availabilityOf(candidate, now) !== 'available' || !candidate.position)
      continue;
    const distanceM = haversineM(target.lng, target.lat, candidate.position.lng, candidate.position.lat);
    if (
      !best ||
      distanceM < best.distanceM ||
      (distanceM === best.distanceM && candidate.userId < best.candidate.userId)
    )
      best = { candidate, distanceM };
  }
  return best;
}
