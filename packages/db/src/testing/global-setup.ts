import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../client';
import { seedDemoCity } from '../seed/seed-demo-city';
import {
  createDatabaseFromTemplate,
  databaseUrlFor,
  dropDatabase,
  TEMPLATE_KEY,
  testDatabaseKind,
  withAdminConnection,
} from './test-database';

/** Vitest global setup: one migrated, seeded template per run, removed afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = testDatabaseKind();
  const started = Date.now();
  if (kind === 'pglite') {
    const open = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(open);
    await seedDemoCity(open.db);
    const pglite = (open.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
    const dump = await pglite.dumpDataDir('none');
    await open.close();
    const dir = mkdtempSync(join(tmpdir(), 'citygov-test-'));
    const file = join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide(TEMPLATE_KEY, file);
    console.log(`[test-db] PGlite template seeded in ${Date.now() - started} ms`);
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const name = await createDatabaseFromTemplate('template0', 'citygov_tpl');
  const open = await openDatabase({ databaseUrl: databaseUrlFor(name), maxConnections: 2 });
  await migrateDatabase(open);
  await seedDemoCity(open.db);
  await open.close();
  // A template must have no open connections when it is cloned.
  await withAdminConnection((sql) => sql`select 1`);
  project.provide(TEMPLATE_KEY, name);
  console.log(`[test-db] PostgreSQL template ${name} seeded in ${Date.now() - started} ms`);
  return async () => dropDatabase(name);
}
