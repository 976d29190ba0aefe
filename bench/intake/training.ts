/**
 * The model's training sources without a database: the catalogue seed (what a fresh
 * database holds), the curated keywords and the sample reports; no closed cases.
 * The generated evaluation reports are never part of it.
 */
import { textTokens } from '../../apps/bff/src/lib/text/segment';
import {
  type CatalogueEntry,
  intakeKeywords,
  sampleReports,
  type TrainingSources,
} from '../../apps/bff/src/modules/category-model/training-data';
import { buildCatalogueSeed } from '../../packages/db/src/seed/catalogue-seed';
import type { Tokenised } from './evaluate';
import type { EvalReport } from './generate-reports';

export function seedCatalogue(): CatalogueEntry[] {
  return buildCatalogueSeed().categories.map((c) => ({
    kind: c.kind,
    code: c.code,
    name: c.name,
    majorCode: c.majorCode,
    synonyms: c.synonyms ?? [],
  }));
}

export function benchTrainingSources(): TrainingSources {
  return { catalogue: seedCatalogue(), keywords: intakeKeywords(), samples: sampleReports(), history: [] };
}

export function tokenise(reports: readonly EvalReport[]): Tokenised[] {
  return reports.map((r) => ({ ...r, tokens: textTokens(r.text) }));
}
