import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { staffPatrolDays, staffPositions } from '@citygov/db/schema/command';
import { type PatrolDay, patrolDays } from '@citygov/domain/command/duty-days';
import { chinaDate, chinaInstant, MS_PER_DAY } from '@citygov/domain/deadlines/china-time';
import { and, asc, eq, exists, gte, inArray, lt, lte, sql } from 'drizzle-orm';

export type PatrolByPerson = Map<number, Map<string, PatrolDay>>;

/**
 * Serialises, per person, a late fix for a finished day (which deletes the day's row) with
 * computing that day's row, so a row never misses a fix that was stored before it.
 */
export async function lockPatrolOf(tx: Queryable, userId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`patrol:${userId}`}))`);
}

/** The China days of [from, to] (inclusive, `YYYY-MM-DD`) up to and including `today`. */
function daysOf(from: string, to: string, today: string): string[] {
  const days: string[] = [];
  for (let at = chinaInstant(from).getTime(); at <= chinaInstant(to).getTime(); at += MS_PER_DAY) {
    const day = chinaDate(new Date(at));
    if (day > today) break;
    days.push(day);
  }
  return days;
}

/** A person's fixes from the start of China day `first` to the end of `last`, oldest first. */
function trackOver(db: Queryable, userId: number, first: string, last: string) {
  return db
    .select({ lng: staffPositions.lng, lat: staffPositions.lat, at: staffPositions.at })
    .from(staffPositions)
    .where(
      and(
        eq(staffPositions.userId, userId),
        gte(staffPositions.at, chinaInstant(first)),
        lt(staffPositions.at, new Date(chinaInstant(last).getTime() + MS_PER_DAY)),
      ),
    )
    .orderBy(asc(staffPositions.at));
}

/**
 * 巡查里程 and fix count per person and China day of [from, to], for 在岗统计. A finished
 * day is computed once from its track and kept (staff_patrol_days); today is computed live,
 * and only for those with a fix today. One person's track is in memory at a time, never a
 * city's month of fixes.
 */
export async function patrolByPersonDay(
  db: Queryable,
  userIds: readonly number[],
  from: string,
  to: string,
  now: Date,
): Promise<PatrolByPerson> {
  const today = chinaDate(now);
  const days = daysOf(from, to, today);
  const finished = days.filter((day) => day < today);
  const result: PatrolByPerson = new Map(userIds.map((id) => [id, new Map()]));
  if (userIds.length === 0 || days.length === 0) return result;

  if (finished.length > 0) {
    const first = finished[0] as string;
    const last = finished[finished.length - 1] as string;
    const kept = await db
      .select()
      .from(staffPatrolDays)
      .where(
        and(
          inArray(staffPatrolDays.userId, [...userIds]),
          gte(staffPatrolDays.day, first),
          lte(staffPatrolDays.day, last),
        ),
      );
    for (const row of kept) result.get(row.userId)?.set(row.day, { mileageM: row.mileageM, fixes: row.fixes });
    for (const userId of userIds) {
      const known = result.get(userId) ?? new Map<string, PatrolDay>();
      const missing = finished.filter((day) => !known.has(day));
      if (missing.length === 0) continue;
      const computed = await keepPatrolDays(db, userId, missing);
      for (const [day, patrol] of computed) known.set(day, patrol);
    }
  }

  if (days.includes(today)) {
    // Who has a fix today: one index probe per person, not a scan of the city's day.
    const active = await db
      .select({ userId: users.id })
      .from(users)
      .where(
        and(
          inArray(users.id, [...userIds]),
          exists(
            db
              .select({ one: sql`1` })
              .from(staffPositions)
              .where(and(eq(staffPositions.userId, users.id), gte(staffPositions.at, chinaInstant(today)))),
          ),
        ),
      );
    for (const { userId } of active) {
      const live = patrolDays(await trackOver(db, userId, today, today)).get(today);
      if (live) result.get(userId)?.set(today, live);
    }
  }
  return result;
}

/** Computes and keeps a person's finished days `missing` (sorted), days without a fix as zero. */
async function keepPatrolDays(db: Queryable, userId: number, missing: readonly string[]) {
  return db.transaction(async (tx) => {
    await lockPatrolOf(tx, userId);
    const walked = patrolDays(await trackOver(tx, userId, missing[0] as string, missing[missing.length - 1] as string));
    const computed = new Map(missing.map((day) => [day, walked.get(day) ?? { mileageM: 0, fixes: 0 }]));
    await tx
      .insert(staffPatrolDays)
      .values([...computed].map(([day, patrol]) => ({ userId, day, ...patrol })))
      .onConflictDoUpdate({
        target: [staffPatrolDays.userId, staffPatrolDays.day],
        set: { mileageM: sql`excluded.mileage_m`, fixes: sql`excluded.fixes` },
      });
    return computed;
  });
}

/** A late fix for a finished day: that day is computed again at the next 在岗统计. */
export async function forgetPatrolDays(tx: Queryable, userId: number, fixTimes: readonly Date[]): Promise<void> {
  const days = [...new Set(fixTimes.map(chinaDate))];
  if (days.length === 0) return;
  await tx.delete(staffPatrolDays).where(and(eq(staffPatrolDays.userId, userId), inArray(staffPatrolDays.day, days)));
}
