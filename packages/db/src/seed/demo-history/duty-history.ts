/**
 * The demo field staff's week on the street, generated in memory from a seed: the rows of
 * `staff_duty_log` (上岗 / 下岗), `staff_duty` (the state after the last change) and
 * `staff_positions` (a fix every ~30 s on duty) a phone would have written through
 * setOnDuty / reportPositions, for the `days` China days before "now" and today up to now.
 * Routes follow the grid edges (the demo city's streets) of the person's own street; 片
 * staff keep to the grids around their home grid. `staff_patrol_days` of the finished days
 * come from the domain's `patrolDays`, as 在岗统计 would compute them. Deterministic for a
 * given seed, context and "now".
 */
import { type PatrolDay, patrolDays } from '@citygov/domain/command/duty-days';
import { DEFAULT_DUTY_SILENCE_MINUTES, isSilent, lastSignOfLife } from '@citygov/domain/command/duty-silence';
import { chinaDate, chinaDayNumber, dayStartMs, weekdayOf } from '@citygov/domain/deadlines/china-time';
import { haversineM } from '@citygov/domain/intake/duplicate-score';
import { seededRandom } from '@citygov/domain/seeded-random';

export interface DutyGrid {
  id: number;
  /** The exterior ring, closed ([lng, lat] pairs); its edges are the streets walked. */
  ring: readonly (readonly number[])[];
  lng: number;
  lat: number;
}

export interface DutyPerson {
  id: number;
  /** 夜班 staff work the evening; everyone else a morning and an afternoon shift. */
  night: boolean;
  /** Street-level posts roam the whole street; the others (监督员, 片长) their 片 of it. */
  wholeStreet: boolean;
  /** The grids of the person's street. */
  grids: readonly DutyGrid[];
}

export interface DutyLogRow {
  user_id: number;
  on_duty: boolean;
  at: string;
  /** Set on a 自动下岗 (the phone silent past the limit), as the app's job writes it. */
  auto_off_minutes?: number;
}
export interface PositionRow {
  user_id: number;
  lng: number;
  lat: number;
  accuracy_m: number;
  at: string;
  received_at: string;
}
export interface PatrolDayRow extends PatrolDay {
  user_id: number;
  day: string;
}

export interface DutyHistory {
  log: DutyLogRow[];
  duty: { user_id: number; on_duty: boolean; since: string }[];
  positions: PositionRow[];
  patrolDays: PatrolDayRow[];
}

export const DUTY_HISTORY_DEFAULTS = { days: 7, fixSeconds: 30, seed: 20261205 } as const;

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Shifts in China hours: 08:00–12:00 and 14:00–18:00; 夜班 18:30–22:30. */
const DAY_SHIFTS = [
  [8, 12],
  [14, 18],
] as const;
const NIGHT_SHIFTS = [[18.5, 22.5]] as const;
/** A 片: the grids whose centres lie within this distance of the home grid's. */
const PATCH_RADIUS_M = 900;

type Vertex = readonly [number, number];

/** The walkable graph: grid corners joined by grid edges. */
function streetGraph(grids: readonly DutyGrid[]): { points: Vertex[]; next: number[][] } {
  const index = new Map<string, number>();
  const points: Vertex[] = [];
  const next: number[][] = [];
  const id = (p: readonly number[]) => {
    const key = `${p[0]},${p[1]}`;
    let i = index.get(key);
    if (i === undefined) {
      i = points.length;
      index.set(key, i);
      points.push([p[0] ?? 0, p[1] ?? 0]);
      next.push([]);
    }
    return i;
  };
  for (const grid of grids) {
    for (let k = 0; k + 1 < grid.ring.length; k++) {
      const a = id(grid.ring[k] ?? []);
      const b = id(grid.ring[k + 1] ?? []);
      if (a === b) continue;
      if (!next[a]?.includes(b)) next[a]?.push(b);
      if (!next[b]?.includes(a)) next[b]?.push(a);
    }
  }
  return { points, next };
}

/** A normally distributed number (Box–Muller), mean 0, deviation 1. */
function gauss(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** One person's walk over a shift: along edges at walking pace, stopping now and then to look at something. */
function walkShift(
  graph: { points: Vertex[]; next: number[][] },
  userId: number,
  startVertex: number,
  from: number,
  to: number,
  fixMs: number,
  random: () => number,
  out: PositionRow[],
): void {
  const speed = 0.9 + random() * 0.4; // metres per second, strolling and looking
  let previous = -1;
  let at = startVertex;
  let target = at;
  let along = 0; // metres walked along the current edge
  let edge = 0;
  let dwellMs = 0;
  const pickNext = () => {
    const options = graph.next[at] ?? [];
    const onward = options.filter((v) => v !== previous);
    const pool = onward.length > 0 ? onward : options;
    target = pool[Math.floor(random() * pool.length)] ?? at;
    const [a, b] = [graph.points[at], graph.points[target]];
    edge = a && b ? haversineM(a[0], a[1], b[0], b[1]) : 0;
    along = 0;
  };
  pickNext();
  let gapMs = fixMs;
  for (let t = from; t <= to; t += gapMs) {
    const a = graph.points[at];
    const b = graph.points[target];
    if (!a || !b) return;
    const share = edge > 0 ? along / edge : 0;
    const moving = dwellMs <= 0;
    const noise = moving ? 1.5 : 0; // metres: a phone's smoothed fix while walking; standing still it holds
    const lat = a[1] + (b[1] - a[1]) * share + (gauss(random) * noise) / 111_320;
    const lng = a[0] + (b[0] - a[0]) * share + (gauss(random) * noise) / (111_320 * Math.cos((lat * Math.PI) / 180));
    out.push({
      user_id: userId,
      lng: Math.round(lng * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
      accuracy_m: Math.round(5 + random() * 10),
      at: new Date(t).toISOString(),
      received_at: new Date(t + 1_000 + Math.floor(random() * 9_000)).toISOString(),
    });
    // Move on to the next fix's time (a phone's interval wanders by a few seconds).
    gapMs = fixMs + Math.round((random() * 2 - 1) * 3_000);
    let left = gapMs / 1000;
    while (left > 0) {
      if (dwellMs > 0) {
        const used = Math.min(dwellMs / 1000, left);
        dwellMs -= used * 1000;
        left -= used;
        continue;
      }
      const step = Math.min(edge - along, speed * left);
      along += step;
      left -= step / speed;
      if (along >= edge - 0.01) {
        previous = at;
        at = target;
        // At a corner, often a stop to look at a problem or talk to a shopkeeper (2–10 minutes).
        if (random() < 0.35) dwellMs = (2 + random() * 8) * MINUTE;
        pickNext();
        if (edge === 0) break;
      }
    }
  }
}

/** The grids a person patrols: the whole street, or a 片 around a home grid drawn from the seed. */
function patchOf(person: DutyPerson, random: () => number): { grids: DutyGrid[]; home: DutyGrid | undefined } {
  const home = person.grids[Math.floor(random() * person.grids.length)];
  if (!home || person.wholeStreet) return { grids: [...person.grids], home };
  const grids = person.grids.filter((g) => haversineM(g.lng, g.lat, home.lng, home.lat) <= PATCH_RADIUS_M);
  return { grids, home };
}

export function generateDutyHistory(
  people: readonly DutyPerson[],
  options: { nowMs: number; days?: number; fixSeconds?: number; seed?: number },
): DutyHistory {
  const days = options.days ?? DUTY_HISTORY_DEFAULTS.days;
  const fixMs = (options.fixSeconds ?? DUTY_HISTORY_DEFAULTS.fixSeconds) * 1000;
  const today = chinaDayNumber(options.nowMs);
  const history: DutyHistory = { log: [], duty: [], positions: [], patrolDays: [] };
  for (const person of people) {
    // One stream per person, so adding a person leaves everyone else's week as it was.
    const random = seededRandom((options.seed ?? DUTY_HISTORY_DEFAULTS.seed) ^ Math.imul(person.id, 0x9e3779b1));
    const { grids, home } = patchOf(person, random);
    const graph = streetGraph(grids);
    const homeCorner = home?.ring[0];
    const firstPositions = history.positions.length;
    let last: DutyLogRow | undefined;
    for (let day = today - days; day <= today; day++) {
      const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
      // Rest days: most weekends, now and then a weekday (调休, leave).
      if (random() < (weekend ? 0.55 : 0.08)) continue;
      const shifts = person.night ? NIGHT_SHIFTS : DAY_SHIFTS;
      for (const [fromHour, toHour] of shifts) {
        const from = Math.round(dayStartMs(day) + fromHour * HOUR + gauss(random) * 8 * MINUTE);
        const to = Math.round(dayStartMs(day) + toHour * HOUR + gauss(random) * 10 * MINUTE);
        if (from > options.nowMs) break;
        const on = { user_id: person.id, on_duty: true, at: new Date(from).toISOString() };
        history.log.push(on);
        last = on;
        const end = Math.min(to, options.nowMs);
        const start = homeCorner ? graph.points.findIndex((p) => p[0] === homeCorner[0] && p[1] === homeCorner[1]) : 0;
        walkShift(graph, person.id, Math.max(0, start), from + 20_000, end, fixMs, random, history.positions);
        if (to <= options.nowMs) {
          const off = { user_id: person.id, on_duty: false, at: new Date(to).toISOString() };
          history.log.push(off);
          last = off;
        }
      }
    }
    // Whoever is mid-shift at "now" has fixes up to now; one whose phone sent none for the
    // silence limit (a walk that never started) is taken off at their last sign of life,
    // as the app's 自动下岗 would, so the seeded state never holds a silent person 在岗.
    const lastFix = history.positions.length > firstPositions ? history.positions.at(-1) : undefined;
    if (last?.on_duty) {
      const state = { onDuty: true, since: new Date(last.at), lastFixAt: lastFix ? new Date(lastFix.at) : null };
      if (isSilent(state, new Date(options.nowMs), DEFAULT_DUTY_SILENCE_MINUTES)) {
        const off = {
          user_id: person.id,
          on_duty: false,
          at: lastSignOfLife(state).toISOString(),
          auto_off_minutes: DEFAULT_DUTY_SILENCE_MINUTES,
        };
        history.log.push(off);
        last = off;
      }
    }
    if (last) history.duty.push({ user_id: person.id, on_duty: last.on_duty, since: last.at });
    // 巡查里程 of the finished days, by the app's own rule (today is computed live).
    const track = history.positions.slice(firstPositions).map((p) => ({ lng: p.lng, lat: p.lat, at: new Date(p.at) }));
    const walked = patrolDays(track);
    for (let day = today - days; day < today; day++) {
      const date = chinaDate(new Date(dayStartMs(day)));
      const patrol = walked.get(date) ?? { mileageM: 0, fixes: 0 };
      history.patrolDays.push({ user_id: person.id, day: date, ...patrol });
    }
  }
  return history;
}
