import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { staffDutyLog } from '@citygov/db/schema/command';
import { areas } from '@citygov/db/schema/org';
import { type DutyChange, dutyDays } from '@citygov/domain/command/duty-days';
import { chinaInstant, MS_PER_DAY } from '@citygov/domain/deadlines/china-time';
import { ROLES } from '@citygov/domain/permissions';
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { withinAreaScope } from '../org/api';
import { patrolByPersonDay } from './patrol-days';
import { FIELD_ROLES } from './staff-positions';
import type { TDutyReportInput } from './staff-schemas';

/**
 * 在岗统计: per field worker of the viewer's area scope and per China day of the range,
 * first 上岗 / last 下岗 (and whether the system made it: 自动下岗), hours on duty, 巡查里程
 * (the phone's rule) and the number of fixes.
 * Scope is the server's: only people whose own area lies under the viewer's.
 */
export async function dutyReport(db: Queryable, viewer: SessionUser, input: TDutyReportInput, now = new Date()) {
  const start = chinaInstant(input.from);
  const end = new Date(chinaInstant(input.to).getTime() + MS_PER_DAY);
  const people = await db
    .select({ userId: users.id, name: users.displayName, role: users.role, areaName: areas.name })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(and(inArray(users.role, FIELD_ROLES), withinAreaScope(viewer, areas.path)));
  if (people.length === 0) return { rows: [], totals: { onDutyMinutes: 0, mileageM: 0, fixes: 0 } };
  const ids = people.map((p) => p.userId);
  // The state each person starts the range in (their last change before it), then the range's changes.
  const before = await db
    .selectDistinctOn([staffDutyLog.userId], {
      userId: staffDutyLog.userId,
      onDuty: staffDutyLog.onDuty,
      at: staffDutyLog.at,
      autoOffMinutes: staffDutyLog.autoOffMinutes,
    })
    .from(staffDutyLog)
    .where(and(inArray(staffDutyLog.userId, ids), lt(staffDutyLog.at, start)))
    .orderBy(staffDutyLog.userId, sql`${staffDutyLog.at} desc`);
  const during = await db
    .select({
      userId: staffDutyLog.userId,
      onDuty: staffDutyLog.onDuty,
      at: staffDutyLog.at,
      autoOffMinutes: staffDutyLog.autoOffMinutes,
    })
    .from(staffDutyLog)
    .where(and(inArray(staffDutyLog.userId, ids), gte(staffDutyLog.at, start), lt(staffDutyLog.at, end)))
    .orderBy(asc(staffDutyLog.at), asc(staffDutyLog.id));
  const patrol = await patrolByPersonDay(db, ids, input.from, input.to, now);
  const changesOf = new Map<number, DutyChange[]>();
  for (const change of [...before, ...during]) {
    const list = changesOf.get(change.userId) ?? [];
    list.push({ onDuty: change.onDuty, at: change.at, autoOffMinutes: change.autoOffMinutes });
    changesOf.set(change.userId, list);
  }
  const rows = people.flatMap((person) =>
    dutyDays(changesOf.get(person.userId) ?? [], patrol.get(person.userId) ?? new Map(), input.from, input.to, now).map(
      (day) => ({
        key: `${person.userId}:${day.day}`,
        userId: person.userId,
        name: person.name,
        roleName: person.role in ROLES ? ROLES[person.role as keyof typeof ROLES] : person.role,
        areaName: person.areaName,
        ...day,
      }),
    ),
  );
  rows.sort((a, b) => b.day.localeCompare(a.day) || a.name.localeCompare(b.name, 'zh-CN'));
  const totals = rows.reduce(
    (sum, r) => ({
      onDutyMinutes: sum.onDutyMinutes + r.onDutyMinutes,
      mileageM: sum.mileageM + r.mileageM,
      fixes: sum.fixes + r.fixes,
    }),
    { onDutyMinutes: 0, mileageM: 0, fixes: 0 },
  );
  return { rows, totals };
}
