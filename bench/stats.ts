import { performance } from 'node:perf_hooks';

/** Latency figures of one measured loop, in milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending list (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  const value = sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  if (value === undefined) throw new Error(`no sample at rank ${rank}`);
  return value;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, ms) => sum + ms, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: percentile(sorted, 0),
    max: percentile(sorted, 100),
    mean: total / sorted.length,
  };
}

/** One decimal below 100 ms, whole milliseconds above. */
export function formatMs(ms: number): string {
  return ms < 100 ? ms.toFixed(1) : String(Math.round(ms));
}

export function formatSummary(s: Summary): string {
  return `${formatMs(s.p50)}/${formatMs(s.p95)}`;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/**
 * Runs `call` `warmup` times unmeasured, then `n` times sequentially, timing each.
 * `call` gets the iteration index (warm-up calls get negative indexes).
 */
export async function measureLoop(n: number, warmup: number, call: (index: number) => Promise<void>): Promise<Summary> {
  for (let i = -warmup; i < 0; i++) await call(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await call(i);
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/**
 * Like `measureLoop`, but stops taking samples once `budgetMs` of measured time has
 * passed (at least one sample is always taken), so one slow query cannot stretch the
 * whole run. The summary's `n` says how many samples were taken.
 */
export async function measureLoopWithin(
  n: number,
  warmup: number,
  budgetMs: number,
  call: (index: number) => Promise<void>,
): Promise<Summary> {
  for (let i = -warmup; i < 0; i++) await call(i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call(i);
    samples.push(performance.now() - t0);
    if (performance.now() - started > budgetMs) break;
  }
  return summarise(samples);
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * Runs `count` calls with `inFlight` of them at a time; the wall time of the whole run and each
 * call's own time (the intake bench's load, in the bench's process and in a client of its own).
 */
export async function runInFlight(
  count: number,
  inFlight: number,
  call: (index: number) => Promise<void>,
): Promise<{ ms: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      await call(index);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { ms: performance.now() - started, latencies };
}
