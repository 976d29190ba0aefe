import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app';
import { formatReport, runFuzz } from './fuzz-run';

/**
 * The fuzzer in the normal test run: a fixed seed and a few thousand inputs over every
 * procedure and HTTP route (`pnpm fuzz` runs 100,000). Any 5xx, crash, hang or leaky
 * body fails it, with what was sent.
 */
let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

it('answers thousands of hostile requests without a 5xx, a crash or a leak', async () => {
  const report = await runFuzz(app, { seed: 20261203, inputs: Number(process.env.FUZZ_TEST_INPUTS ?? 2_000) });
  console.log(formatReport(report));
  expect(report.findings).toEqual([]);
  expect(report.sent).toBeGreaterThanOrEqual(2_000);
}, 240_000);
