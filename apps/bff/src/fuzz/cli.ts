/**
 * `pnpm fuzz`: the property-based fuzzer over every tRPC procedure and HTTP route, on a
 * freshly migrated and seeded demo city (in-memory PGlite, or a new PostgreSQL database
 * with FUZZ_DB=postgres and TEST_DATABASE_URL, dropped afterwards). Prints progress,
 * then the counts by status per family and the totals; exits 1 on any 5xx, crash,
 * leaky body, hang or missing answer.
 *
 * Options: --inputs N (default 100000), --seed N (default: random, printed),
 * --concurrency N (default 6), --workers N (default 1: N processes, each with its own
 * server and database, share the seed's batches; one report), --first-batch N (start at
 * batch N of the seed, to replay a stretch). Ctrl-C stops after the current batch and
 * prints the counts so far.
 */
import { fork } from 'node:child_process';
import { migrateDatabase, type OpenDatabase, openDatabase } from '@citygov/db/client';
import { seedDemoCity } from '@citygov/db/seed/seed-demo-city';
import { createDatabaseFromTemplate, databaseUrlFor, dropDatabase } from '@citygov/db/testing/test-database';
import { testAppOn } from '../testing/test-app';
import { emptyFuzzReport, type FuzzReport, formatReport, runFuzz } from './fuzz-run';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}

async function openFuzzDatabase(): Promise<OpenDatabase> {
  if (process.env.FUZZ_DB !== 'postgres') return openDatabase({ dataDir: 'memory://' });
  const name = await createDatabaseFromTemplate('template0', 'citygov_fuzz');
  const open = await openDatabase({ databaseUrl: databaseUrlFor(name), maxConnections: 8 });
  return {
    ...open,
    close: async () => {
      await open.close();
      await dropDatabase(name);
    },
  };
}

/** A report as it crosses from a worker process (Maps as entry lists). */
type WireReport = Omit<FuzzReport, 'byFamily' | 'msByFamily' | 'msByWhat'> & {
  byFamily: [string, [string, number][]][];
  msByFamily: [string, number][];
  msByWhat: [string, number][];
};

function toWire(report: FuzzReport): WireReport {
  return {
    ...report,
    byFamily: [...report.byFamily].map(([family, statuses]) => [family, [...statuses]]),
    msByFamily: [...report.msByFamily],
    msByWhat: [...report.msByWhat],
  };
}

function addCount(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** One report of several workers' (the elapsed time is the longest). */
function merged(seed: number, reports: readonly WireReport[]): FuzzReport {
  const total = emptyFuzzReport(seed);
  for (const r of reports) {
    total.sent += r.sent;
    total.serverErrors += r.serverErrors;
    total.leaks += r.leaks;
    total.crashes += r.crashes;
    total.noAnswers += r.noAnswers;
    total.timeouts += r.timeouts;
    total.findings.push(...r.findings);
    total.elapsedMs = Math.max(total.elapsedMs, r.elapsedMs);
    for (const [family, statuses] of r.byFamily) {
      const into = total.byFamily.get(family) ?? new Map<string, number>();
      for (const [label, n] of statuses) addCount(into, label, n);
      total.byFamily.set(family, into);
    }
    for (const [family, ms] of r.msByFamily) addCount(total.msByFamily, family, ms);
    for (const [what, ms] of r.msByWhat) addCount(total.msByWhat, what, ms);
  }
  return total;
}

function progressLine(
  report: Pick<FuzzReport, 'sent' | 'elapsedMs' | 'serverErrors' | 'crashes' | 'leaks' | 'noAnswers' | 'timeouts'>,
  inputs: number,
): string {
  const seconds = report.elapsedMs / 1000;
  const rate = report.sent / Math.max(seconds, 0.001);
  const eta = (inputs - report.sent) / Math.max(rate, 0.001);
  return (
    `[fuzz] ${report.sent}/${inputs} (${((100 * report.sent) / inputs).toFixed(1)}%) ` +
    `${rate.toFixed(0)}/s, ${seconds.toFixed(0)} s, ~${eta.toFixed(0)} s left · ` +
    `5xx ${report.serverErrors}, crashes ${report.crashes}, leaks ${report.leaks}, ` +
    `no answer ${report.noAnswers}, timeouts ${report.timeouts}`
  );
}

function finish(report: FuzzReport, inputs: number): number {
  console.log(`\n${formatReport(report)}`);
  const failed = report.serverErrors + report.crashes + report.leaks + report.noAnswers + report.timeouts;
  if (failed > 0) console.log(`\n[fuzz] FAILED (replay with --seed ${report.seed})`);
  else if (report.sent < inputs)
    console.log(`\n[fuzz] stopped after ${report.sent} of ${inputs} inputs, nothing found`);
  else console.log('\n[fuzz] passed');
  return failed > 0 || report.sent < inputs ? 1 : 0;
}

/** One process: its own database and server, the batches `first`, `first + stride`, … of the seed. */
async function runHere(seed: number, inputs: number, first: number, stride: number): Promise<FuzzReport> {
  const started = Date.now();
  const worker = process.send !== undefined;
  const open = await openFuzzDatabase();
  if (!worker) console.log(`[fuzz] database ${open.kind} (${open.location}); migrating and seeding the demo city…`);
  await migrateDatabase(open);
  await seedDemoCity(open.db);
  if (!worker)
    console.log(`[fuzz] ready in ${((Date.now() - started) / 1000).toFixed(1)} s; seed ${seed}, ${inputs} inputs`);
  const app = testAppOn(open, { NODE_ENV: 'production' });
  const stop = { requested: false };
  process.once('SIGINT', () => {
    if (!worker) console.log('[fuzz] stopping after this batch…');
    stop.requested = true;
  });
  let lastPrinted = 0;
  try {
    return await runFuzz(app, {
      seed,
      inputs,
      concurrency: option('concurrency', 6),
      batches: { first, stride },
      stop,
      onProgress: (progress) => {
        if (worker) process.send?.({ kind: 'progress', report: toWire(progress) });
        else if (progress.sent - lastPrinted >= 1_000 || progress.sent === inputs) {
          lastPrinted = progress.sent;
          console.log(progressLine(progress, inputs));
        }
      },
    });
  } finally {
    await app.close();
  }
}

/** N worker processes; their progress and reports are added up here. */
async function runWorkers(seed: number, inputs: number, workers: number): Promise<FuzzReport> {
  console.log(
    `[fuzz] ${workers} workers, each with its own server and database (${process.env.FUZZ_DB ?? 'pglite'}); seed ${seed}, ${inputs} inputs`,
  );
  const latest = new Map<number, WireReport>();
  let lastPrinted = 0;
  const share = (k: number) => Math.floor(inputs / workers) + (k < inputs % workers ? 1 : 0);
  const finals = await Promise.all(
    Array.from(
      { length: workers },
      (_, k) =>
        new Promise<WireReport>((resolve, reject) => {
          const child = fork(
            process.argv[1] ?? '',
            ['--worker', String(k), '--inputs', String(share(k)), '--seed', String(seed), '--workers', String(workers)],
            {
              execArgv: process.execArgv,
            },
          );
          process.on('SIGINT', () => child.kill('SIGINT'));
          child.on('message', (message: { kind: string; report: WireReport }) => {
            if (message.kind === 'report') {
              resolve(message.report);
              return;
            }
            latest.set(k, message.report);
            const now = merged(seed, [...latest.values()]);
            if (now.sent - lastPrinted >= 1_000) {
              lastPrinted = now.sent;
              console.log(progressLine(now, inputs));
            }
          });
          child.on('exit', (code) => reject(new Error(`worker ${k} ended with code ${code} before reporting`)));
        }),
    ),
  );
  return merged(seed, finals);
}

async function main(): Promise<number> {
  const inputs = option('inputs', 100_000);
  const seed = option('seed', Math.floor(Math.random() * 2 ** 31));
  const workers = Math.max(1, option('workers', 1));
  const workerIndex = process.argv.indexOf('--worker');
  if (workerIndex >= 0) {
    const k = Number(process.argv[workerIndex + 1]);
    const report = await runHere(seed, inputs, k, workers);
    await new Promise<void>((resolve) => process.send?.({ kind: 'report', report: toWire(report) }, () => resolve()));
    return 0;
  }
  if (workers > 1) return finish(await runWorkers(seed, inputs, workers), inputs);
  return finish(await runHere(seed, inputs, option('first-batch', 0), 1), inputs);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[fuzz] could not run:', error);
    process.exit(2);
  },
);
