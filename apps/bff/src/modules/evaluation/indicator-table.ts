import type { Queryable } from '@citygov/db/client';
import { evaluationIndicators } from '@citygov/db/schema/supervision';
import { ValidationError } from '@citygov/domain/errors';
import {
  type IndicatorDefinition,
  indicatorSetProblem,
  shippedIndicatorsOf,
} from '@citygov/domain/evaluation/indicators';
import type { SubjectKind } from '@citygov/domain/evaluation/subjects';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { requireCityLevel } from '../org/api';
import { ZBanding, ZIndicatorFormula, type ZSaveIndicatorsInput } from './evaluation-schemas';

/**
 * The indicator table of one subject kind: the city's saved rows, or the shipped
 * definitions while nothing is saved. A stored row whose formula no longer parses (an old
 * shape) falls back to the shipped set for the whole kind rather than scoring half a table.
 */
export async function indicatorsOf(
  db: Queryable,
  kind: SubjectKind,
): Promise<{ indicators: IndicatorDefinition[]; customised: boolean }> {
  const rows = await db
    .select()
    .from(evaluationIndicators)
    .where(eq(evaluationIndicators.subjectKind, kind))
    .orderBy(asc(evaluationIndicators.position));
  const parsed: IndicatorDefinition[] = [];
  for (const row of rows) {
    const formula = ZIndicatorFormula.safeParse(row.formula);
    const banding = ZBanding.safeParse(row.banding);
    if (!formula.success || !banding.success) return { indicators: shippedIndicatorsOf(kind), customised: false };
    parsed.push({
      subjectKind: kind,
      key: row.key,
      name: row.name,
      formula: formula.data,
      weight: row.weight,
      banding: banding.data,
    });
  }
  return parsed.length > 0
    ? { indicators: parsed, customised: true }
    : { indicators: shippedIndicatorsOf(kind), customised: false };
}

/** Saves a kind's whole indicator table (city level only: one table for the whole city). */
export async function saveIndicators(
  db: Queryable,
  user: SessionUser,
  input: z.infer<typeof ZSaveIndicatorsInput>,
): Promise<{ indicators: IndicatorDefinition[] }> {
  requireCityLevel(user, 'evaluationIndicators');
  const indicators = input.indicators.map((row) => ({ ...row, subjectKind: input.subjectKind }));
  const problem = indicatorSetProblem(indicators);
  if (problem) throw new ValidationError(problem, { field: 'indicators' });
  await db.delete(evaluationIndicators).where(eq(evaluationIndicators.subjectKind, input.subjectKind));
  await db.insert(evaluationIndicators).values(
    indicators.map((row, position) => ({
      subjectKind: input.subjectKind,
      key: row.key,
      name: row.name,
      formula: row.formula,
      weight: row.weight,
      banding: row.banding,
      position,
      updatedBy: user.id,
    })),
  );
  return { indicators };
}

/** Back to the shipped definitions. */
export async function resetIndicators(db: Queryable, user: SessionUser, kind: SubjectKind) {
  requireCityLevel(user, 'evaluationIndicators');
  await db.delete(evaluationIndicators).where(eq(evaluationIndicators.subjectKind, kind));
  return { indicators: shippedIndicatorsOf(kind) };
}
