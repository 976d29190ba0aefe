import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/test-app';
import { formatReport, runFuzz } from './fuzz-run';

/**
 * The fuzzer in the normal test run: a fixed seed and 1,500 inputs over every procedure
 * and HTTP route (`pnpm fuzz` runs 100,000; FUZZ_TEST_INPUTS changes the count here).
 * Any 5xx, crash, hang or leaky body fails it, with what was sent.
 */
const INPUTS = Number(process.env.FUZZ_TEST_INPUTS ?? 1_500);
let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

it('answers thousands of hostile requests without a 5xx, a crash or a leak', async () => {
  const report = await runFuzz(app, { seed: 20261203, inputs: INPUTS });
  console.log(formatReport(report));
  expect(report.findings).toEqual([]);
  expect(report.sent).toBe(INPUTS);
  // Every family was reached, and some requests got through to a 2xx.
  expect([...report.byFamily.keys()].length).toBeGreaterThan(20);
  const ok = [...report.byFamily.values()].flatMap((statuses) => [...statuses.entries()]);
  expect(ok.filter(([label]) => label.startsWith('2')).reduce((sum, [, n]) => sum + n, 0)).toBeGreaterThan(50);
}, 300_000);
