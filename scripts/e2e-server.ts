/**
 * Starts the real app for browser tests: a fresh database (a new PGlite folder, or a
 * new PostgreSQL database when CITYGOV_TEST_DB=postgres), the demo seed, and the BFF
 * serving the built web app. Playwright starts and stops this as its webServer.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDatabaseFromTemplate, databaseUrlFor, testDatabaseKind } from '../packages/db/src/testing/test-database';

const root = resolve(import.meta.dirname, '..');
// A separate build folder (CITYGOV_WEB_DIST) keeps parallel runs from rebuilding under each other.
const webDist = process.env.CITYGOV_WEB_DIST ?? join(root, 'apps/web/dist');
if (!existsSync(join(webDist, 'index.html'))) {
  console.log('[e2e] building the web app');
  execSync('pnpm --filter @citygov/web build', { cwd: root, stdio: 'inherit' });
}

const kind = testDatabaseKind();
process.env.PORT = process.env.E2E_PORT ?? '4321';
process.env.CITYGOV_WEB_DIST = webDist;
process.env.CITYGOV_DEMO_SEED = '1';
if (kind === 'postgres') {
  const name = await createDatabaseFromTemplate('template0', 'citygov_e2e');
  process.env.DATABASE_URL = databaseUrlFor(name);
  console.log(`[e2e] PostgreSQL database ${name}`);
} else {
  delete process.env.DATABASE_URL;
  process.env.CITYGOV_DATA_DIR = mkdtempSync(join(tmpdir(), 'citygov-e2e-'));
  console.log(`[e2e] PGlite data folder ${process.env.CITYGOV_DATA_DIR}`);
}
await import('../apps/bff/src/main');
