/**
 * The category model, built from the database and cached in memory. One BFF process
 * serves one database, so there is one model per process: built on first use (or by
 * `warmIntakeModel` at start), rebuilt in the background when older than
 * `REFRESH_AFTER_MS` (new closed cases, catalogue edits), and rebuilt at once by
 * `intake.retrain`. Callers never wait for a background rebuild: the old model serves.
 * Training runs on a worker thread, so a rebuild does not stall the process's requests.
 */

import { performance } from 'node:perf_hooks';
import type { Queryable } from '@citygov/db/client';
import { type CategoryKind, type CategoryModel, categoryKey } from '@citygov/domain/intake/category-model';
import {
  type CorrectionMemory,
  categoryDistribution,
  emptyCorrectionMemory,
  rankCategories,
} from '@citygov/domain/intake/category-suggest';
import { categoryInput, categoryTokens } from '../../lib/text/segment';
import { corrections } from './corrections';
import { trainOffThread } from './train-off-thread';
import { loadTrainingSources } from './training-data';

export const REFRESH_AFTER_MS = 6 * 60 * 60 * 1000;

export interface ModelInfo {
  categories: number;
  documents: number;
  closedCases: number;
  trainedAt: Date;
  trainingMs: number;
}

interface Loaded {
  model: CategoryModel;
  info: ModelInfo;
  /** The acceptors' corrections since (and before) training, applied on top of the model at once. */
  memory: CorrectionMemory;
}

let current: Loaded | null = null;
let building: Promise<Loaded> | null = null;
/**
 * The process's database from `warmIntakeModel`: a background rebuild must not run on
 * the caller's handle, which may be a transaction (a report's duplicate check) that has
 * ended by the time the rebuild queries.
 */
let processDb: Queryable | null = null;

async function build(db: Queryable): Promise<Loaded> {
  const started = performance.now();
  const sources = await loadTrainingSources(db);
  const model = await trainOffThread(sources);
  const memory = emptyCorrectionMemory();
  await corrections.reload(db, model, memory);
  const info: ModelInfo = {
    categories: model.categories.length,
    documents: model.documents,
    closedCases: sources.history.length,
    trainedAt: model.trainedAt,
    trainingMs: Math.round(performance.now() - started),
  };
  return { model, info, memory };
}

function startBuild(db: Queryable): Promise<Loaded> {
  building ??= build(db)
    .then((loaded) => {
      current = loaded;
      return loaded;
    })
    .finally(() => {
      building = null;
    });
  return building;
}

async function loaded(db: Queryable, now: number): Promise<Loaded> {
  if (!current) return startBuild(db);
  if (now - current.info.trainedAt.getTime() > REFRESH_AFTER_MS && !building) {
    startBuild(processDb ?? db).catch((error: unknown) => console.error('[intake] background retrain failed:', error));
  }
  return current;
}

/** The cached model; built now if there is none, refreshed in the background if stale. */
export async function categoryModel(db: Queryable, now = Date.now()): Promise<CategoryModel> {
  return (await loaded(db, now)).model;
}

/**
 * The version a suggestion was made with: the training run and how many corrections were
 * applied on top, e.g. "m1k2x3c.17". Recorded with each report's feedback.
 */
export function modelVersion(l: Loaded): string {
  return `m${l.model.trainedAt.getTime().toString(36)}.${corrections.applied(l.memory)}`;
}

/** Rebuilds the model from the database now (after catalogue edits, or on demand). */
export async function retrainCategoryModel(db: Queryable): Promise<ModelInfo> {
  // A build already running may predate the change that asked for this one: wait for it, then build again.
  if (building) await building.catch(() => undefined);
  return (await startBuild(db)).info;
}

/** Loads the model ahead of the first suggestion (call at BFF start; errors are logged, not thrown). */
export function warmIntakeModel(db: Queryable): void {
  processDb = db;
  startBuild(db).catch((error: unknown) => console.error('[intake] model warm-up failed:', error));
}

/** Forgets the cached model (tests). */
export function resetIntakeModel(): void {
  current = null;
}

export interface Suggestion {
  kind: CategoryKind;
  code: string;
  name: string;
  /** Calibrated confidence 0–1: P(kind) × P(category | kind). */
  score: number;
  /** The model version that made this suggestion (sent back with the report). */
  modelVersion: string;
}

export async function suggest(
  db: Queryable,
  input: {
    text: string;
    address?: string | undefined;
    kind?: CategoryKind | undefined;
    limit?: number | undefined;
  },
): Promise<Suggestion[]> {
  const l = await loaded(db, Date.now());
  await corrections.poll(db, l.model, l.memory);
  const version = modelVersion(l);
  const ranked = rankCategories(
    l.model,
    { ...categoryInput(input.text, input.address), kind: input.kind },
    l.memory,
    input.limit ?? 3,
  );
  return ranked.map(({ category, confidence }) => ({
    kind: category.kind,
    code: category.code,
    name: category.name,
    score: Math.round(confidence * 1000) / 1000,
    modelVersion: version,
  }));
}

/**
 * P(category | kind) for a text (with the corrections), the categories from 1 % up:
 * duplicate detection asks how sure the chosen category is, and which neighbours are likely.
 */
export function categoryProbabilities(model: CategoryModel, text: string, kind: CategoryKind): Map<string, number> {
  const memory = current?.model === model ? current.memory : null;
  const p = categoryDistribution(model, { tokens: categoryTokens(text), kind }, memory);
  const out = new Map<string, number>();
  if (!p) return out;
  p.forEach((value, c) => {
    const category = model.categories[c];
    if (category && value >= 0.01) out.set(categoryKey(category.kind, category.code), value);
  });
  return out;
}

/**
 * Records what the form suggested and what the person chose; a choice other than the
 * first suggestion teaches the model at once (this process now, others on their next poll).
 */
export async function recordCategoryChoice(
  db: Queryable,
  choice: Parameters<typeof corrections.record>[3],
): Promise<void> {
  const l = await loaded(db, Date.now());
  await corrections.record(db, l.model, l.memory, choice);
}
