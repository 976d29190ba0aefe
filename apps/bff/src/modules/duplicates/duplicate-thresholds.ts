import type { Queryable } from '@citygov/db/client';
import { users } from '@citygov/db/schema/auth';
import { settings } from '@citygov/db/schema/intake';
import { changesCityWideSettings } from '@citygov/domain/city-settings';
import type { DuplicateLearning } from '@citygov/domain/intake/duplicate-learning';
import { DEFAULT_DUPLICATE_THRESHOLDS, type DuplicateThresholds } from '@citygov/domain/intake/duplicate-score';
import { eq, inArray } from 'drizzle-orm';
import type { SessionUser } from '../../trpc/session-user';
import { LEARNING_KEY, parseLearning } from '../duplicate-learning/api';
import { requireCityLevel } from '../org/api';
import { type TSetThresholdsInput, ZSetThresholdsInput } from './duplicate-schemas';

/** The `settings` key holding the city's 判重阈值 ({ merge, review }). */
export const THRESHOLDS_KEY = 'duplicate.thresholds';

/**
 * The thresholds in force: the admin's merge / review over the shipped defaults (the
 * search radius, window and weights stay as fitted). A stored value that no longer
 * validates is ignored rather than trusted.
 */
export async function loadDuplicateThresholds(db: Queryable): Promise<DuplicateThresholds> {
  return (await loadDuplicateSettings(db)).thresholds;
}

export interface DuplicateSettings {
  thresholds: DuplicateThresholds;
  /** What the shift leads' decisions taught (duplicate-learning). */
  learning: DuplicateLearning;
}

/** The thresholds and the learnt biases, in one statement (read on every duplicate search, so never stale). */
export async function loadDuplicateSettings(db: Queryable): Promise<DuplicateSettings> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, [THRESHOLDS_KEY, LEARNING_KEY]));
  const parsed = ZSetThresholdsInput.safeParse(rows.find((r) => r.key === THRESHOLDS_KEY)?.value);
  return {
    thresholds: parsed.success ? { ...DEFAULT_DUPLICATE_THRESHOLDS, ...parsed.data } : DEFAULT_DUPLICATE_THRESHOLDS,
    learning: parseLearning(rows.find((r) => r.key === LEARNING_KEY)?.value),
  };
}

/** The thresholds hold for the whole city, so only a city-level administrator changes them. */
function mayEditThresholds(user: SessionUser): boolean {
  return changesCityWideSettings(user.areaLevel);
}

/** What the admin page shows: the values in force, the shipped defaults, who changed them last, and whether this user may. */
export async function thresholdsView(db: Queryable, user: SessionUser) {
  const [row] = await db
    .select({ updatedAt: settings.updatedAt, updatedBy: users.displayName })
    .from(settings)
    .leftJoin(users, eq(users.id, settings.updatedBy))
    .where(eq(settings.key, THRESHOLDS_KEY));
  const current = await loadDuplicateThresholds(db);
  return {
    merge: current.merge,
    review: current.review,
    defaults: { merge: DEFAULT_DUPLICATE_THRESHOLDS.merge, review: DEFAULT_DUPLICATE_THRESHOLDS.review },
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
    editable: mayEditThresholds(user),
  };
}

export async function saveDuplicateThresholds(db: Queryable, user: SessionUser, input: TSetThresholdsInput) {
  requireCityLevel(user, 'duplicateThresholds');
  const value = { merge: input.merge, review: input.review };
  const now = new Date();
  await db
    .insert(settings)
    .values({ key: THRESHOLDS_KEY, value, updatedAt: now, updatedBy: user.id })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now, updatedBy: user.id } });
  return thresholdsView(db, user);
}
