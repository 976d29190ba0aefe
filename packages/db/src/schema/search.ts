import { bigint, customType, index, pgTable } from 'drizzle-orm/pg-core';
import { cases } from './cases';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * 综合查询's full-text index: one row per case, the lexemes of its description and address
 * as the BFF's jieba segmenter cut them (words and character pairs, built with
 * `array_to_tsvector`, so PostgreSQL's own parser, which cannot split Chinese, is not
 * involved). Filled by a consumer of the case event stream (apps/bff modules/search), so
 * every case made by any path, and every case of a history loaded before it existed, is
 * indexed. Sized like `cases` (~10 million rows); the GIN index serves `tokens @@ query`.
 */
export const caseSearch = pgTable(
  'case_search',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    tokens: tsvector('tokens').notNull(),
  },
  (t) => [index('case_search_tokens_idx').using('gin', t.tokens)],
);
