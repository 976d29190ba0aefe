/**
 * The category model, built from the database and cached in memory. One BFF process
 * serves one database, so there is one model per process: built on first use (or by
 * `warmIntakeModel` at start), rebuilt in the background when older than
 * `REFRESH_AFTER_MS` (new closed cases, catalogue edits), and rebuilt at once by
 * `intake.retrain`. Callers never wait for a background rebuild: the old model serves.
 */

import { performance } from 'node:perf_hooks';
import type { Queryable } from '@citygov/db/client';
import {
  type CategoryKind,
  type CategoryModel,
  type CategoryModelOptions,
  DEFAULT_CATEGORY_MODEL_OPTIONS,
  suggestCategories,
  trainCategoryModel,
} from '@citygov/domain/intake/category-model';
import { categoryTokens } from '../../lib/text/segment';
import { loadTrainingSources, type TrainingSources, trainingExamples } from './training-data';

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
}

let current: Loaded | null = null;
let building: Promise<Loaded> | null = null;
/**
 * The process's database from `warmIntakeModel`: a background rebuild must not run on
 * the caller's handle, which may be a transaction (a report's duplicate check) that has
 * ended by the time the rebuild queries.
 */
let processDb: Queryable | null = null;

/** Trains a model from already-loaded sources (the benchmark calls this without a database). */
export function buildCategoryModel(
  sources: TrainingSources,
  options: CategoryModelOptions = DEFAULT_CATEGORY_MODEL_OPTIONS,
  now = new Date(),
): CategoryModel {
  return trainCategoryModel(sources.catalogue, trainingExamples(sources), options, now);
}

async function build(db: Queryable): Promise<Loaded> {
  const started = performance.now();
  const sources = await loadTrainingSources(db);
  const model = buildCategoryModel(sources);
  const info: ModelInfo = {
    categories: model.categories.length,
    documents: model.documents,
    closedCases: sources.history.length,
    trainedAt: model.trainedAt,
    trainingMs: Math.round(performance.now() - started),
  };
  return { model, info };
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

/** The cached model; built now if there is none, refreshed in the background if stale. */
export async function categoryModel(db: Queryable, now = Date.now()): Promise<CategoryModel> {
  if (!current) return (await startBuild(db)).model;
  if (now - current.info.trainedAt.getTime() > REFRESH_AFTER_MS && !building) {
    startBuild(processDb ?? db).catch((error: unknown) => console.error('[intake] background retrain failed:', error));
  }
  return current.model;
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
  score: number;
}

export async function suggest(
  db: Queryable,
  input: { text: string; kind?: CategoryKind | undefined; limit?: number | undefined },
): Promise<Suggestion[]> {
  const model = await categoryModel(db);
  return suggestCategories(model, categoryTokens(input.text), { kind: input.kind, limit: input.limit ?? 3 }).map(
    ({ category, score }) => ({
      kind: category.kind,
      code: category.code,
      name: category.name,
      score: Math.round(score * 1000) / 1000,
    }),
  );
}
