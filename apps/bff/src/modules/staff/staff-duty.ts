import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { caseCalls, staffDuty, staffDutyLog, staffPositions } from '@citygov/db/schema/command';
import { autoOffRefusal } from '@citygov/domain/command/duty-silence';
import { ConflictError, ValidationError } from '@citygov/domain/errors';
import { and, asc, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { forgetPatrolDays, lockPatrolOf } from './patrol-days';
import { chinaDayOf, dayMileage } from './staff-positions';
import type { TReportPositionsInput } from './staff-schemas';

/** A phone's clock may run a little ahead; more than this is a wrong clock, not a fix. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

/** 上岗 / 下岗 of the caller, with its duty-log row; setting the state it already has changes nothing. */
export async function setOnDuty(db: Queryable, user: SessionUser, onDuty: boolean, now = new Date()) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(staffDuty).where(eq(staffDuty.userId, user.id)).for('update');
    if (current?.onDuty === onDuty) return { onDuty, since: current.since };
    await tx
      .insert(staffDuty)
      .values({ userId: user.id, onDuty, since: now })
      .onConflictDoUpdate({ target: staffDuty.userId, set: { onDuty, since: now } });
    await tx.insert(staffDutyLog).values({ userId: user.id, onDuty, at: now });
    return { onDuty, since: now };
  });
}

/** The person's newest 上岗 / 下岗, with whether the system made it (自动下岗). */
async function lastDutyChange(db: Queryable, userId: number) {
  const [last] = await db
    .select({ onDuty: staffDutyLog.onDuty, at: staffDutyLog.at, autoOffMinutes: staffDutyLog.autoOffMinutes })
    .from(staffDutyLog)
    .where(eq(staffDutyLog.userId, userId))
    .orderBy(desc(staffDutyLog.at), desc(staffDutyLog.id))
    .limit(1);
  return last ?? null;
}

/** A person's 上岗 / 下岗 over [from, to), oldest first, each saying whether it was a 自动下岗 (轨迹回放 lists them). */
export async function dutyLogOf(db: Queryable, userId: number, from: Date, to: Date) {
  return db
    .select({ onDuty: staffDutyLog.onDuty, at: staffDutyLog.at, autoOffMinutes: staffDutyLog.autoOffMinutes })
    .from(staffDutyLog)
    .where(and(eq(staffDutyLog.userId, userId), gte(staffDutyLog.at, from), lt(staffDutyLog.at, to)))
    .orderBy(asc(staffDutyLog.at), asc(staffDutyLog.id));
}

/**
 * The caller's own GPS fixes, in one batch. Positions are taken only on duty: off duty, a
 * batch is accepted only when every point precedes 下岗 (the backlog of the shift a phone
 * sends once it is back online). A point already stored (same moment) is skipped, so a
 * resend after a lost answer is harmless. After a 自动下岗 the refusal says so, and that
 * the person must go 上岗 again.
 */
export async function reportPositions(
  db: Queryable,
  user: SessionUser,
  input: TReportPositionsInput,
  now = new Date(),
) {
  const future = input.points.findIndex((p) => p.at.getTime() > now.getTime() + FUTURE_SLACK_MS);
  if (future >= 0) {
    throw new ValidationError('定位时间晚于当前时间，请检查手机时间', { field: `points.${future}.at` });
  }
  return db.transaction(async (tx) => {
    // Shared lock: 自动下岗 of this person (which locks the row for update) waits for this
    // batch and then sees its fixes, or this batch waits and sees the person off duty.
    const [duty] = await tx.select().from(staffDuty).where(eq(staffDuty.userId, user.id)).for('share');
    if (!duty?.onDuty) {
      const after = duty ? input.points.some((p) => p.at.getTime() > duty.since.getTime()) : true;
      if (after) {
        const minutes = (await lastDutyChange(tx, user.id))?.autoOffMinutes ?? null;
        const message = minutes === null ? '您未上岗，下岗期间不记录位置' : autoOffRefusal(minutes);
        throw new ConflictError(message, { code: 'OFF_DUTY' });
      }
    }
    await lockPatrolOf(tx, user.id);
    const stored = await tx
      .insert(staffPositions)
      .values(
        input.points.map((p) => ({
          userId: user.id,
          lng: p.lng,
          lat: p.lat,
          accuracyM: p.accuracyM ?? null,
          at: p.at,
        })),
      )
      .onConflictDoNothing({ target: [staffPositions.userId, staffPositions.at] })
      .returning({ at: staffPositions.at });
    // A backlog for a finished day changes that day's 巡查里程 in 在岗统计.
    await forgetPatrolDays(
      tx,
      user.id,
      stored.map((s) => s.at),
    );
    return { stored: stored.length, skipped: input.points.length - stored.length };
  });
}

/**
 * The phone's duty card: 在岗 state, today's mileage and the last fix; off duty after a
 * 自动下岗, the limit it was taken under (`autoOffMinutes`), so the card can say why.
 */
export async function myDuty(db: Queryable, user: SessionUser, now = new Date()) {
  const [duty] = await db.select().from(staffDuty).where(eq(staffDuty.userId, user.id));
  const change = duty && !duty.onDuty ? await lastDutyChange(db, user.id) : null;
  const [last] = await db
    .select({ at: staffPositions.at })
    .from(staffPositions)
    .where(eq(staffPositions.userId, user.id))
    .orderBy(desc(staffPositions.at))
    .limit(1);
  return {
    onDuty: duty?.onDuty ?? false,
    since: duty?.since ?? null,
    mileageM: Math.round(await dayMileage(db, user.id, now)),
    lastAt: last?.at ?? null,
    autoOffMinutes: change?.onDuty === false ? change.autoOffMinutes : null,
  };
}

/** The calls to the caller: the open ones, and those answered today (the phone's 呼叫任务). */
export async function myCalls(db: Queryable, user: SessionUser, now = new Date()) {
  const { start } = chinaDayOf(now);
  return db
    .select({
      id: caseCalls.id,
      caseId: cases.id,
      caseNo: cases.caseNo,
      description: cases.description,
      address: cases.address,
      lng: cases.lng,
      lat: cases.lat,
      distanceM: caseCalls.distanceM,
      state: caseCalls.state,
      calledAt: caseCalls.calledAt,
      answeredAt: caseCalls.answeredAt,
      expiresAt: caseCalls.expiresAt,
    })
    .from(caseCalls)
    .innerJoin(cases, eq(cases.id, caseCalls.caseId))
    .where(and(eq(caseCalls.userId, user.id), or(eq(caseCalls.state, 'calling'), gte(caseCalls.calledAt, start))))
    .orderBy(sql`${caseCalls.state} = 'calling' desc`, desc(caseCalls.calledAt))
    .limit(20);
}
