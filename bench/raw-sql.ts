/**
 * Plain SQL text with positional parameters ($1, $2, …) on the driver under an open
 * database (postgres.js or PGlite), bypassing drizzle's query builder: for the raw
 * insert baseline and for EXPLAIN of captured statements.
 */

// drizzle-orm is @citygov/db's dependency, not the root's: import its drivers from there.
import type { drizzle as drizzlePglite } from '../packages/db/node_modules/drizzle-orm/pglite/index.js';
import type { drizzle as drizzlePostgres } from '../packages/db/node_modules/drizzle-orm/postgres-js/index.js';
import type { OpenDatabase } from '../packages/db/src/client';

export type Row = Record<string, unknown>;
export type RawQuery = (sql: string, params?: unknown[]) => Promise<Row[]>;

export interface RawSql {
  query: RawQuery;
  /** Runs `work` in one transaction on one connection. */
  transaction<T>(work: (query: RawQuery) => Promise<T>): Promise<T>;
}

export type PostgresClient = ReturnType<typeof drizzlePostgres>['$client'];
export type PgliteClient = ReturnType<typeof drizzlePglite>['$client'];

/** The driver client drizzle was built on (drizzle exposes it as `$client`). */
export function driverOf(
  open: OpenDatabase,
): { kind: 'postgres'; client: PostgresClient } | { kind: 'pglite'; client: PgliteClient } {
  if (open.kind === 'postgres') {
    return { kind: 'postgres', client: (open.db as unknown as { $client: PostgresClient }).$client };
  }
  return { kind: 'pglite', client: (open.db as unknown as { $client: PgliteClient }).$client };
}

export function rawSql(open: OpenDatabase): RawSql {
  const driver = driverOf(open);
  if (driver.kind === 'postgres') {
    const { client } = driver;
    type Params = Parameters<PostgresClient['unsafe']>[1];
    return {
      query: async (sql, params = []) => [...(await client.unsafe(sql, params as Params))],
      transaction: async <T>(work: (query: RawQuery) => Promise<T>) => {
        let result: T | undefined;
        await client.begin(async (tx) => {
          result = await work(async (sql, params = []) => [...(await tx.unsafe(sql, params as Params))]);
        });
        return result as T;
      },
    };
  }
  const { client } = driver;
  return {
    query: async (sql, params = []) => (await client.query<Row>(sql, params)).rows,
    transaction: (work) =>
      client.transaction((tx) => work(async (sql, params = []) => (await tx.query<Row>(sql, params)).rows)),
  };
}

/** "($1, $2, $3), ($4, $5, $6), …" for `rows` rows of `columns` parameters each. */
export function valuesPlaceholders(rows: number, columns: number): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(`$${r * columns + c}`);
    out.push(`(${cells.join(', ')})`);
  }
  return out.join(', ');
}
