import type postgres from 'postgres';

/** Session settings of the pool whose statements `preparingStatements` prepares. */
export const PREPARED_STATEMENT_SESSION = { plan_cache_mode: 'force_custom_plan' } as const;

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
 * Plans stay as they were unprepared: PostgreSQL would plan a prepared statement's first
 * five runs with their values and then may keep a generic plan, which cannot use a partial
 * index whose predicate names a literal (`status in ('reported', …)`). Measured at 1M cases
 * it did so: the 待受理 list went from 7 to 155 ms. The pool's sessions therefore plan every
 * execution with its values (PREPARED_STATEMENT_SESSION); PL/pgSQL functions keep the
 * default (migration 0030), or their triggers would re-plan every statement for every row.
 * What this costs: PostgreSQL's own foreign-key checks are re-planned per row too, which
 * bulk inserts feel (1,000-row alarm inserts: 33,000 → 19,000 rows/s; the alarm API stays
 * above 11,000 alarms/s) and a one-row write hardly does. Preparing only writes, with reads
 * unprepared and the default plan cache, was tried as well: intake fell back to its old
 * rate (a report's statements are mostly reads) while bulk writes kept their speed.
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
