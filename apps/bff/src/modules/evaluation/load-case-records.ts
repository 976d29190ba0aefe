import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import type { CaseRecord } from '@citygov/domain/evaluation/case-facts';
import type { Period } from '@citygov/domain/evaluation/periods';
import { and, asc, eq, gte, inArray, like, lt, type SQL } from 'drizzle-orm';
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

/**
 * The facts of a period: its cases and their whole timelines, oldest event first. Two
 * reads (cases, then their events by case), both on indexed columns
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
  const steps = new Map<number, CaseRecord['steps'][number][]>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 5_000) {
    const events = await db
      .select({
        caseId: caseEvents.caseId,
        action: caseEvents.action,
        at: caseEvents.at,
        actorId: caseEvents.actorId,
        toStatus: caseEvents.toStatus,
        deadlineAt: caseEvents.deadlineAt,
      })
      .from(caseEvents)
      .where(inArray(caseEvents.caseId, ids.slice(i, i + 5_000)))
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.id));
    for (const e of events) {
      const list = steps.get(e.caseId) ?? [];
      list.push({ action: e.action, at: e.at, actorId: e.actorId, toStatus: e.toStatus, deadlineAt: e.deadlineAt });
      steps.set(e.caseId, list);
    }
  }
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
