/**
 * What the category model learns from:
 * 1. the catalogue (names and synonyms from the database, so admins' edits and local
 *    categories count), weighted up;
 * 2. curated colloquial keywords per category (`packages/db/src/seed/intake-keywords-zh.json`);
 * 3. the 750 labelled sample reports (`packages/db/src/seed/sample-reports-zh.jsonl`);
 * 4. past cases: closed cases' description → their final category (newest first, capped).
 */
import { readFileSync } from 'node:fs';
import type { Queryable } from '@citygov/db/client';
import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';
import { buildCatalogueSeed } from '@citygov/db/seed/catalogue-seed';
import {
  type CategoryKind,
  type CategoryRef,
  categoryKey,
  type TrainingExample,
} from '@citygov/domain/intake/category-model';
import { desc, eq } from 'drizzle-orm';
import { categoryTokens } from '../../lib/text/segment';

const SEED_DIR = new URL('../../../../../packages/db/src/seed/', import.meta.url);

export interface CatalogueEntry extends CategoryRef {
  synonyms: readonly string[];
}

export interface LabelledText {
  kind: CategoryKind;
  code: string;
  text: string;
}

export interface TrainingSources {
  catalogue: readonly CatalogueEntry[];
  keywords: IntakeKeywords;
  samples: readonly LabelledText[];
  history: readonly LabelledText[];
}

export interface IntakeKeywords {
  /** Event category code → keywords. */
  event: Readonly<Record<string, readonly string[]>>;
  /** Facility code → keywords, for both the component and the event (…异常) category. */
  facilities: Readonly<Record<string, readonly string[]>>;
}

/** Relative weight of each source's documents. */
export const SOURCE_WEIGHTS = { catalogue: 1, keyword: 1, sample: 1, history: 1 } as const;

/** At most this many closed cases are learnt from (newest first), to bound training time. */
export const HISTORY_LIMIT = 20_000;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function asKeywordTable(value: unknown, what: string): Record<string, string[]> {
  if (!value || typeof value !== 'object') throw new Error(`intake keywords: ${what} is not an object`);
  const table: Record<string, string[]> = {};
  for (const [code, words] of Object.entries(value)) {
    if (!isStringArray(words)) throw new Error(`intake keywords: ${what}.${code} is not a list of strings`);
    table[code] = words;
  }
  return table;
}

let keywordsCache: IntakeKeywords | null = null;
export function intakeKeywords(): IntakeKeywords {
  if (!keywordsCache) {
    const raw: unknown = JSON.parse(readFileSync(new URL('intake-keywords-zh.json', SEED_DIR), 'utf8'));
    const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    keywordsCache = {
      event: asKeywordTable(record.event, 'event'),
      facilities: asKeywordTable(record.facilities, 'facilities'),
    };
  }
  return keywordsCache;
}

let samplesCache: LabelledText[] | null = null;
/** The labelled sample reports (event categories). */
export function sampleReports(): LabelledText[] {
  if (!samplesCache) {
    const lines = readFileSync(new URL('sample-reports-zh.jsonl', SEED_DIR), 'utf8').split('\n');
    samplesCache = [];
    for (const line of lines) {
      if (!line.trim()) continue;
      const row: unknown = JSON.parse(line);
      if (!row || typeof row !== 'object') continue;
      const { text, code } = row as Record<string, unknown>;
      if (typeof text === 'string' && typeof code === 'string') samplesCache.push({ kind: 'event', code, text });
    }
  }
  return samplesCache;
}

/** The catalogue a fresh database holds, for training without a database (benchmarks, tests). */
export function seedCatalogue(): CatalogueEntry[] {
  return buildCatalogueSeed().categories.map((c) => ({
    kind: c.kind,
    code: c.code,
    name: c.name,
    majorCode: c.majorCode,
    synonyms: c.synonyms ?? [],
  }));
}

export async function loadCatalogue(db: Queryable): Promise<CatalogueEntry[]> {
  const rows = await db
    .select({
      kind: categories.kind,
      code: categories.code,
      name: categories.name,
      majorCode: categories.majorCode,
      synonyms: categories.synonyms,
    })
    .from(categories);
  return rows;
}

/** Closed cases, newest first: what acceptors and shift leads finally filed each description under. */
export async function loadClosedCases(db: Queryable, limit = HISTORY_LIMIT): Promise<LabelledText[]> {
  const rows = await db
    .select({ kind: cases.kind, code: cases.categoryCode, text: cases.description })
    .from(cases)
    .where(eq(cases.status, 'closed'))
    .orderBy(desc(cases.reportedAt))
    .limit(limit);
  return rows;
}

export async function loadTrainingSources(db: Queryable): Promise<TrainingSources> {
  const [catalogue, history] = await Promise.all([loadCatalogue(db), loadClosedCases(db)]);
  return { catalogue, keywords: intakeKeywords(), samples: sampleReports(), history };
}

/** Every source as weighted, tokenised documents. */
export function trainingExamples(
  sources: TrainingSources,
  tokenise: (text: string) => string[] = categoryTokens,
): TrainingExample[] {
  const examples: TrainingExample[] = [];
  const add = (kind: CategoryKind, code: string, text: string, weight: number) => {
    const tokens = tokenise(text);
    if (tokens.length > 0) examples.push({ key: categoryKey(kind, code), tokens, weight });
  };
  for (const c of sources.catalogue) {
    for (const text of [c.name, ...c.synonyms]) add(c.kind, c.code, text, SOURCE_WEIGHTS.catalogue);
    const extra = [
      ...(c.kind === 'event' ? (sources.keywords.event[c.code] ?? []) : []),
      ...(sources.keywords.facilities[c.code] ?? []),
    ];
    for (const text of extra) add(c.kind, c.code, text, SOURCE_WEIGHTS.keyword);
  }
  for (const s of sources.samples) add(s.kind, s.code, s.text, SOURCE_WEIGHTS.sample);
  for (const h of sources.history) add(h.kind, h.code, h.text, SOURCE_WEIGHTS.history);
  return examples;
}
