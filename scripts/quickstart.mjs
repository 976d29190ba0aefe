#!/usr/bin/env node
// The README's two commands land here: `npm start` and `npm test` (pnpm start/test too).
// Node built-ins only, because on a fresh machine nothing else is installed yet:
// it finds or installs pnpm, installs dependencies, then starts the app or runs every test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const mode = process.argv[2] ?? 'start';

function say(line) {
  console.log(`\n[citygov] ${line}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
  });
  return result.status ?? 1;
}

function must(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`[citygov] failed: ${command} ${args.join(' ')} (exit ${status})`);
    process.exit(status);
  }
}

function output(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** pnpm at the pinned version: the one on PATH, else a global install, else through npx. */
function findPnpm() {
  if (output('pnpm', ['--version']) === pnpmVersion) return ['pnpm'];
  say(`installing pnpm ${pnpmVersion}`);
  if (
    run('npm', ['install', '-g', `pnpm@${pnpmVersion}`], { stdio: 'ignore' }) === 0 &&
    output('pnpm', ['--version']) === pnpmVersion
  ) {
    return ['pnpm'];
  }
  return ['npx', '--yes', `pnpm@${pnpmVersion}`];
}

const pnpm = findPnpm();
function pnpmRun(args, options) {
  must(pnpm[0], [...pnpm.slice(1), ...args], options);
}

function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(path);
  return newest;
}

function buildWebIfStale() {
  const built = join(root, 'apps/web/dist/index.html');
  const sources = [
    'apps/web/src',
    'apps/web/public',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    'packages/domain/src',
  ];
  if (existsSync(built) && statSync(built).mtimeMs > newestMtime(sources.map((p) => join(root, p)))) return;
  say('building the web app');
  pnpmRun(['--filter', '@citygov/web', 'build']);
}

/** Debian packages the tests need: the browser, Chinese fonts, SIPp (GB/T 28181 device), ffmpeg (video), Mosquitto (MQTT). */
const TEST_PACKAGES = [
  { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', pkg: 'fonts-wqy-microhei' },
  { path: '/usr/bin/sipp', pkg: 'sip-tester' },
  { path: '/usr/bin/ffmpeg', pkg: 'ffmpeg' },
  { path: '/usr/sbin/mosquitto', pkg: 'mosquitto' },
];

function ensureTestPackages() {
  const missing = TEST_PACKAGES.filter((p) => !existsSync(p.path)).map((p) => p.pkg);
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && output('which', ['apt-get'])) {
    say(`installing Debian packages for the tests: ${missing.join(' ')}`);
    must('apt-get', ['update', '-qq']);
    must('apt-get', ['install', '-y', '-qq', ...missing], {
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    });
    return;
  }
  console.error(`[citygov] the tests need these Debian packages: sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}

function postgresUrl() {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(3000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
  });
}

/** One pass of every test (vitest, then Playwright) on one database; returns its counts. */
function testPass(database) {
  const reports = join(tmpdir(), `citygov-reports-${process.pid}-${database}`);
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  const env = { CITYGOV_TEST_DB: database, ...(database === 'postgres' ? { TEST_DATABASE_URL: postgresUrl() } : {}) };
  const unitStatus = run(
    pnpm[0],
    [
      ...pnpm.slice(1),
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(reports, 'unit.json')}`,
    ],
    { env },
  );
  // The PostgreSQL pass plays video through a simulated ZLMediaKit (HTTP-FLV), the PGlite pass through the built-in HLS.
  const media = database === 'postgres' ? { E2E_MEDIA_BACKEND: 'zlmediakit' } : {};
  const e2eStatus = run(pnpm[0], [...pnpm.slice(1), 'exec', 'playwright', 'test', '--reporter=list,json'], {
    env: { ...env, ...media, PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e.json') },
  });
  const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
  const unit = read(join(reports, 'unit.json'));
  const e2e = read(join(reports, 'e2e.json'));
  const counts = {
    passed: (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0),
    failed: (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0),
    skipped: (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0),
  };
  // A runner that died before reporting counts as a failure even with no failed test recorded.
  const ok = unitStatus === 0 && e2eStatus === 0 && unit !== null && e2e !== null;
  if (!ok && counts.failed === 0) counts.failed = 1;
  console.log(`[citygov] ${database}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  const failures = [...failedUnitTests(unit), ...failedBrowserTests(e2e)].map((name) => `${database}: ${name}`);
  return { ok, counts, failures };
}

/** Names of the failed vitest tests, so the end of a long log says which ones. */
function failedUnitTests(unit) {
  const root = process.cwd();
  return (unit?.testResults ?? []).flatMap((file) => {
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    const where = String(file.name ?? '').replace(`${root}/`, '');
    if (failed.length === 0 && file.status === 'failed') return [`${where} (the file failed to run)`];
    return failed.map((test) => `${where} › ${test.fullName}`);
  });
}

/** Names of the failed Playwright tests (retried-and-passed ones are flaky, not failed). */
function failedBrowserTests(e2e) {
  const names = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      const failed = (spec.tests ?? []).some((test) => test.status === 'unexpected');
      if (failed) names.push(`${spec.file}:${spec.line} › ${spec.title}`);
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of e2e?.suites ?? []) walk(suite);
  return names;
}

async function runTests() {
  ensureTestPackages();
  buildWebIfStale();
  const results = [];
  say('== test pass 1: embedded PGlite ==');
  results.push(testPass('pglite'));
  const url = postgresUrl();
  const requirePostgres = process.env.CI === 'true' || process.env.CITYGOV_REQUIRE_POSTGRES === '1';
  if (await reachable(url)) {
    say(`== test pass 2: PostgreSQL at ${url} ==`);
    pnpmRun(['exec', 'tsx', 'scripts/drop-test-databases.ts'], { env: { TEST_DATABASE_URL: url } });
    results.push(testPass('postgres'));
  } else if (requirePostgres) {
    console.error(`[citygov] PostgreSQL is not reachable at ${url}, and this run requires it (CI).`);
    results.push({ ok: false, counts: { passed: 0, failed: 1, skipped: 0 } });
  } else {
    say(`PostgreSQL is not reachable at ${url}: skipping the PostgreSQL pass (set TEST_DATABASE_URL to run it).`);
  }
  const total = results.reduce(
    (sum, r) => ({
      passed: sum.passed + r.counts.passed,
      failed: sum.failed + r.counts.failed,
      skipped: sum.skipped + r.counts.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log(`\nTotal: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  const failures = results.flatMap((r) => r.failures ?? []);
  if (failures.length > 0) console.log(`Failed:\n${failures.map((name) => `  ✗ ${name}`).join('\n')}`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

function startApp() {
  buildWebIfStale();
  say('starting citygov on the embedded database (data in ./data) at http://localhost:8080');
  const env = {
    PORT: process.env.PORT ?? '8080',
    CITYGOV_DATA_DIR: process.env.CITYGOV_DATA_DIR ?? join(root, 'data'),
    // A fresh demo city starts with a year of cases (written once, when the database has none).
    CITYGOV_DEMO_HISTORY: process.env.CITYGOV_DEMO_HISTORY ?? '50000',
    // Production mode: no stack traces in error answers, whatever the calling shell has set.
    NODE_ENV: 'production',
  };
  process.exit(run(pnpm[0], [...pnpm.slice(1), '--filter', '@citygov/bff', 'start'], { env }));
}

function devMode() {
  say('dev mode: BFF on :8080 (watch), Vite on :5173 with /trpc proxied');
  const env = { CITYGOV_DATA_DIR: process.env.CITYGOV_DATA_DIR ?? join(root, 'data'), NODE_ENV: 'development' };
  process.exit(
    run(pnpm[0], [...pnpm.slice(1), '--parallel', '--filter', '@citygov/bff', '--filter', '@citygov/web', 'dev'], {
      env,
    }),
  );
}

say(`pnpm ${pnpmVersion}: installing dependencies`);
pnpmRun(['install', '--frozen-lockfile']);
if (mode === 'test') await runTests();
else if (mode === 'dev') devMode();
else startApp();
