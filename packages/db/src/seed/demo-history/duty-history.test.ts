import { type PatrolDay, patrolDays } from '@citygov/domain/command/duty-days';
import { DEFAULT_DUTY_SILENCE_MINUTES, isSilent } from '@citygov/domain/command/duty-silence';
import { chinaDate, MS_PER_DAY } from '@citygov/domain/deadlines/china-time';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabase, rowsOf } from '../../client';
import { openTestDatabase } from '../../testing/open-test-database';
import { generateDutyHistory } from './duty-history';
import { loadDutyPeople, seedDemoDuty } from './write-duty-history';

/** A Friday, 14:00 China time: the afternoon shift has just begun. */
const NOW = new Date('2026-11-20T06:00:00Z');
let open: OpenDatabase;
let figures: Awaited<ReturnType<typeof seedDemoDuty>>;

beforeAll(async () => {
  open = await openTestDatabase();
  figures = await seedDemoDuty(open.db, { now: NOW, seed: 7 });
});
afterAll(() => open?.close());

const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await open.db.execute(query));

describe('demo duty history', () => {
  it('gives every demo collector and street chief duty days with mileage over the past week', async () => {
    expect(figures).toMatchObject({ written: true, people: 24 });
    const days = await q<{ user_id: number; day: string; mileage_m: number; fixes: number }>(
      sql`select user_id, day::text as day, mileage_m, fixes from staff_patrol_days order by user_id, day`,
    );
    const pastDays = Array.from({ length: 7 }, (_, i) => chinaDate(new Date(NOW.getTime() - (7 - i) * MS_PER_DAY)));
    expect([...new Set(days.map((d) => d.day))]).toEqual(pastDays);
    const byPerson = new Map<number, typeof days>();
    for (const row of days) byPerson.set(row.user_id, [...(byPerson.get(row.user_id) ?? []), row]);
    expect(byPerson.size).toBe(24);
    for (const [, rows] of byPerson) {
      const worked = rows.filter((r) => r.mileage_m > 0);
      // A working week with rest days: at least three days on the street, each a walk of kilometres.
      expect(worked.length).toBeGreaterThanOrEqual(3);
      for (const day of worked) {
        expect(day.mileage_m).toBeGreaterThan(3_000);
        expect(day.mileage_m).toBeLessThan(40_000);
        expect(day.fixes).toBeGreaterThan(200);
      }
    }
  });

  it('keeps each finished day as the app computes it from the track (the patrol-days cache is exact)', async () => {
    const [person] = await q<{ user_id: number }>(sql`select user_id from staff_patrol_days where fixes > 0 limit 1`);
    const track = await q<{ lng: number; lat: number; at: string }>(
      sql`select lng, lat, at from staff_positions where user_id = ${person?.user_id} order by at`,
    );
    const walked = patrolDays(track.map((p) => ({ lng: p.lng, lat: p.lat, at: new Date(p.at) })));
    const kept = await q<{ day: string; mileage_m: number; fixes: number }>(
      sql`select day::text as day, mileage_m, fixes from staff_patrol_days where user_id = ${person?.user_id}`,
    );
    for (const row of kept) {
      const expected: PatrolDay = walked.get(row.day) ?? { mileageM: 0, fixes: 0 };
      expect(row.fixes).toBe(expected.fixes);
      expect(row.mileage_m).toBeCloseTo(expected.mileageM, 3);
    }
  });

  it('records fixes only on duty, inside the person’s own street, about every 30 s', async () => {
    // GPS scatter of a few metres on the street's edge roads is allowed (0.0003° ≈ 30 m).
    const outside = await q<{ n: number }>(sql`
      select count(*)::int as n from staff_positions p join users u on u.id = p.user_id join areas a on a.id = u.area_id
      where p.lng not between a.min_lng - 0.0003 and a.max_lng + 0.0003
         or p.lat not between a.min_lat - 0.0003 and a.max_lat + 0.0003`);
    expect(outside[0]?.n).toBe(0);
    // A fix whose latest 上岗/下岗 before it is a 下岗 (or none) was taken off duty.
    const offDuty = await q<{ n: number }>(sql`
      select count(*)::int as n from staff_positions p
      where coalesce((select l.on_duty from staff_duty_log l where l.user_id = p.user_id and l.at <= p.at
                      order by l.at desc limit 1), false) = false`);
    expect(offDuty[0]?.n).toBe(0);
    const gaps = await q<{ median: number }>(sql`
      select percentile_cont(0.5) within group (order by gap) as median from (
        select extract(epoch from at - lag(at) over (partition by user_id order by at)) as gap from staff_positions) g
      where gap < 120`);
    expect(Number(gaps[0]?.median)).toBeGreaterThan(25);
    expect(Number(gaps[0]?.median)).toBeLessThan(35);
    // Today up to now only; whoever is in the afternoon shift is on duty now.
    const late = await q<{ n: number }>(
      sql`select count(*)::int as n from staff_positions where at > ${NOW.toISOString()}`,
    );
    expect(late[0]?.n).toBe(0);
    const duty = await q<{ on_duty: boolean }>(sql`select on_duty from staff_duty`);
    expect(duty.some((d) => d.on_duty)).toBe(true);
  });

  it('leaves nobody 在岗 whose phone is silent: the mid-shift have fixes up to now, a walk that never started is 自动下岗', async () => {
    const onDuty = await q<{ since: string; last_fix: string | null }>(sql`
      select d.since, (select max(p.at) from staff_positions p where p.user_id = d.user_id) as last_fix
      from staff_duty d where d.on_duty`);
    expect(onDuty.length).toBeGreaterThan(0);
    for (const row of onDuty) {
      const state = {
        onDuty: true,
        since: new Date(row.since),
        lastFixAt: row.last_fix ? new Date(row.last_fix) : null,
      };
      expect(isSilent(state, NOW, DEFAULT_DUTY_SILENCE_MINUTES)).toBe(false);
    }
    // Phones that never sent a fix (streets without grids to walk): at 16:00 everyone working is mid-shift,
    // and each such open shift is closed at its 上岗, automatically; nobody is left 在岗.
    const people = (await loadDutyPeople(open.db)).map((p) => ({ ...p, night: false, grids: [] }));
    const lost = generateDutyHistory(people, { nowMs: NOW.getTime() + 2 * 3_600_000, seed: 7 });
    expect(lost.positions).toEqual([]);
    expect(lost.duty.every((d) => !d.on_duty)).toBe(true);
    const automatic = lost.log.filter((l) => l.auto_off_minutes !== undefined);
    expect(automatic.length).toBeGreaterThan(0);
    for (const off of automatic) {
      const mine = lost.log.filter((l) => l.user_id === off.user_id);
      expect(mine.at(-1)).toEqual({ ...off, auto_off_minutes: DEFAULT_DUTY_SILENCE_MINUTES });
      expect(mine.at(-2)).toMatchObject({ on_duty: true, at: off.at });
    }
  });

  it('is the same week on every run, and is written once', async () => {
    const people = await loadDutyPeople(open.db);
    const a = generateDutyHistory(people, { nowMs: NOW.getTime(), seed: 7 });
    const b = generateDutyHistory(people, { nowMs: NOW.getTime(), seed: 7 });
    expect(b.positions).toEqual(a.positions);
    expect(a.positions.length).toBe(figures.fixes);
    expect(await seedDemoDuty(open.db, { now: NOW })).toMatchObject({ written: false, fixes: 0 });
  });
});
