import postgres from 'postgres';

/**
 * Test databases are clones of one migrated, seeded template made once per run by
 * the global setup: a PGlite data-dir dump, or a PostgreSQL database used as TEMPLATE.
 * Each test file gets its own clone, so files never see each other's writes.
 */
export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKind(env: NodeJS.ProcessEnv = process.env): TestDatabaseKind {
  return env.CITYGOV_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function adminDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export function databaseUrlFor(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = new URL(adminDatabaseUrl(env));
  url.pathname = `/${name}`;
  return url.toString();
}

export const TEMPLATE_KEY = 'citygovTemplate';

function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function withAdminConnection<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createDatabaseFromTemplate(template: string, prefix = 'citygov_t'): Promise<string> {
  const name = uniqueName(prefix);
  await withAdminConnection((sql) => sql.unsafe(`create database "${name}" template "${template}"`));
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminConnection((sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
}
