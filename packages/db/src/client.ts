import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { PREPARED_STATEMENT_SESSION, preparingStatements } from './prepared-statements';
import { type Schema, schema } from './schema/all';

/** A drizzle database on either driver; code above this layer never knows which. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions take either, so actions can compose them inside one transaction. */
export type Queryable = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenDatabase {
  db: Database;
  kind: DatabaseKind;
  /** Where the data lives, for logs: the data folder, or the URL without credentials. */
  location: string;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` for a throwaway in-memory database. */
  dataDir?: string | undefined;
  /** A PGlite data-dir dump to start from (tests start from a seeded template). */
  loadDataDir?: Blob | File | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /**
   * Whether PostgreSQL statements are prepared (default true; see prepared-statements.ts).
   * Off behind a pooler in transaction mode, which cannot keep a statement per connection.
   */
  preparedStatements?: boolean;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const prepared = options.preparedStatements ?? true;
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      ...(prepared ? { connection: PREPARED_STATEMENT_SESSION } : {}),
    });
    const db = drizzlePostgres(prepared ? preparingStatements(client) : client, { schema }) as unknown as Database;
    const url = new URL(options.databaseUrl);
    url.password = '';
    return { db, kind: 'postgres', location: url.toString(), close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: 'pglite', location: dataDir, close: () => client.close() };
}

/** Applies the committed SQL migrations; the same files run on both drivers. */
export async function migrateDatabase(open: OpenDatabase): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (open.kind === 'postgres') {
    await migratePostgres(open.db as unknown as Parameters<typeof migratePostgres>[0], config);
  } else {
    await migratePglite(open.db as unknown as Parameters<typeof migratePglite>[0], config);
  }
}

/**
 * LISTEN on a channel of the database behind `db`; resolves to a function that stops.
 * PostgreSQL (postgres.js) listens on a connection of its own and re-listens after a
 * reconnect (`onListen` runs each time, so a reader can catch up on what it missed);
 * PGlite delivers the notifications of its own, in-process, transactions.
 */
export async function listenOn(
  db: Database,
  channel: string,
  onPayload: (payload: string) => void,
  onListen: () => void = () => {},
): Promise<() => Promise<void>> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof PGlite) {
    const unlisten = await client.listen(channel, onPayload);
    onListen();
    return unlisten;
  }
  const sql = client as postgres.Sql;
  const { unlisten } = await sql.listen(channel, onPayload, onListen);
  return unlisten;
}

/** `db.execute()` returns `{ rows }` on PGlite and an array on postgres.js. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
