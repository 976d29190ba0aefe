import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import type { cases } from '@citygov/db/schema/cases';
import { caseCalls, staffDuty, staffPositions } from '@citygov/db/schema/command';
import { type CallCandidate, patrolMetres } from '@citygov/domain/command/patrol';
import { MS_PER_DAY, startOfChinaDay } from '@citygov/domain/deadlines/china-time';
import { ROLE_CODES, roleGrants } from '@citygov/domain/permissions';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';

type CaseArea = Pick<typeof cases.$inferSelect, 'districtId' | 'streetId' | 'communityId' | 'gridId'>;

/** The roles that work on the street and report positions (监督员, 街长/片长, 部门处置员). */
export const FIELD_ROLES = ROLE_CODES.filter((role) => roleGrants(role, 'staff.duty'));

export interface StaffOnScene extends CallCandidate {
  name: string;
  role: string;
  position: { lng: number; lat: number; at: Date; accuracyM: number | null } | null;
  dutySince: Date | null;
}

/**
 * The field staff within a case's area scope — those whose own area is the case's grid,
 * community, street or district — with their duty state, latest position and whether
 * they hold an open call. A person of another district is never among them.
 */
export async function staffAroundCase(db: Queryable, area: CaseArea): Promise<StaffOnScene[]> {
  const areaIds = [area.districtId, area.streetId, area.communityId, area.gridId].filter(
    (id): id is number => typeof id === 'number',
  );
  const people = await db
    .select({
      userId: users.id,
      name: users.displayName,
      role: users.role,
      onDuty: staffDuty.onDuty,
      dutySince: staffDuty.since,
    })
    .from(users)
    .leftJoin(staffDuty, eq(staffDuty.userId, users.id))
    .where(and(inArray(users.areaId, areaIds), inArray(users.role, FIELD_ROLES), eq(users.active, true)));
  if (people.length === 0) return [];
  const ids = people.map((p) => p.userId);
  const latest = await latestPositions(db, ids);
  const busy = await db
    .select({ userId: caseCalls.userId })
    .from(caseCalls)
    .where(and(inArray(caseCalls.userId, ids), eq(caseCalls.state, 'calling')));
  const busyIds = new Set(busy.map((b) => b.userId));
  return people.map((p) => ({
    userId: p.userId,
    name: p.name,
    role: p.role,
    onDuty: p.onDuty ?? false,
    dutySince: p.dutySince,
    position: latest.get(p.userId) ?? null,
    busy: busyIds.has(p.userId),
  }));
}

/** Each user's newest fix: one backward step per user on the (user_id, at) index. */
async function latestPositions(db: Queryable, userIds: number[]) {
  const rows = await db
    .selectDistinctOn([staffPositions.userId], {
      userId: staffPositions.userId,
      lng: staffPositions.lng,
      lat: staffPositions.lat,
      at: staffPositions.at,
      accuracyM: staffPositions.accuracyM,
    })
    .from(staffPositions)
    .where(inArray(staffPositions.userId, userIds))
    .orderBy(staffPositions.userId, sql`${staffPositions.at} desc`);
  return new Map(rows.map((r) => [r.userId, { lng: r.lng, lat: r.lat, at: r.at, accuracyM: r.accuracyM }]));
}

/** Midnight (China time) of the day holding `at`, and the next one. */
export function chinaDayOf(at: Date): { start: Date; end: Date } {
  const start = startOfChinaDay(at);
  return { start, end: new Date(start.getTime() + MS_PER_DAY) };
}

/** A person's track over [from, to), oldest first (a range on the (user_id, at) index). */
export async function trackOf(db: Queryable, userId: number, from: Date, to: Date) {
  return db
    .select({ lng: staffPositions.lng, lat: staffPositions.lat, at: staffPositions.at })
    .from(staffPositions)
    .where(and(eq(staffPositions.userId, userId), gte(staffPositions.at, from), lte(staffPositions.at, to)))
    .orderBy(asc(staffPositions.at));
}

/** 当日巡查里程 of a person, in metres, for the China day holding `day`. */
export async function dayMileage(db: Queryable, userId: number, day: Date): Promise<number> {
  const { start, end } = chinaDayOf(day);
  return patrolMetres(await trackOf(db, userId, start, end));
}
