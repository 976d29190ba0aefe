import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A check constraint's condition: the column holds one of the domain's values (or null).
 * The values come from the one TypeScript definition of each union, so the database and
 * the code cannot disagree; adding a value means a new migration, on purpose.
 */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  // Letters and underscores only (lower-case codes, or protocol names such as TCP_ACTIVE): safe to quote inline.
  for (const value of values) if (!/^[A-Za-z_]+$/.test(value)) throw new Error(`not a plain code: ${value}`);
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}
