/**
 * How long the BFF stops answering while the category model trains, with as many closed
 * cases as training reads (`HISTORY_LIMIT`). Baseline: the same training on the calling
 * thread, as the BFF did before. The figure is the longest gap between 5 ms timer ticks
 * on the main thread: what a request arriving during training waits at worst.
 */
import { performance } from 'node:perf_hooks';
import { buildCategoryModel } from '../../apps/bff/src/modules/category-model/build-model';
import { trainOffThread } from '../../apps/bff/src/modules/category-model/train-off-thread';
import { HISTORY_LIMIT, type TrainingSources } from '../../apps/bff/src/modules/category-model/training-data';
import { formatMs } from '../stats';
import { devSplit } from './splits';

const thousands = (n: number) => n.toLocaleString('en-US');

async function longestStall(train: () => Promise<unknown>): Promise<{ ms: number; stallMs: number }> {
  let longest = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await train();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(tick);
  return { ms, stallMs: Math.max(longest, performance.now() - last) };
}

export async function benchTrainingStall(sources: TrainingSources): Promise<void> {
  const dev = devSplit();
  const history = Array.from({ length: HISTORY_LIMIT }, (_, i) => {
    const r = dev[i % dev.length];
    return { kind: 'event' as const, code: r?.categoryCode ?? '', text: r?.text ?? '' };
  });
  const withHistory = { ...sources, history };
  console.log(`\n== intake: training with ${thousands(HISTORY_LIMIT)} closed cases, longest main-thread stall`);
  const inThread = await longestStall(async () => buildCategoryModel(withHistory));
  const worker = await longestStall(() => trainOffThread(withHistory));
  console.log(
    `  on the calling thread (baseline): trained in ${formatMs(inThread.ms)} ms, longest stall ${formatMs(inThread.stallMs)} ms`,
  );
  console.log(
    `  on a worker thread (shipped):     trained in ${formatMs(worker.ms)} ms, longest stall ${formatMs(worker.stallMs)} ms (${(inThread.stallMs / worker.stallMs).toFixed(0)}× shorter)`,
  );
}
