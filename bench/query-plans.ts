/**
 * EXPLAIN (ANALYZE, BUFFERS) of the exact SQL a BFF query function sends: the function
 * runs once on a second drizzle instance over the same connection with a logger that
 * records each statement and its parameters, which are then explained one by one.
 */

// drizzle-orm is @citygov/db's dependency, not the root's: import its drivers from there (as raw-sql.ts does).
import { drizzle as drizzlePglite } from '../packages/db/node_modules/drizzle-orm/pglite/index.js';
import { drizzle as drizzlePostgres } from '../packages/db/node_modules/drizzle-orm/postgres-js/index.js';
import type { Database, OpenDatabase } from '../packages/db/src/client';
import { schema } from '../packages/db/src/schema/all';
import { driverOf, type RawQuery, rawSql } from './raw-sql';
import { isRecord } from './trpc-http';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export interface PlanSummary {
  /** The top node and its first children down to the first scan, e.g. "Limit → Index Scan Backward using …". */
  spine: string;
  /** Indexes on `cases` the plan reads (any scan kind). */
  caseIndexes: string[];
  /** Relations read by a sequential scan. */
  seqScans: string[];
  executionMs: number;
  planningMs: number;
  jitMs: number | null;
  sharedHit: number;
  sharedRead: number;
  /** The plan as PostgreSQL prints it (FORMAT TEXT), for BENCH_FULL_PLANS=1. */
  text: string;
}

type ExplainRunner = RawQuery;

/** A drizzle instance on the driver under `open.db` that records every statement it sends. */
function recordingDatabase(open: OpenDatabase, log: CapturedQuery[]): Database {
  const logger = { logQuery: (sql: string, params: unknown[]) => log.push({ sql, params: [...params] }) };
  const driver = driverOf(open);
  if (driver.kind === 'postgres') {
    return drizzlePostgres({ client: driver.client, schema, logger }) as unknown as Database;
  }
  return drizzlePglite({ client: driver.client, schema, logger }) as unknown as Database;
}

/** Runs `call` against a recording database and returns the statements it sent that read `cases`. */
export async function captureQueries(
  open: OpenDatabase,
  call: (db: Database) => Promise<unknown>,
): Promise<{ queries: CapturedQuery[]; explain: ExplainRunner }> {
  const log: CapturedQuery[] = [];
  await call(recordingDatabase(open, log));
  return { queries: log.filter((q) => /\bfrom "cases"/.test(q.sql)), explain: rawSql(open).query };
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function children(node: Record<string, unknown>): Record<string, unknown>[] {
  const plans = node.Plans;
  return Array.isArray(plans) ? plans.filter(isRecord) : [];
}

function nodeLabel(node: Record<string, unknown>): string {
  const join = str(node['Join Type']);
  let label = str(node['Node Type']);
  if (join && join !== 'Inner') label += ` (${join})`;
  if (str(node['Scan Direction']) === 'Backward') label += ' Backward';
  const index = str(node['Index Name']);
  const relation = str(node['Relation Name']);
  if (index) label += ` using ${index}`;
  if (relation) label += ` on ${relation}`;
  return label;
}

function walk(node: Record<string, unknown>, visit: (n: Record<string, unknown>) => void): void {
  visit(node);
  for (const child of children(node)) walk(child, visit);
}

/** The JSON plan of EXPLAIN (FORMAT JSON): postgres.js and PGlite both parse json, older paths give text. */
function jsonPlan(rows: Record<string, unknown>[]): Record<string, unknown> {
  const cell = rows[0]?.['QUERY PLAN'];
  const parsed: unknown = typeof cell === 'string' ? JSON.parse(cell) : cell;
  const top = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!isRecord(top) || !isRecord(top.Plan)) throw new Error('EXPLAIN returned no plan');
  return top;
}

export async function explainQuery(explain: ExplainRunner, query: CapturedQuery): Promise<PlanSummary> {
  const top = jsonPlan(await explain(`explain (analyze, buffers, format json) ${query.sql}`, query.params));
  const plan = top.Plan as Record<string, unknown>;
  const spine: string[] = [];
  for (let node: Record<string, unknown> | undefined = plan; node; node = children(node)[0]) {
    spine.push(nodeLabel(node));
    if (/Scan/.test(str(node['Node Type'])) || spine.length >= 5) break;
  }
  const caseIndexes = new Set<string>();
  const seqScans = new Set<string>();
  walk(plan, (node) => {
    const type = str(node['Node Type']);
    const index = str(node['Index Name']);
    if (index.startsWith('cases_')) caseIndexes.add(index);
    if (type === 'Seq Scan' || type === 'Parallel Seq Scan') seqScans.add(str(node['Relation Name']));
  });
  const jit = isRecord(top.JIT) && isRecord(top.JIT.Timing) ? num(top.JIT.Timing.Total) : null;
  const textRows = await explain(`explain (analyze, buffers) ${query.sql}`, query.params);
  return {
    spine: spine.join(' → '),
    caseIndexes: [...caseIndexes],
    seqScans: [...seqScans],
    executionMs: num(top['Execution Time']),
    planningMs: num(top['Planning Time']),
    jitMs: jit,
    sharedHit: num(plan['Shared Hit Blocks']),
    sharedRead: num(plan['Shared Read Blocks']),
    text: textRows.map((row) => str(row['QUERY PLAN'])).join('\n'),
  };
}
