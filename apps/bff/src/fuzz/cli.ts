/**
 * `pnpm fuzz`: the property-based fuzzer over every tRPC procedure and HTTP route, on a
 * freshly migrated and seeded demo city (in-memory PGlite, or a new PostgreSQL database
 * with FUZZ_DB=postgres and TEST_DATABASE_URL, dropped afterwards). Prints progress,
 * then the counts by status per family and the totals; exits 1 on any 5xx, crash,
 * leaky body, hang or missing answer.
 *
 * Options: --inputs N (default 100000), --seed N (default: random, printed),
 * --concurrency N (default 6). Ctrl-C stops after the current batch and prints the counts so far.
 */
import { migrateDatabase, type OpenDatabase, openDatabase } from '@citygov/db/client';
import { seedDemoCity } from '@citygov/db/seed/seed-demo-city';
import { createDatabaseFromTemplate, databaseUrlFor, dropDatabase } from '@citygov/db/testing/test-database';
import { testAppOn } from '../testing/test-app';
import { type FuzzReport, formatReport, runFuzz } from './fuzz-run';

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

function progressLine(report: FuzzReport, inputs: number): string {
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

async function main(): Promise<number> {
  const inputs = option('inputs', 100_000);
  const seed = option('seed', Math.floor(Math.random() * 2 ** 31));
  const concurrency = option('concurrency', 6);
  const started = Date.now();
  const open = await openFuzzDatabase();
  console.log(`[fuzz] database ${open.kind} (${open.location}); migrating and seeding the demo city…`);
  await migrateDatabase(open);
  await seedDemoCity(open.db);
  console.log(`[fuzz] ready in ${((Date.now() - started) / 1000).toFixed(1)} s; seed ${seed}, ${inputs} inputs`);
  const app = testAppOn(open, { NODE_ENV: 'production' });
  let lastPrinted = 0;
  // Ctrl-C ends the run after the current batch and still prints what was counted.
  const stop = { requested: false };
  process.once('SIGINT', () => {
    console.log('[fuzz] stopping after this batch…');
    stop.requested = true;
  });
  try {
    const report = await runFuzz(app, {
      seed,
      inputs,
      concurrency,
      stop,
      onProgress: (progress) => {
        if (progress.sent - lastPrinted >= 1_000 || progress.sent === inputs) {
          lastPrinted = progress.sent;
          console.log(progressLine(progress, inputs));
        }
      },
    });
    console.log(`\n${formatReport(report)}`);
    const failed = report.serverErrors + report.crashes + report.leaks + report.noAnswers + report.timeouts;
    if (failed > 0) console.log(`\n[fuzz] FAILED (replay with --seed ${seed})`);
    else if (report.sent < inputs)
      console.log(`\n[fuzz] stopped after ${report.sent} of ${inputs} inputs, nothing found`);
    else console.log('\n[fuzz] passed');
    return failed > 0 || report.sent < inputs ? 1 : 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('[fuzz] could not run:', error);
    process.exit(2);
  },
);
