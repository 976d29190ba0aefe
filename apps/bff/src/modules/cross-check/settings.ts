import type { Queryable } from '@citygov/db/client';
import { crossCheckReasons, crossCheckSettings } from '@citygov/db/schema/cross-check';
import {
  type CrossCheckSettings,
  DEFAULT_CROSS_CHECK_SETTINGS,
  DEFAULT_REASON_CODES,
  type ReasonCode,
  reasonListProblem,
} from '@citygov/domain/cross-check/reasons';
import { ValidationError } from '@citygov/domain/errors';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../trpc/session-user';
import { requireCityLevel } from '../org/api';
import type { ZSaveSettingsInput } from './cross-check-schemas';

/** The city's settings, or the defaults while none are saved. */
export async function crossCheckSettingsOf(db: Queryable): Promise<CrossCheckSettings> {
  const [row] = await db.select().from(crossCheckSettings).where(eq(crossCheckSettings.id, 1));
  return row
    ? { unqualifiedHandling: row.unqualifiedHandling, deductionPoints: row.deductionPoints }
    : DEFAULT_CROSS_CHECK_SETTINGS;
}

/** 不合格原因: the city's list, or the shipped one while none is saved. */
export async function reasonCodesOf(db: Queryable): Promise<ReasonCode[]> {
  const rows = await db
    .select({ code: crossCheckReasons.code, label: crossCheckReasons.label })
    .from(crossCheckReasons)
    .where(eq(crossCheckReasons.active, true))
    .orderBy(asc(crossCheckReasons.position));
  return rows.length > 0 ? rows : [...DEFAULT_REASON_CODES];
}

export async function viewSettings(db: Queryable) {
  return { settings: await crossCheckSettingsOf(db), reasons: await reasonCodesOf(db) };
}

/**
 * Saves the settings and the reason list as a whole (city level only). A code no longer
 * listed stays in the table inactive, so old reviews still show its name.
 */
export async function saveSettings(db: Queryable, user: SessionUser, input: z.infer<typeof ZSaveSettingsInput>) {
  requireCityLevel(user, 'crossCheckSettings');
  const problem = reasonListProblem(input.reasons);
  if (problem) throw new ValidationError(problem, { field: 'reasons' });
  const values = {
    unqualifiedHandling: input.unqualifiedHandling,
    deductionPoints: input.deductionPoints,
    updatedBy: user.id,
    updatedAt: new Date(),
  };
  await db
    .insert(crossCheckSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: crossCheckSettings.id, set: values });
  await db.update(crossCheckReasons).set({ active: false });
  for (const [position, reason] of input.reasons.entries()) {
    await db
      .insert(crossCheckReasons)
      .values({ code: reason.code, label: reason.label, active: true, position })
      .onConflictDoUpdate({
        target: crossCheckReasons.code,
        set: { label: reason.label, active: true, position },
      });
  }
  return viewSettings(db);
}

/** Every code's name, active or not (for showing old reviews). */
export async function reasonNames(db: Queryable): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: crossCheckReasons.code, label: crossCheckReasons.label })
    .from(crossCheckReasons);
  return new Map([
    ...DEFAULT_REASON_CODES.map((r) => [r.code, r.label] as const),
    ...rows.map((r) => [r.code, r.label] as const),
  ]);
}
