import { type Queryable, rowsOf } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import type { CaseStatus } from '@citygov/domain/cases/case-states';
import type { CaseRecord, TimelineStep } from '@citygov/domain/evaluation/case-facts';
import type { Period } from '@citygov/domain/evaluation/periods';
import { and, eq, gte, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { caseWorkScope } from '../cases/api';

export interface LoadedRecords {
  records: CaseRecord[];
  /** Each case's grid path, for matching collectors' patrol areas (漏报). */
  gridPaths: Map<number, string>;
}

/** The cases reported in the period that lie in the viewer's scope (area, and department for department staff). */
export function periodCases(user: SessionUser, period: Period): SQL {
  return and(gte(cases.reportedAt, period.start), lt(cases.reportedAt, period.end), caseWorkScope(user)) as SQL;
}

/** One event as the timeline query packs it: action, at (epoch ms), actor id, to-status, deadline (epoch ms). */
type PackedStep = [string, number, number | null, CaseStatus, number | null];

function unpack(steps: unknown): TimelineStep[] {
  // Our own query's output (PGlite hands json back parsed, postgres.js too; text is tolerated).
  const packed = (typeof steps === 'string' ? JSON.parse(steps) : steps) as PackedStep[];
  return packed.map(([action, at, actorId, toStatus, deadlineAt]) => ({
    action,
    at: new Date(at),
    actorId,
    toStatus,
    deadlineAt: deadlineAt === null ? null : new Date(deadlineAt),
  }));
}

/**
 * The timelines of the period's cases, oldest event first, one row per case with its
 * events packed as a JSON array: a month of a large city is hundreds of thousands of
 * cases and millions of events, and row-per-event decoding was most of the cost.
 */
async function timelinesOf(db: Queryable, user: SessionUser, period: Period): Promise<Map<number, TimelineStep[]>> {
  const ids = db.select({ id: cases.id }).from(cases).where(periodCases(user, period));
  const rows = rowsOf<{ case_id: number | string; steps: unknown }>(
    await db.execute(sql`
      select ${caseEvents.caseId} as case_id,
        json_agg(json_build_array(${caseEvents.action}, extract(epoch from ${caseEvents.at}) * 1000, ${caseEvents.actorId},
          ${caseEvents.toStatus}, extract(epoch from ${caseEvents.deadlineAt}) * 1000) order by ${caseEvents.id}) as steps
      from ${caseEvents}
      where ${inArray(caseEvents.caseId, ids)}
      group by ${caseEvents.caseId}`),
  );
  return new Map(rows.map((row) => [Number(row.case_id), unpack(row.steps)]));
}

/**
 * The facts of a period: its cases and their whole timelines, oldest event first. Two
 * reads (cases, then their events grouped by case), both on indexed columns
 * (`cases_reported_at_idx` or the district index, `case_events_case_idx`).
 */
export async function loadCaseRecords(db: Queryable, user: SessionUser, period: Period): Promise<LoadedRecords> {
  const rows = await db
    .select({
      id: cases.id,
      source: cases.source,
      gridId: cases.gridId,
      communityId: cases.communityId,
      streetId: cases.streetId,
      districtId: cases.districtId,
      leadDepartmentId: cases.leadDepartmentId,
      status: cases.status,
      stageDeadlineAt: cases.stageDeadlineAt,
      pausedAt: cases.pausedAt,
      gridPath: areas.path,
    })
    .from(cases)
    .innerJoin(areas, eq(areas.id, cases.gridId))
    .where(periodCases(user, period));
  const steps = await timelinesOf(db, user, period);
  return {
    records: rows.map((r) => ({
      id: r.id,
      source: r.source,
      areaIds: { district: r.districtId, street: r.streetId, community: r.communityId, grid: r.gridId },
      leadDepartmentId: r.leadDepartmentId,
      status: r.status,
      stageDeadlineAt: r.stageDeadlineAt,
      paused: r.pausedAt !== null,
      steps: steps.get(r.id) ?? [],
    })),
    gridPaths: new Map(rows.map((r) => [r.id, r.gridPath])),
  };
}

/** Collectors in the viewer's area and the path of the area each patrols. */
export async function collectorsInScope(db: Queryable, user: SessionUser) {
  return db
    .select({ id: users.id, areaPath: areas.path })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(and(eq(users.role, 'collector'), like(areas.path, `${user.areaPath}%`)));
}
