import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { crossCheckPlans, crossCheckSamples } from '@citygov/db/schema/cross-check';
import { areas, departments } from '@citygov/db/schema/org';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { withinAreaScope } from '../org/api';
import type { ZStatisticsInput } from './cross-check-schemas';
import { reasonNames } from './settings';

export interface StatisticsRow {
  key: string;
  name: string;
  sampled: number;
  reviewed: number;
  qualified: number;
  unqualified: number;
  /** 合格率 of the reviewed, 0–1; null before any review. */
  passRate: number | null;
}

interface SampleFact {
  districtId: number;
  districtName: string;
  departmentId: number | null;
  departmentName: string | null;
  collectorId: number | null;
  collectorName: string | null;
  verdict: 'qualified' | 'unqualified' | null;
  reasonCodes: string[];
}

function group(facts: readonly SampleFact[], keyOf: (f: SampleFact) => [string, string] | null): StatisticsRow[] {
  const rows = new Map<string, StatisticsRow>();
  for (const f of facts) {
    const key = keyOf(f);
    if (!key) continue;
    const row = rows.get(key[0]) ?? {
      key: key[0],
      name: key[1],
      sampled: 0,
      reviewed: 0,
      qualified: 0,
      unqualified: 0,
      passRate: null,
    };
    row.sampled += 1;
    if (f.verdict) row.reviewed += 1;
    if (f.verdict === 'qualified') row.qualified += 1;
    if (f.verdict === 'unqualified') row.unqualified += 1;
    row.passRate = row.reviewed > 0 ? Math.round((row.qualified / row.reviewed) * 10_000) / 10_000 : null;
    rows.set(key[0], row);
  }
  return [...rows.values()].sort(
    (a, b) => b.unqualified - a.unqualified || b.sampled - a.sampled || (a.name < b.name ? -1 : 1),
  );
}

/**
 * 抽查统计 of a month over the counties in the caller's scope: by county, by department
 * (the case's lead), by collector (who reported it) and by reason (an unqualified sample
 * counts once under each of its reasons).
 */
export async function crossCheckStatistics(db: Queryable, user: SessionUser, input: z.infer<typeof ZStatisticsInput>) {
  const facts: SampleFact[] = await db
    .select({
      districtId: crossCheckSamples.districtId,
      districtName: areas.name,
      departmentId: crossCheckSamples.departmentId,
      departmentName: departments.name,
      collectorId: crossCheckSamples.collectorId,
      collectorName: users.displayName,
      verdict: crossCheckSamples.verdict,
      reasonCodes: crossCheckSamples.reasonCodes,
    })
    .from(crossCheckSamples)
    .innerJoin(crossCheckPlans, eq(crossCheckPlans.id, crossCheckSamples.planId))
    .innerJoin(areas, eq(areas.id, crossCheckSamples.districtId))
    .leftJoin(departments, eq(departments.id, crossCheckSamples.departmentId))
    .leftJoin(users, eq(users.id, crossCheckSamples.collectorId))
    .where(and(eq(crossCheckPlans.month, input.month), withinAreaScope(user, areas.path)));
  const names = await reasonNames(db);
  const reasons = new Map<string, { code: string; name: string; count: number }>();
  for (const f of facts) {
    if (f.verdict !== 'unqualified') continue;
    for (const code of f.reasonCodes) {
      const r = reasons.get(code) ?? { code, name: names.get(code) ?? code, count: 0 };
      r.count += 1;
      reasons.set(code, r);
    }
  }
  return {
    month: input.month,
    byCounty: group(facts, (f) => [String(f.districtId), f.districtName]),
    byDepartment: group(facts, (f) =>
      f.departmentId === null ? null : [String(f.departmentId), f.departmentName ?? ''],
    ),
    byCollector: group(facts, (f) => (f.collectorId === null ? null : [String(f.collectorId), f.collectorName ?? ''])),
    byReason: [...reasons.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
  };
}
