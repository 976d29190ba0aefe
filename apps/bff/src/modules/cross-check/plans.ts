import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { cases } from '@citygov/db/schema/cases';
import { categoryMajors } from '@citygov/db/schema/catalogue';
import { crossCheckPlans, crossCheckSamples } from '@citygov/db/schema/cross-check';
import { areas } from '@citygov/db/schema/org';
import { CASE_SOURCES, type CaseSource } from '@citygov/domain/cases/case-states';
import { assignReviewers } from '@citygov/domain/cross-check/assignment';
import { drawSample, sampleSizeOf } from '@citygov/domain/cross-check/sampling';
import { ConflictError, ValidationError } from '@citygov/domain/errors';
import { periodOf } from '@citygov/domain/evaluation/periods';
import { and, asc, count, eq, gte, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { requireAreaInScope, withinAreaScope } from '../org/api';
import type { ZCreatePlanInput, ZPlansInput } from './cross-check-schemas';

/** A stratum's name: 大类 name · 来源, e.g. 「市容环境 · 监督员上报」. */
export async function stratumNames(db: Queryable): Promise<(key: string) => string> {
  const majors = await db.select().from(categoryMajors);
  const byKey = new Map(majors.map((m) => [`${m.kind}:${m.code}`, m.name]));
  return (key) => {
    const [category = '', source = ''] = key.split('|');
    return `${byKey.get(category) ?? category} · ${CASE_SOURCES[source as CaseSource] ?? source}`;
  };
}

export function monthPeriod(month: string) {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return periodOf({ kind: 'month', year, month: m });
}

/** The month's closed cases of a county: the population a plan draws from. */
async function closedCasesOf(db: Queryable, districtId: number, month: string) {
  const period = monthPeriod(month);
  return db
    .select({
      id: cases.id,
      kind: cases.kind,
      categoryCode: cases.categoryCode,
      source: cases.source,
      leadDepartmentId: cases.leadDepartmentId,
      reportedBy: cases.reportedBy,
    })
    .from(cases)
    .where(
      and(
        eq(cases.districtId, districtId),
        eq(cases.status, 'closed'),
        gte(cases.reportedAt, period.start),
        lt(cases.reportedAt, period.end),
      ),
    );
}

/** Supervisors of the other counties (a city-level supervisor belongs to every county, so to none here). */
async function otherCountySupervisors(db: Queryable, districtId: number) {
  return db
    .select({ id: users.id, districtId: areas.id })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(
      and(eq(users.role, 'supervisor'), eq(users.active, true), eq(areas.level, 'district'), ne(areas.id, districtId)),
    );
}

/**
 * 制定抽查计划: draws the county's month (seeded, stratified by 大类 and 来源), assigns each
 * case to a supervisor of another county, and stores plan and samples. Logged by the
 * audit middleware like every mutation; the seed on the plan makes the draw repeatable.
 */
export async function createPlan(db: Queryable, user: SessionUser, input: z.infer<typeof ZCreatePlanInput>) {
  const district = await requireAreaInScope(db, user, input.districtId);
  if (district.level !== 'district') throw new ValidationError('抽查计划须按区县制定', { field: 'districtId' });
  const [existing] = await db
    .select({ id: crossCheckPlans.id })
    .from(crossCheckPlans)
    .where(and(eq(crossCheckPlans.districtId, district.id), eq(crossCheckPlans.month, input.month)));
  if (existing) throw new ConflictError(`${district.name}${input.month}已有抽查计划`);
  const population = await closedCasesOf(db, district.id, input.month);
  if (population.length === 0) throw new ValidationError(`${district.name}${input.month}没有已结案的案件可抽查`);
  const size = sampleSizeOf(
    input.mode === 'count' ? { mode: 'count', count: input.amount } : { mode: 'share', share: input.amount / 100 },
    population.length,
  );
  const seed = input.seed?.trim() || `${input.month}|${district.code}`;
  const candidates = population.map((c) => ({
    id: c.id,
    category: `${c.kind}:${c.categoryCode.slice(0, 2)}`,
    source: c.source,
  }));
  const drawn = drawSample(candidates, size, seed);
  const reviewers = await otherCountySupervisors(db, district.id);
  const assigned = assignReviewers(
    drawn.map((d) => ({ id: d.id, districtId: district.id })),
    reviewers,
    seed,
  );
  if (!assigned) throw new ValidationError('没有其他区县的督查员可以分配抽查案件');

  const strata = new Map<string, { key: string; population: number; drawn: number }>();
  for (const c of candidates) {
    const key = `${c.category}|${c.source}`;
    const s = strata.get(key) ?? { key, population: 0, drawn: 0 };
    s.population += 1;
    strata.set(key, s);
  }
  for (const d of drawn) {
    const s = strata.get(d.stratum);
    if (s) s.drawn += 1;
  }
  const [plan] = await db
    .insert(crossCheckPlans)
    .values({
      districtId: district.id,
      month: input.month,
      mode: input.mode,
      amount: input.amount,
      seed,
      population: population.length,
      strata: [...strata.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
      createdBy: user.id,
    })
    .returning();
  if (!plan) throw new ConflictError('抽查计划保存失败');
  const byId = new Map(population.map((c) => [c.id, c]));
  await db.insert(crossCheckSamples).values(
    drawn.map((d) => {
      const c = byId.get(d.id);
      const reviewer = assigned.get(d.id);
      if (!c || !reviewer) throw new ConflictError('抽查样本分配失败');
      return {
        planId: plan.id,
        caseId: d.id,
        stratum: d.stratum,
        districtId: district.id,
        departmentId: c.leadDepartmentId,
        collectorId: c.source === 'collector' ? c.reportedBy : null,
        reviewerId: reviewer.id,
        reviewerDistrictId: reviewer.districtId,
      };
    }),
  );
  return { id: plan.id, seed, population: population.length, size: drawn.length };
}

/** The month's plans of the counties in the caller's scope, with their progress. */
export async function listPlans(db: Queryable, user: SessionUser, input: z.infer<typeof ZPlansInput>) {
  const plans = await db
    .select({
      id: crossCheckPlans.id,
      districtId: crossCheckPlans.districtId,
      districtName: areas.name,
      month: crossCheckPlans.month,
      mode: crossCheckPlans.mode,
      amount: crossCheckPlans.amount,
      seed: crossCheckPlans.seed,
      population: crossCheckPlans.population,
      strata: crossCheckPlans.strata,
      createdAt: crossCheckPlans.createdAt,
      creator: users.displayName,
      sampled: count(crossCheckSamples.id),
      reviewed: sql<number>`count(${crossCheckSamples.reviewedAt})::int`,
      unqualified: sql<number>`count(*) filter (where ${crossCheckSamples.verdict} = 'unqualified')::int`,
    })
    .from(crossCheckPlans)
    .innerJoin(areas, eq(areas.id, crossCheckPlans.districtId))
    .innerJoin(users, eq(users.id, crossCheckPlans.createdBy))
    .leftJoin(crossCheckSamples, eq(crossCheckSamples.planId, crossCheckPlans.id))
    .where(and(eq(crossCheckPlans.month, input.month), withinAreaScope(user, areas.path)))
    .groupBy(crossCheckPlans.id, areas.name, areas.code, users.displayName)
    .orderBy(asc(areas.code));
  // Counties of the scope that have no plan yet this month (the form offers them).
  const counties = await db
    .select({ id: areas.id, name: areas.name })
    .from(areas)
    .where(and(eq(areas.level, 'district'), withinAreaScope(user, areas.path), isNotNull(areas.code)))
    .orderBy(asc(areas.code));
  const names = await stratumNames(db);
  return {
    plans: plans.map((p) => ({ ...p, strata: p.strata.map((s) => ({ ...s, label: names(s.key) })) })),
    counties,
  };
}
