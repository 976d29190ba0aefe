import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { duplicateSuspects } from '@citygov/db/schema/intake';
import type { CaseStatus } from '@citygov/domain/cases/case-states';
import { and, count, desc, eq, exists, notInArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SessionUser } from '../../trpc/session-user';
import { caseScope } from '../cases/api';
import { caseBriefs } from './case-briefs';

/** The list shows this many pairs at most, newest first; the count says how many wait in all. */
export const MAX_LISTED = 100;

const ENDED: CaseStatus[] = ['merged', 'voided'];
const candidate = alias(cases, 'candidate');

/**
 * Pending pairs the caller may settle: both cases in their scope and neither ended as
 * merged or voided (a pair with an ended case is moot). The newer report is joined as
 * `cases`, so `caseScope` applies to it directly; the earlier case is checked by a
 * subquery over `cases` in the same way.
 */
function pendingVisible(user: SessionUser): SQL | undefined {
  const scope = caseScope(user);
  return and(
    eq(duplicateSuspects.status, 'pending'),
    notInArray(cases.status, ENDED),
    notInArray(candidate.status, ENDED),
    scope,
    scope ? exists(sql`(select 1 from ${cases} where ${cases.id} = ${candidate.id} and ${scope})`) : undefined,
  );
}

function pendingPairs(db: Queryable, user: SessionUser) {
  return db
    .select({
      id: duplicateSuspects.id,
      caseId: duplicateSuspects.caseId,
      candidateId: duplicateSuspects.candidateId,
      score: duplicateSuspects.score,
      factors: duplicateSuspects.factors,
      createdAt: duplicateSuspects.createdAt,
    })
    .from(duplicateSuspects)
    .innerJoin(cases, eq(cases.id, duplicateSuspects.caseId))
    .innerJoin(candidate, eq(candidate.id, duplicateSuspects.candidateId))
    .where(pendingVisible(user));
}

export async function countPendingPairs(db: Queryable, user: SessionUser): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(duplicateSuspects)
    .innerJoin(cases, eq(cases.id, duplicateSuspects.caseId))
    .innerJoin(candidate, eq(candidate.id, duplicateSuspects.candidateId))
    .where(pendingVisible(user));
  return row?.n ?? 0;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * 疑似重复 for the shift lead: each pair with both cases side by side — the earlier case
 * on the left, the newer report on the right — the score and what it was made of.
 */
export async function listPendingPairs(db: Queryable, user: SessionUser) {
  const pairs = await pendingPairs(db, user)
    .orderBy(desc(duplicateSuspects.createdAt), desc(duplicateSuspects.id))
    .limit(MAX_LISTED);
  const briefs = await caseBriefs(
    db,
    pairs.flatMap((p) => [p.caseId, p.candidateId]),
  );
  const rows = pairs.flatMap((pair) => {
    const left = briefs.get(pair.candidateId);
    const right = briefs.get(pair.caseId);
    if (!left || !right) return [];
    const f = pair.factors ?? {};
    return [
      {
        id: pair.id,
        score: pair.score,
        createdAt: pair.createdAt,
        factors: {
          distanceM: num(f.distanceM),
          minutesApart: num(f.minutesApart),
          category: num(f.category),
          distance: num(f.distance),
          time: num(f.time),
          text: num(f.text),
          sameCategory: f.sameCategory === true,
          // Pairs found before photos were hashed carry none of these: unknown.
          photoDistance: num(f.photoDistance),
          photoSimilar: f.photoSimilar === 1,
          photoDifferent: f.photoDifferent === 1,
        },
        left,
        right,
      },
    ];
  });
  const total = pairs.length < MAX_LISTED ? rows.length : await countPendingPairs(db, user);
  return { rows, total };
}
