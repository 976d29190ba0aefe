import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { cases } from '@citygov/db/schema/cases';
import { caseCalls } from '@citygov/db/schema/command';
import { AVAILABILITY_NAMES, availabilityOf } from '@citygov/domain/command/patrol';
import { chinaDate, chinaInstant } from '@citygov/domain/deadlines/china-time';
import { ConflictError, NotFoundError } from '@citygov/domain/errors';
import { haversineM } from '@citygov/domain/intake/duplicate-score';
import { ROLES } from '@citygov/domain/permissions';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { loadCaseForWork, loadCaseInScope, personActor, transitionCase } from '../cases/api';
import { chinaDayOf, dutyLogOf, staffAroundCase, trackOf } from '../staff/api';

/** The scene lists the nearest this many; the rest of the area is not "nearby". */
const SCENE_STAFF = 30;

/**
 * 片长指挥 scene of a case: the field staff of its area by live distance (在岗 first among
 * equals is not needed: distance orders, availability says who may be called) and the
 * calls made on it with their answers. The case itself, its timeline and the cameras
 * come from their own procedures.
 */
export async function commandScene(db: Queryable, user: SessionUser, caseId: number, now = new Date()) {
  const row = await loadCaseInScope(db, user, caseId);
  const staff = (await staffAroundCase(db, row)).map((s) => {
    const availability = availabilityOf(s, now);
    return {
      userId: s.userId,
      name: s.name,
      roleName: s.role in ROLES ? ROLES[s.role as keyof typeof ROLES] : s.role,
      onDuty: s.onDuty,
      position: s.position,
      distanceM: s.position ? Math.round(haversineM(row.lng, row.lat, s.position.lng, s.position.lat)) : null,
      availability,
      availabilityName: AVAILABILITY_NAMES[availability],
    };
  });
  staff.sort((a, b) => (a.distanceM ?? Number.POSITIVE_INFINITY) - (b.distanceM ?? Number.POSITIVE_INFINITY));
  const calls = await db
    .select({
      id: caseCalls.id,
      userId: caseCalls.userId,
      name: users.displayName,
      distanceM: caseCalls.distanceM,
      state: caseCalls.state,
      calledAt: caseCalls.calledAt,
      answeredAt: caseCalls.answeredAt,
      expiresAt: caseCalls.expiresAt,
    })
    .from(caseCalls)
    .innerJoin(users, eq(users.id, caseCalls.userId))
    .where(eq(caseCalls.caseId, row.id))
    .orderBy(asc(caseCalls.calledAt), asc(caseCalls.id));
  return {
    case: { id: row.id, caseNo: row.caseNo, status: row.status, lng: row.lng, lat: row.lat, address: row.address },
    staff: staff.slice(0, SCENE_STAFF),
    calls,
    // 无人接听: the last call timed out and nobody was left to pass it to.
    unanswered: calls.at(-1)?.state === 'expired',
    at: now,
  };
}

/** 呼叫最近人员 from the scene: the case through the caller's work scope, then the transition core. */
export async function callNearestOnCase(
  db: Queryable,
  user: SessionUser,
  input: { caseId: number; reason?: string | undefined },
  timeoutSeconds: number,
  now = new Date(),
) {
  const row = await loadCaseForWork(db, user, input.caseId);
  const call = { reason: input.reason, timeoutSeconds };
  await transitionCase(db, personActor(user), row, 'callNearest', call, now);
  const [called] = await db
    .select({ userId: caseCalls.userId, name: users.displayName, distanceM: caseCalls.distanceM })
    .from(caseCalls)
    .innerJoin(users, eq(users.id, caseCalls.userId))
    .where(and(eq(caseCalls.caseId, row.id), eq(caseCalls.state, 'calling'), eq(caseCalls.calledAt, now)));
  return called ?? null;
}

/**
 * 接受 / 拒绝 on the phone. The open call is what lets the called person reach the case
 * (a department handler may be called to a case not yet dispatched to their department);
 * without one the case reads as missing, so nobody learns of cases by probing ids.
 */
export async function answerCall(
  db: Queryable,
  user: SessionUser,
  input: { caseId: number; accept: boolean; reason?: string | undefined },
  now = new Date(),
) {
  const [call] = await db
    .select({ id: caseCalls.id, state: caseCalls.state })
    .from(caseCalls)
    .where(and(eq(caseCalls.caseId, input.caseId), eq(caseCalls.userId, user.id)))
    .orderBy(desc(caseCalls.id))
    .limit(1);
  // Whoever was called may learn that their call timed out; nobody else learns of the case.
  if (call?.state === 'expired') throw new ConflictError('呼叫已超时，不能再应答', { code: 'CALL_EXPIRED' });
  if (call?.state !== 'calling') throw new NotFoundError('该案件没有呼叫您，或呼叫已应答', { code: 'CALL_NOT_OPEN' });
  const [row] = await db.select().from(cases).where(eq(cases.id, input.caseId));
  if (!row) throw new NotFoundError('案件不存在', { code: 'CALL_NOT_OPEN' });
  const action = input.accept ? 'acceptCall' : 'declineCall';
  await transitionCase(db, personActor(user), row, action, { reason: input.reason }, now);
  return { state: input.accept ? ('accepted' as const) : ('declined' as const) };
}

/**
 * 轨迹回放: one day's track (today unless a day is given) of one person of the case's area
 * (the scene's staff only, so a chief replays no one outside their case's area), oldest fix
 * first, with the day's 上岗 / 下岗 (a 自动下岗 marked as the system's).
 */
export async function staffTrack(
  db: Queryable,
  user: SessionUser,
  input: { caseId: number; userId: number; day?: string | undefined },
  now = new Date(),
) {
  const row = await loadCaseInScope(db, user, input.caseId);
  const person = (await staffAroundCase(db, row)).find((s) => s.userId === input.userId);
  if (!person) throw new NotFoundError('该人员不在案件所在区域', { code: 'NOT_FOUND' });
  const { start, end } = input.day ? dayRange(input.day) : chinaDayOf(now);
  const upTo = end.getTime() < now.getTime() ? end : now;
  const points = await trackOf(db, person.userId, start, upTo);
  const duty = await dutyLogOf(db, person.userId, start, new Date(upTo.getTime() + 1));
  return { userId: person.userId, name: person.name, day: chinaDate(start), points, duty };
}

function dayRange(day: string) {
  const start = chinaInstant(day);
  return { start, end: new Date(start.getTime() + 24 * 3600 * 1000) };
}
