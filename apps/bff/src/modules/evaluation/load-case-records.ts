import { type Database, type Queryable, rowsOf } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import { evaluationCaseFacts } from '@citygov/db/schema/supervision';
import type { CaseStatus } from '@citygov/domain/cases/case-states';
import type { CaseWithFacts } from '@citygov/domain/evaluation/case-facts';
import { readKeptFacts } from '@citygov/domain/evaluation/kept-facts';
import type { Period } from '@citygov/domain/evaluation/periods';
import { timelineFacts } from '@citygov/domain/evaluation/timeline-facts';
import { and, eq, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { caseWorkScope } from '../cases/api';
import { readAndKeep } from './read-timeline-facts';
import { catchUpStaleFacts } from './stale-facts';

export interface LoadedCases {
  cases: CaseWithFacts[];
  /** Each case's grid path, for matching collectors' patrol areas (漏报). */
  gridPaths: Map<number, string>;
}

/** The cases reported in the period that lie in the viewer's scope (area, and department for department staff). */
export function periodCases(user: SessionUser, period: Period): SQL {
  return and(gte(cases.reportedAt, period.start), lt(cases.reportedAt, period.end), caseWorkScope(user)) as SQL;
}

interface CaseRow {
  id: number | string;
  source: string;
  grid: number;
  community: number;
  street: number;
  district: number;
  dept: number | null;
  status: CaseStatus;
  deadline: number | string | null;
  paused: boolean;
  path: string;
  kept: unknown;
}

/** Placeholder until a case's facts are read (every case gets its own before tallying). */
const NO_FACTS = timelineFacts('', []);

/**
 * The cases of a period in the viewer's scope, each with its timeline's facts: kept facts
 * where they are current (one row per case), read afresh from the timeline where not. The
 * stream's stale marks are brought up to date first, so every event committed before the
 * call is counted.
 */
export async function loadCasesWithFacts(db: Database, user: SessionUser, period: Period): Promise<LoadedCases> {
  await catchUpStaleFacts(db);
  // Plain rows, few columns, nothing mapped twice: a month of a large city is hundreds of
  // thousands of them, and decoding them is most of a ranking's time once facts are kept.
  const rows = rowsOf<CaseRow>(
    await db.execute(sql`
      select ${cases.id} as id, ${cases.source} as source, ${cases.gridId} as grid, ${cases.communityId} as community,
        ${cases.streetId} as street, ${cases.districtId} as district, ${cases.leadDepartmentId} as dept,
        ${cases.status} as status, extract(epoch from ${cases.stageDeadlineAt}) * 1000 as deadline,
        ${cases.pausedAt} is not null as paused, ${areas.path} as path,
        case when ${evaluationCaseFacts.factsSeq} is not null
          and (${evaluationCaseFacts.latestSeq} is null or ${evaluationCaseFacts.latestSeq} <= ${evaluationCaseFacts.factsSeq})
          then ${evaluationCaseFacts.facts} end as kept
      from ${cases}
      join ${areas} on ${areas.id} = ${cases.gridId}
      left join ${evaluationCaseFacts} on ${evaluationCaseFacts.caseId} = ${cases.id}
      where ${periodCases(user, period)}`),
  );
  const loaded: CaseWithFacts[] = [];
  const gridPaths = new Map<number, string>();
  const missing: { id: number; source: string; at: number }[] = [];
  for (const row of rows) {
    const id = Number(row.id);
    const facts = row.kept === null ? null : readKeptFacts(row.kept);
    if (!facts) missing.push({ id, source: row.source, at: loaded.length });
    gridPaths.set(id, row.path);
    loaded.push({
      id,
      source: row.source,
      areaIds: { district: row.district, street: row.street, community: row.community, grid: row.grid },
      leadDepartmentId: row.dept,
      status: row.status,
      stageDeadlineAt: row.deadline === null ? null : new Date(Number(row.deadline)),
      paused: row.paused,
      facts: facts ?? NO_FACTS,
    });
  }
  const fresh = await readAndKeep(db, missing);
  for (const { id, at } of missing) {
    const item = loaded[at];
    if (item) item.facts = fresh.get(id) ?? NO_FACTS;
  }
  return { cases: loaded, gridPaths };
}

/** Collectors in the viewer's area and the path of the area each patrols. */
export async function collectorsInScope(db: Queryable, user: SessionUser) {
  return db
    .select({ id: users.id, areaPath: areas.path })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(and(eq(users.role, 'collector'), like(areas.path, `${user.areaPath}%`)));
}
