/**
 * The model's training sources without a database: the catalogue seed (what a fresh
 * database holds), the curated keywords and the sample reports; no closed cases.
 * The generated evaluation reports are never part of it.
 */
import { textTokens } from '../../apps/bff/src/lib/text/segment';
import {
  intakeKeywords,
  sampleReports,
  seedCatalogue,
  type TrainingSources,
} from '../../apps/bff/src/modules/category-model/training-data';
import type { Tokenised } from './evaluate';
import type { EvalReport } from './generate-reports';

export function benchTrainingSources(): TrainingSources {
  return { catalogue: seedCatalogue(), keywords: intakeKeywords(), samples: sampleReports(), history: [] };
}

export function tokenise(reports: readonly EvalReport[]): Tokenised[] {
  return reports.map((r) => ({ ...r, tokens: textTokens(r.text) }));
}
