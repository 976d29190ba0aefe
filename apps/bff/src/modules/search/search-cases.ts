import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { caseSearch } from '@citygov/db/schema/search';
import { normaliseText } from '@citygov/domain/intake/text-features';
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { countBounded } from '../../lib/bounded-count';
import type { SessionUser } from '../../trpc/session-user';
import { caseSummaryColumns } from '../cases/api';
import { caseFilterConditions, fuzzyTextMatch, preciseTextQuery } from './case-filters';
import type { TSearchCasesInput } from './search-schemas';

/** A fuzzy search lists at most this many cases, the best by shared character pairs. */
const FUZZY_RESULTS = 100;

const lead = alias(cases, 'lead');
const columns = {
  ...caseSummaryColumns,
  reportedAt: cases.reportedAt,
  mergedIntoId: cases.mergedIntoId,
  mergedIntoCaseNo: lead.caseNo,
};

/**
 * 综合查询: cases in the viewer's scope whose description or address holds every word of
 * the phrase (as a word or through its character pairs), newest first; when none does,
 * the cases sharing the most character pairs with it (模糊匹配). Merged cases (并案) are
 * found too and name the case they were merged into.
 */
export async function searchCases(db: Queryable, user: SessionUser, input: TSearchCasesInput) {
  const { q, ...filters } = input;
  const text = normaliseText(q);
  const precise = preciseTextQuery(text);
  // The phrase is matched here (exactly, then loosely), so the shared filters go without it.
  const where = caseFilterConditions(user, filters);
  const offset = (input.page - 1) * input.pageSize;
  if (precise) {
    const match = and(sql`${caseSearch.tokens} @@ ${precise}::tsquery`, where);
    const [rows, counted] = await Promise.all([
      db
        .select(columns)
        .from(caseSearch)
        .innerJoin(cases, eq(cases.id, caseSearch.caseId))
        .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
        .leftJoin(lead, eq(lead.id, cases.mergedIntoId))
        .where(match)
        .orderBy(desc(cases.reportedAt))
        .limit(input.pageSize)
        .offset(offset),
      // Totals above COUNT_BOUND read as "10,000+".
      countBounded(db, sql`${caseSearch} join ${cases} on ${cases.id} = ${caseSearch.caseId}`, match),
    ]);
    if (counted.total > 0) return { mode: 'exact' as const, rows, ...counted };
  }
  // Nothing holds the phrase exactly: the cases sharing the most character pairs with it.
  const fuzzy = await fuzzyTextMatch(db, text, where, FUZZY_RESULTS);
  if (!fuzzy) return { mode: 'fuzzy' as const, rows: [], total: 0, more: false };
  const rows = await db
    .select(columns)
    .from(cases)
    .leftJoin(categories, and(eq(categories.kind, cases.kind), eq(categories.code, cases.categoryCode)))
    .leftJoin(lead, eq(lead.id, cases.mergedIntoId))
    .where(fuzzy.condition)
    .orderBy(desc(fuzzy.rank), desc(cases.reportedAt))
    .limit(FUZZY_RESULTS);
  return { mode: 'fuzzy' as const, rows: rows.slice(offset, offset + input.pageSize), total: rows.length, more: false };
}
