import { defineConfig } from 'vitest/config';

// Unit and integration tests. The database they run on is chosen by CITYGOV_TEST_DB
// (pglite | postgres); the global setup seeds one template that each file clones.
export default defineConfig({
  test: {
    include: ['packages/**/*.test.ts', 'apps/bff/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'apps/web/e2e/**'],
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
