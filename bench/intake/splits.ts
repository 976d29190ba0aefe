/**
 * The two generated splits: `dev` for choosing features, weights and thresholds, `test`
 * for the figures the benchmark reports. Same generator, different seeds (so different
 * places, times, categories, phrasings and duplicate groups).
 */
import { DEFAULT_GENERATOR, type EvalReport, generateReports } from './generate-reports';

export const DEV_SEED = 20260501;
export const TEST_SEED = 20260917;

export function devSplit(): EvalReport[] {
  return generateReports({ ...DEFAULT_GENERATOR, seed: DEV_SEED });
}

export function testSplit(): EvalReport[] {
  return generateReports({ ...DEFAULT_GENERATOR, seed: TEST_SEED });
}
