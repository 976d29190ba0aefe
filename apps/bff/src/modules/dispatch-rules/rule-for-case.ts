import type { Queryable } from '@citygov/db/client';
import type { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { areas } from '@citygov/db/schema/org';
import { type DispatchSubject, matchDispatchRule } from '@citygov/domain/dispatch/dispatch-rules';
import { and, eq } from 'drizzle-orm';
import { loadDispatchRules, type StoredDispatchRule } from './load-dispatch-rules';

type CaseSubject = Pick<typeof cases.$inferSelect, 'kind' | 'categoryCode' | 'urgency' | 'gridId'>;

/** What the rules match against for a case: its category's major class and its grid's path. */
export async function dispatchSubjectOf(db: Queryable, row: CaseSubject): Promise<DispatchSubject | null> {
  const [category] = await db
    .select({ majorCode: categories.majorCode })
    .from(categories)
    .where(and(eq(categories.kind, row.kind), eq(categories.code, row.categoryCode)));
  const [grid] = await db.select({ path: areas.path }).from(areas).where(eq(areas.id, row.gridId));
  if (!category || !grid) return null;
  return {
    kind: row.kind,
    majorCode: category.majorCode,
    categoryCode: row.categoryCode,
    gridPath: grid.path,
    urgency: row.urgency,
  };
}

/** The rule that applies to this case now, automatic or not. */
export async function ruleForCase(db: Queryable, row: CaseSubject): Promise<StoredDispatchRule | null> {
  const subject = await dispatchSubjectOf(db, row);
  if (!subject) return null;
  return matchDispatchRule(await loadDispatchRules(db), subject);
}
