/**
 * Training the category model from loaded sources: cut every text into tokens, then fit.
 * CPU only, no database; the BFF runs it on a worker thread (`train-off-thread.ts`), the
 * benchmarks call it directly.
 */
import {
  type CategoryModel,
  type CategoryModelOptions,
  DEFAULT_CATEGORY_MODEL_OPTIONS,
  trainCategoryModel,
} from '@citygov/domain/intake/category-model';
import { type TrainingSources, trainingExamples } from './training-data';

export function buildCategoryModel(
  sources: TrainingSources,
  options: CategoryModelOptions = DEFAULT_CATEGORY_MODEL_OPTIONS,
  now = new Date(),
): CategoryModel {
  return trainCategoryModel(sources.catalogue, trainingExamples(sources), options, now);
}
