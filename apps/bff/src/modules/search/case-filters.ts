import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { caseSearch } from '@citygov/db/schema/search';
import { fuzzyQuery, fuzzyQueryTiers, preciseQuery } from '@citygov/domain/analytics/search-text';
import { CASE_STATUSES } from '@citygov/domain/cases/case-states';
import { chinaInstant } from '@citygov/domain/deadlines/china-time';
import { normaliseText } from '@citygov/domain/intake/text-features';
import { and, eq, gte, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { segmentWords } from '../../lib/text/segment';
import { zDay, zLine } from '../../trpc/input-types';
import type { SessionUser } from '../../trpc/session-user';
import { caseScope } from '../cases/api';

/**
 * The case filters /search and the case map share (and the map's link from /search carries):
 * 关键词 (full text of description and address, as 综合查询 matches it), statuses, a category as
 * 'event', 'event:01' (大类) or 'event:01001' (小类), and a day range.
 */
export const caseFilterFields = {
  q: zLine().max(50, '关键词最多50个字').optional(),
  statuses: z.array(z.enum(CASE_STATUSES)).max(20).optional(),
  category: z
    .string()
    .regex(/^(component|event)(:\d{2}(\d{3})?)?$/, '类别编码无效')
    .optional(),
  from: zDay.optional(),
  to: zDay.optional(),
};

const ZCaseFilters = z.object(caseFilterFields);

/** A phrase as the search index's tsquery: every word, as a word or by its character pairs; null when nothing to find. */
export function preciseTextQuery(q: string): string | null {
  return preciseQuery(segmentWords(normaliseText(q)));
}

/** A fuzzy match ranks at most this many candidates. */
const FUZZY_CANDIDATES = 2_000;

/**
 * 模糊匹配, for a phrase no case holds exactly: the cases matching `where` that share
 * character pairs with it, and the rank to order them by (more shared pairs first). The
 * candidates are read tier by tier (all pairs, then one fewer, … then any pair; see
 * `fuzzyQueryTiers`) until `wanted` are found, so the closest cases are ranked even when
 * a common pair is shared by millions; each tier reads at most FUZZY_CANDIDATES. Null
 * when the phrase has no pairs (no two Chinese characters in a row).
 */
export async function fuzzyTextMatch(
  db: Queryable,
  q: string,
  where: SQL | undefined,
  wanted: number,
): Promise<{ condition: SQL; rank: SQL } | null> {
  const text = normaliseText(q);
  const any = fuzzyQuery(text);
  if (!any) return null;
  const found = new Set<number>();
  for (const tier of fuzzyQueryTiers(text)) {
    const rows = await db
      .select({ id: caseSearch.caseId })
      .from(caseSearch)
      .innerJoin(cases, eq(cases.id, caseSearch.caseId))
      .where(and(sql`${caseSearch.tokens} @@ ${tier}::tsquery`, where))
      .limit(FUZZY_CANDIDATES);
    for (const { id } of rows) found.add(id);
    if (found.size >= wanted) break;
  }
  return {
    condition: found.size > 0 ? inArray(cases.id, [...found]) : sql`false`,
    rank: sql`(select ts_rank(${caseSearch.tokens}, ${any}::tsquery) from ${caseSearch} where ${caseSearch.caseId} = ${cases.id})`,
  };
}

/**
 * Cases whose description or address holds every word of the phrase (the GIN index on
 * case_search). A phrase with nothing to search for (only punctuation) matches nothing.
 */
function textCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const query = preciseTextQuery(q);
  if (!query) return sql`false`;
  return sql`${cases.id} in (select ${caseSearch.caseId} from ${caseSearch} where ${caseSearch.tokens} @@ ${query}::tsquery)`;
}

/** The viewer's scope and the filters as one condition (`to` takes in the whole day, China time). */
export function caseFilterConditions(user: SessionUser, input: z.infer<typeof ZCaseFilters>): SQL | undefined {
  const [kind, code] = (input.category ?? '').split(':');
  return and(
    caseScope(user),
    textCondition(input.q),
    input.statuses && input.statuses.length > 0 ? inArray(cases.status, input.statuses) : undefined,
    kind === 'component' || kind === 'event' ? eq(cases.kind, kind) : undefined,
    code ? (code.length === 2 ? like(cases.categoryCode, `${code}%`) : eq(cases.categoryCode, code)) : undefined,
    input.from ? gte(cases.reportedAt, chinaInstant(input.from)) : undefined,
    input.to ? lt(cases.reportedAt, new Date(chinaInstant(input.to).getTime() + 86_400_000)) : undefined,
  );
}
