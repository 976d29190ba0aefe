/**
 * Where the time of one API report goes: `cases.report` over HTTP, sequentially, with
 * the BFF's stage recorder on (`apps/bff/src/lib/stage-profile.ts`); the mean of each
 * stage, and what is left outside `reportCase` (HTTP, tRPC, session, the transaction
 * with its audit row, the answer).
 */
import { performance } from 'node:perf_hooks';
import { recordStages } from '../apps/bff/src/lib/stage-profile';
import type { OpenDatabase } from '../packages/db/src/client';
import { login } from './auth-and-lists';
import { isRecord, startServer, trpcMutation } from './trpc-http';

export const PROFILE_REPORTS = 150;
export const PROFILE_WARMUP = 5;

export interface StageFigures {
  reports: number;
  requestMs: number;
  stages: { name: string; ms: number }[];
}

export async function profileReport(
  open: OpenDatabase,
  categoryCode: string,
  points: readonly { lng: number; lat: number }[],
): Promise<StageFigures> {
  const server = await startServer(open.db);
  const totals = new Map<string, number>();
  try {
    const cookie = await login(server.baseUrl, 'linjiang.acceptor');
    const report = async (i: number) => {
      const point = points[i % points.length] ?? { lng: 0, lat: 0 };
      const { data } = await trpcMutation(
        server.baseUrl,
        'cases.report',
        {
          source: 'hotline',
          kind: 'event',
          categoryCode,
          urgency: 'normal',
          description: `市民来电反映：路边垃圾堆积没人清理，影响周边居民（剖析第${i + 1}号）`,
          ...point,
          clientRequestId: `profile-${Date.now().toString(36)}-${i}`,
          confirmedDistinct: true,
        },
        cookie,
      );
      if (!isRecord(data) || typeof data.id !== 'number') throw new Error('cases.report: unexpected answer');
    };
    for (let i = 0; i < PROFILE_WARMUP; i++) await report(i);
    recordStages((name, ms) => totals.set(name, (totals.get(name) ?? 0) + ms));
    const started = performance.now();
    for (let i = 0; i < PROFILE_REPORTS; i++) await report(1_000 + i);
    const requestMs = (performance.now() - started) / PROFILE_REPORTS;
    recordStages(null);
    const mean = (name: string) => (totals.get(name) ?? 0) / PROFILE_REPORTS;
    const inner = [...totals.keys()].filter((k) => k !== 'reportCase');
    const stages = inner.map((name) => ({ name, ms: mean(name) }));
    const innerSum = stages.reduce((sum, s) => sum + s.ms, 0);
    stages.push({ name: 'rest of reportCase (attachments, glue)', ms: Math.max(0, mean('reportCase') - innerSum) });
    stages.push({
      name: 'outside reportCase (HTTP, tRPC, session, transaction + audit row, answer)',
      ms: Math.max(0, requestMs - mean('reportCase')),
    });
    return { reports: PROFILE_REPORTS, requestMs, stages };
  } finally {
    recordStages(null);
    await server.close();
  }
}

export function printProfile(label: string, f: StageFigures): void {
  console.log(`  one API report, stage by stage (${label}, mean of ${f.reports} sequential cases.report over HTTP):`);
  for (const s of f.stages) {
    console.log(
      `    ${s.name.padEnd(76)} ${s.ms.toFixed(2).padStart(7)} ms  ${((100 * s.ms) / f.requestMs).toFixed(0).padStart(3)}%`,
    );
  }
  console.log(`    ${'whole request'.padEnd(76)} ${f.requestMs.toFixed(2).padStart(7)} ms`);
}
