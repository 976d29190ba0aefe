/**
 * Trains the category model on a worker thread. Cutting 20,000 closed cases into words
 * and fitting takes seconds of CPU; on the BFF's own thread that stalled every request
 * (suggestions, queues, the wall's push) at start and at each 6-hourly retrain. The
 * worker gets the loaded sources and sends back the model as flat arrays
 * (`packCategoryModel`), which the main thread reads back in milliseconds.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CategoryModel } from '@citygov/domain/intake/category-model';
import { type PackedCategoryModel, unpackCategoryModel } from '@citygov/domain/intake/category-model-packing';
import type { TrainingSources } from './training-data';

export interface TrainingJob {
  sources: TrainingSources;
  /** When the model counts as trained (ms since epoch). */
  now: number;
}

/**
 * The worker runs TypeScript like the BFF does, through tsx: a small script registers
 * tsx's loader in the new thread, then imports the entry. (An `--import tsx` flag is not
 * enough: Node 20 resolves a worker's entry before that flag's hooks apply, and under the
 * test runner there is no flag to inherit.)
 */
const tsxApi = new URL(
  'dist/esm/api/index.mjs',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json')),
).href;
const entry = new URL('./train-worker.ts', import.meta.url).href;
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;

export function trainOffThread(sources: TrainingSources, now = new Date()): Promise<CategoryModel> {
  const job: TrainingJob = { sources, now: now.getTime() };
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    let model: CategoryModel | null = null;
    worker.once('message', (message: PackedCategoryModel) => {
      model = unpackCategoryModel(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (model) resolve(model);
      else reject(new Error(`category model training worker exited with code ${code} and no model`));
    });
  });
}
