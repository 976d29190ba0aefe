import type postgres from 'postgres';

/**
 * Statements with more parameters than this stay unprepared: bulk writes (seeding, imports,
 * multi-row inserts) whose text changes with the row count, so a kept statement would
 * rarely be used again, and preparing one costs a Describe of every parameter.
 */
export const MAX_PREPARED_PARAMETERS = 200;

type Sql = postgres.Sql | postgres.TransactionSql;
type Body = (sql: postgres.TransactionSql) => unknown;

/**
 * drizzle sends each query as `sql.unsafe(text, params, { prepare: false })` (it prepares
 * only queries given a name), and postgres.js sends an unprepared query with parameters as
 * Parse + Describe, waits for the answer, then Bind + Execute: two round trips and a fresh
 * parse per statement. Asking for `prepare: true` lets postgres.js keep each statement per
 * connection under its text, so after a connection's first use of it a query is one round
 * trip. The wrapper covers the transactions and savepoints drizzle opens on the client too.
 * Queries without parameters keep the simple protocol (postgres.js decides that apart).
 *
 * Plans: PostgreSQL plans a prepared statement's first five runs with their values and only
 * then may keep a generic plan, when its estimated cost is no worse than theirs; a query
 * that needs its values to use a partial index (`status in ('reported', …)`) keeps custom
 * plans, the generic one costing far more. Forcing custom plans for the whole session was
 * tried and dropped: PL/pgSQL triggers then re-plan every statement on every row (the
 * alarm rows' raw insert went from 33,000 to 19,000 rows/s).
 */
export function preparingStatements<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, key, receiver) {
      if (key === 'unsafe') {
        return (text: string, params: unknown[] = [], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
            ...options,
            prepare: params.length <= MAX_PREPARED_PARAMETERS,
          });
      }
      if (key === 'begin' || key === 'savepoint') {
        const open = Reflect.get(target, key, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => {
          const body = args.pop() as Body;
          return open(...args, (tx: postgres.TransactionSql) => body(preparingStatements(tx)));
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}
