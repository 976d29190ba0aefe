/**
 * Where the shift lead's duplicate decisions are kept (`settings` key
 * `duplicate.learning`: { category: { "event:09005": bias }, cases: { "123": bias } }).
 * Each decision updates the stored biases in ONE atomic statement (no read-modify-write
 * race between two shift leads), inside the decision's own transaction; the next
 * duplicate search reads them with the thresholds (same statement), so it learns at once
 * in every BFF process. The rules are `@citygov/domain/intake/duplicate-learning`.
 */
import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { settings } from '@citygov/db/schema/intake';
import { categoryKey } from '@citygov/domain/intake/category-model';
import {
  type DuplicateLearning,
  EMPTY_LEARNING,
  LEARNING_CLAMP,
  learningStep,
} from '@citygov/domain/intake/duplicate-learning';
import { inArray, sql } from 'drizzle-orm';

export const LEARNING_KEY = 'duplicate.learning';

function isBiasTable(value: unknown): value is Record<string, number> {
  return (
    !!value &&
    typeof value === 'object' &&
    Object.values(value).every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}

/** A stored value that does not have the expected shape teaches nothing rather than breaking intake. */
export function parseLearning(value: unknown): DuplicateLearning {
  if (!value || typeof value !== 'object') return EMPTY_LEARNING;
  const { category, cases: byCase } = value as Record<string, unknown>;
  return {
    category: isBiasTable(category) ? category : {},
    cases: isBiasTable(byCase) ? byCase : {},
  };
}

export interface SettledPair {
  candidateId: number;
  score: number;
}

/**
 * Learns from settled pairs: `duplicate` true for a 并案 of the pair, false for 不是重复.
 * The candidates' categories are read in one statement; one update per pair.
 */
export async function learnFromPairs(
  db: Queryable,
  pairs: readonly SettledPair[],
  duplicate: boolean,
  now: Date,
): Promise<void> {
  if (pairs.length === 0) return;
  const rows = await db
    .select({ id: cases.id, kind: cases.kind, code: cases.categoryCode })
    .from(cases)
    .where(
      inArray(
        cases.id,
        pairs.map((p) => p.candidateId),
      ),
    );
  const keyOf = new Map(rows.map((r) => [r.id, categoryKey(r.kind, r.code)]));
  await db
    .insert(settings)
    .values({ key: LEARNING_KEY, value: { category: {}, cases: {} }, updatedAt: now })
    .onConflictDoNothing();
  for (const pair of pairs) {
    const key = keyOf.get(pair.candidateId);
    if (!key) continue;
    const step = learningStep({ categoryKey: key, candidateId: pair.candidateId, predicted: pair.score, duplicate });
    const caseKey = String(pair.candidateId);
    await db.execute(sql`
      update settings set updated_at = ${now.toISOString()}::timestamptz, value = jsonb_set(
        jsonb_set(
          jsonb_set(jsonb_set(value, '{category}', coalesce(value->'category', '{}'::jsonb)), '{cases}', coalesce(value->'cases', '{}'::jsonb)),
          array['category', ${key}::text],
          to_jsonb(least(${LEARNING_CLAMP.category}::float8, greatest(${-LEARNING_CLAMP.category}::float8,
            coalesce((value->'category'->>${key}::text)::float8, 0) + ${step.category}::float8)))
        ),
        array['cases', ${caseKey}::text],
        to_jsonb(least(${LEARNING_CLAMP.case}::float8, greatest(${-LEARNING_CLAMP.case}::float8,
          coalesce((value->'cases'->>${caseKey}::text)::float8, 0) + ${step.case}::float8)))
      )
      where key = ${LEARNING_KEY}`);
  }
}
