/**
 * Where the time of one request goes, stage by stage, when someone is listening (the
 * intake benchmark). Off by default: a stage then costs one null check.
 */
import { performance } from 'node:perf_hooks';

export type StageSink = (stage: string, ms: number) => void;

let sink: StageSink | null = null;

/** Starts (or, with null, stops) recording stage times. */
export function recordStages(next: StageSink | null): void {
  sink = next;
}

/** Runs `work`, recording its time under `name` if stages are being recorded. */
export async function stage<T>(name: string, work: () => Promise<T>): Promise<T> {
  const to = sink;
  if (!to) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    to(name, performance.now() - started);
  }
}
