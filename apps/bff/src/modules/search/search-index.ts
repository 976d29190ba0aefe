import type { Database, Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { caseSearch } from '@citygov/db/schema/search';
import { indexLexemes } from '@citygov/domain/analytics/search-text';
import { normaliseText } from '@citygov/domain/intake/text-features';
import { and, inArray, notExists, sql } from 'drizzle-orm';
import { segmentWords } from '../../lib/text/segment';
import { createCatchUp, type StreamEvent } from '../events/api';

/** The search index's name on the event stream (its cursor row in case_event_consumers). */
export const SEARCH_INDEX_CONSUMER = 'search-index';

/** A tsvector literal of lexemes (quoted, so PostgreSQL keeps them as they are). */
export function tsvectorLiteral(lexemes: readonly string[]): string {
  return lexemes.map((l) => `'${l.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' ');
}

/** The lexemes of a case's description and address. */
export function caseLexemes(description: string, address: string): string[] {
  const text = `${description} ${address}`;
  return indexLexemes(segmentWords(text), normaliseText(text));
}

/**
 * Indexes the cases of a batch of stream events that are not indexed yet (a case's text
 * is fixed at report; whatever event comes first indexes it, so a history loaded before
 * the index existed is indexed on its first read).
 */
export async function applySearchEvents(tx: Queryable, events: readonly StreamEvent[]): Promise<void> {
  const ids = [...new Set(events.map((e) => e.caseId))];
  if (ids.length === 0) return;
  const rows = await tx
    .select({ id: cases.id, description: cases.description, address: cases.address })
    .from(cases)
    .where(
      and(
        inArray(cases.id, ids),
        notExists(tx.select({ one: sql`1` }).from(caseSearch).where(sql`${caseSearch.caseId} = ${cases.id}`)),
      ),
    );
  if (rows.length === 0) return;
  const values = rows.map((r) => sql`(${r.id}, ${tsvectorLiteral(caseLexemes(r.description, r.address))}::tsvector)`);
  await tx.execute(
    sql`insert into ${caseSearch} (case_id, tokens) values ${sql.join(values, sql`, `)} on conflict (case_id) do nothing`,
  );
}

/** Brings the index up to the stream's end; calls in one process share a run. */
export function createSearchIndexer(db: Database) {
  return createCatchUp(db, SEARCH_INDEX_CONSUMER, applySearchEvents);
}

const indexers = new WeakMap<Database, ReturnType<typeof createSearchIndexer>>();

/** This process's indexer for a database. */
export function searchIndexOf(db: Database) {
  let indexer = indexers.get(db);
  if (!indexer) {
    indexer = createSearchIndexer(db);
    indexers.set(db, indexer);
  }
  return indexer;
}

/** How long a read waits for the index to catch up (a new report is findable at once); a long backlog fills in behind. */
const CATCH_UP_WAIT_MS = 2_000;

/** Waits for the index to catch up, at most CATCH_UP_WAIT_MS. */
export function searchIndexCaughtUp(db: Database): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, CATCH_UP_WAIT_MS);
    searchIndexOf(db)
      .catchUp()
      .then(resolve, reject)
      .finally(() => clearTimeout(timer));
  });
}
