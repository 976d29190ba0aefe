/**
 * `pnpm bench`: migrate + seed the demo city on a fresh database of each kind, then
 * time login and scoped list queries through the real HTTP stack, case intake
 * (`cases.report` vs a raw multi-row INSERT), and, after loading many cases with SQL,
 * the to-do queues and case lists; then the video centre (10,000 GB/T 28181 devices
 * keeping alive, INVITE → first HLS segment; `pnpm bench video` runs only that), and the wall's full
 * refresh (`pnpm bench wall` runs only that), analytics and full-text search (`pnpm bench analytics`
 * runs the wall's and those), one month's 综合评价 and the leader's home (`pnpm bench evaluation` runs the
 * wall's and those), and alarm bursts on PostgreSQL (`pnpm bench alarms` runs only that; BENCH_ALARMS
 * sets how many, 100,000 by default). `pnpm bench scale` runs the desk queues, the wall, analytics, search and
 * 综合评价 at one load (set BENCH_CASES_POSTGRES=10000000 for the designed size). After analytics, change → wall
 * latency and the monthly report's build (bench/live-wall.ts). Prints figures only.
 *
 * Environment: BENCH_CASES_PGLITE / BENCH_CASES_POSTGRES override how many cases are
 * loaded (100,000 / 1,000,000); BENCH_FULL_PLANS=1 also prints the SQL and full plans
 * of the explained statements.
 */
import { cpus, platform, release, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { migrateDatabase } from '../packages/db/src/client';
import { type SeedCounts, seedDemoCity } from '../packages/db/src/seed/seed-demo-city';
import { benchAlarmBurstOnPostgres } from './alarm-burst';
import { ANALYTICS_CALLS, type AnalyticsFigures, benchAnalytics } from './analytics';
import { benchAuthAndLists, type HttpFigures, LIST_CALLS, LOGINS, TREE_CALLS, WARMUP } from './auth-and-lists';
import { benchCaseIntake, INTAKE_CASES, INTAKE_CONCURRENCY, type IntakeFigures, RAW_REPEATS } from './case-intake';
import {
  benchCaseQueues,
  QUEUE_CALLS,
  QUEUE_CALLS_MEASURED,
  QUEUE_LOOP_BUDGET_MS,
  type QueueFigures,
  SLOW_P95_MS,
} from './case-queues';
import { type BenchDatabase, checkPostgres, openFreshPglite, openFreshPostgres } from './databases';
import { type AssistantFigures, benchDispatchAssistant } from './dispatch-assistant';
import { benchDutyReport } from './duty-report';
import { benchEvaluation, EVALUATION_CALLS, type EvaluationFigures } from './evaluation';
import { benchIntake } from './intake/run';
import { printProfile } from './intake-profile';
import { benchLiveWall, CHANGE_TO_WALL_CASES, type LiveWallFigures } from './live-wall';
import { type ManyCasesFigures, seedManyCases } from './many-cases';
import { formatMs, formatSummary, type Summary, timed } from './stats';
import { benchVideoDevices } from './video-devices';
import { benchWall, WALL_CALLS, type WallFigures } from './wall';
import { benchWebBundles } from './web-bundles';

/** Cases loaded before the queue measurements; PGlite (single-threaded WASM) gets fewer. */
const MANY_CASES = {
  pglite: envCount('BENCH_CASES_PGLITE', 100_000),
  postgres: envCount('BENCH_CASES_POSTGRES', 1_000_000),
};
/** INSERT statements the load is split into (one progress line each). */
const SEED_CHUNKS = 10;
const FULL_PLANS = process.env.BENCH_FULL_PLANS === '1';

function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1_000 || value > 10_000_000) {
    throw new Error(`${name} must be a whole number from 1,000 to 10,000,000`);
  }
  return value;
}

const thousands = (n: number) => n.toLocaleString('en-US');
const perSecond = (n: number) => (n >= 100 ? thousands(Math.round(n)) : n.toFixed(1));

interface PassResult {
  label: string;
  openMs: number;
  migrateMs: number;
  seedMs: number;
  counts: SeedCounts;
  http: HttpFigures;
  intake: IntakeFigures;
  many: ManyCasesFigures;
  queues: QueueFigures;
  assistant: AssistantFigures;
}

function line(label: string, s: Summary, extra = '', width = 36): string {
  return `    ${label.padEnd(width)} p50 ${formatMs(s.p50).padStart(6)}  p95 ${formatMs(s.p95).padStart(6)}  min ${formatMs(s.min).padStart(6)}  max ${formatMs(s.max).padStart(6)} ms  (n=${s.n})${extra}`;
}

function printIntake(intake: IntakeFigures): void {
  console.log(
    `  case intake: cases.report as linjiang.acceptor over HTTP — hotline event ${intake.category.code} ${intake.category.name}, cycling ${intake.grids} grid centres of 临江区:`,
  );
  const api = (name: string, t: IntakeFigures['sequential']) =>
    console.log(
      `    ${name.padEnd(36)} ${thousands(t.cases)} cases in ${formatMs(t.ms).padStart(6)} ms = ${perSecond(t.perSecond).padStart(6)} cases/s  (request p50 ${formatMs(t.latency.p50)}, p95 ${formatMs(t.latency.p95)} ms)`,
    );
  api('API, sequential', intake.sequential);
  api(`API, ${intake.concurrent.inFlight} in flight`, intake.concurrent);
  api(`API, ${intake.concurrentApart.inFlight} in flight, client apart`, intake.concurrentApart);
  const { rawPerCase } = intake;
  const plain = (name: string, t: { cases: number; ms: number; perSecond: number }) =>
    console.log(
      `    ${name.padEnd(36)} ${thousands(t.cases)} cases in ${formatMs(t.ms).padStart(6)} ms = ${perSecond(t.perSecond).padStart(6)} cases/s  (number + case + timeline row, one transaction per case)`,
    );
  plain('raw SQL per case, sequential', rawPerCase.sequential);
  plain(`raw SQL per case, ${rawPerCase.concurrent.inFlight} in flight`, rawPerCase.concurrent);
  console.log(
    `    API / raw per case: ${percentOf(intake.sequential.perSecond, rawPerCase.sequential.perSecond)} sequential, ${percentOf(intake.concurrent.perSecond, rawPerCase.concurrent.perSecond)} with ${intake.concurrent.inFlight} in flight, ${percentOf(intake.concurrentApart.perSecond, rawPerCase.concurrent.perSecond)} with the client apart`,
  );
  const raw = intake.raw;
  console.log(
    `    ${'raw SQL, one multi-row INSERT'.padEnd(36)} ${thousands(raw.cases)} cases in ${formatMs(raw.ms).padStart(6)} ms = ${perSecond(raw.perSecond).padStart(6)} cases/s  (+ ${raw.cases} case_events and the case-number counter, one transaction; median of ${raw.repeats}, range ${formatMs(raw.minMs)}–${formatMs(raw.maxMs)} ms)`,
  );
  console.log(
    `    raw / API: ${(raw.perSecond / intake.sequential.perSecond).toFixed(0)}× sequential, ${(raw.perSecond / intake.concurrent.perSecond).toFixed(0)}× with ${intake.concurrent.inFlight} in flight`,
  );
  printProfile(`${intake.category.code} ${intake.category.name}`, intake.profile);
  const { withoutStream, withStream, rounds } = intake.stream;
  console.log(
    `    event stream: API sequential ${perSecond(withoutStream.perSecond)} cases/s with the timeline row only, ${perSecond(withStream.perSecond)} cases/s with stream position + NOTIFY (median of ${rounds} alternating rounds of ${withStream.cases}) → cost ${streamCostPercent(intake)}`,
  );
}

/** `part` as a percentage of `whole`. */
function percentOf(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(0)}%`;
}

/** How much slower intake is with the event stream than with the timeline row alone. */
function streamCostPercent(intake: IntakeFigures): string {
  const { withoutStream, withStream } = intake.stream;
  return `${((withoutStream.perSecond / withStream.perSecond - 1) * 100).toFixed(1)}%`;
}

function printLoadProgress(p: { phase: 'generate' | 'load'; done: number; total: number; ms: number }): void {
  console.log(
    `    … ${p.phase === 'generate' ? 'generated' : 'loaded   '} ${thousands(p.done).padStart(9)} / ${thousands(p.total)} (${(p.ms / 1000).toFixed(1)} s)`,
  );
}

function printMany(many: ManyCasesFigures): void {
  const total = many.statusMix.reduce((sum, s) => sum + s.n, 0);
  console.log(
    `    loaded ${thousands(many.cases)} cases (+ ${thousands(many.caseDepartments)} case_departments) in ${formatMs(many.insertMs)} ms = ${thousands(Math.round((many.cases * 1000) / many.insertMs))} rows/s; VACUUM ANALYZE ${formatMs(many.analyzeMs)} ms`,
  );
  console.log(
    `    statuses: ${many.statusMix.map((s) => `${s.status} ${((100 * s.n) / total).toFixed(1)}%`).join(', ')}; overdue now: ${thousands(many.overdue)}`,
  );
}

function printAnalytics(figures: AnalyticsFigures, count: number): void {
  console.log(
    `  analytics (统计分析) and search (综合查询) at ${thousands(count)} cases, last 3 months: analytics rows filled from the cases in ${formatMs(figures.backfillMs)} ms; search index of ${thousands(figures.searchRows)} cases from ${thousands(figures.distinctTexts)} distinct texts in ${formatMs(figures.searchIndexMs)} ms; direct calls, ${ANALYTICS_CALLS} each, city (leader) | 临江区 (linjiang.leader):`,
  );
  for (const [name, city, district] of figures.queries) {
    console.log(
      `    ${name.padEnd(44)} city p50 ${formatMs(city.p50).padStart(6)} p95 ${formatMs(city.p95).padStart(6)}  |  district p50 ${formatMs(district.p50).padStart(6)} p95 ${formatMs(district.p95).padStart(6)} ms`,
    );
  }
  for (const [name, s] of figures.raw) console.log(line(name, s, '', 48));
}

function printLiveWall(figures: LiveWallFigures, count: number): void {
  console.log(`  the command hall live at ${thousands(count)} cases (HTTP):`);
  console.log(
    line(`change → wall: report → 临江区 wall shows it (${CHANGE_TO_WALL_CASES}×)`, figures.changeToWall, '', 48),
  );
  console.log(line(`月度分析报告 ${figures.month}, city (leader)`, figures.reportCity, '', 48));
  console.log(line(`月度分析报告 ${figures.month}, 临江区 (linjiang.leader)`, figures.reportDistrict, '', 48));
}

function printEvaluation(figures: EvaluationFigures, count: number): void {
  console.log(
    `  综合评价 and the leader's tablet at ${thousands(count)} cases: month ${figures.month} holds ${thousands(figures.monthCases)} cases; their timelines (${thousands(figures.timelineRows)} rows) written with SQL in ${formatMs(figures.backfillMs)} ms; direct calls as the city supervisor, ${EVALUATION_CALLS} each:`,
  );
  console.log(
    `  first ranking of the month, no facts kept yet (every timeline read, facts computed and kept): ${formatMs(figures.firstRankingMs)} ms; then:`,
  );
  for (const [name, s] of figures.rankings) console.log(line(`one month’s ranking: ${name}`, s, '', 48));
  console.log(line(`every ranking of the month (${figures.rankings.length})`, figures.wholeMonth, '', 48));
  console.log(line('下钻 (district ranking), from the ranking shown', figures.drillKept, '', 48));
  console.log(line('下钻 (district ranking), computed afresh', figures.drillComputed, '', 48));
  console.log(line('raw: the month’s cases + timelines read', figures.rawReads, '', 48));
  const kept = figures.rankings[0]?.[1];
  const keptRatio = kept ? ` — district ranking ${(kept.p50 / figures.rawKeptReads.p50).toFixed(2)}× this` : '';
  console.log(line('raw: the month’s cases + kept facts read', figures.rawKeptReads, keptRatio, 48));
  console.log(line('leader.home, city (leader)', figures.leaderCity, '', 48));
  console.log(line('leader.home, 临江区 (linjiang.leader)', figures.leaderDistrict, '', 48));
  const ratio = figures.leaderCity.p50 / figures.leaderRawScan.p50;
  console.log(
    line(
      'raw: the city’s figures by one scan of every case',
      figures.leaderRawScan,
      ` — leader.home city ${ratio.toFixed(2)}× this`,
      48,
    ),
  );
}

function printWall(wall: WallFigures, count: number): void {
  console.log(
    `  wall (指挥大厅大屏) at ${thousands(count)} cases: rollup filled from the cases in ${formatMs(wall.backfillMs)} ms (${thousands(wall.rollupRows)} rows); direct calls, ${WALL_CALLS} each:`,
  );
  console.log(line('wall full refresh, city (leader)', wall.city, '', 48));
  console.log(line('wall full refresh, 临江区 (linjiang.leader)', wall.district, '', 48));
  console.log(line('raw: today’s KPI counted from cases', wall.rawKpi, '', 48));
  console.log(line('raw: 30-day category TOP10 from cases', wall.rawCategories, '', 48));
}

function printQueues(queues: QueueFigures, count: number): void {
  console.log(`  case lists at ${thousands(count)} cases (HTTP, sequential, after ${WARMUP} warm-up calls each):`);
  for (const f of queues.calls) {
    console.log(line(f.call.label, f.latency, ` — ${f.answer}, ${(f.bytes / 1024).toFixed(1)} KiB`, 48));
  }
  console.log(
    `  EXPLAIN (ANALYZE, BUFFERS) of the statements behind the ${queues.explained.length} slowest calls (the two slowest by p95, and any over ${SLOW_P95_MS} ms):`,
  );
  for (const e of queues.explained) {
    console.log(`    ${e.call.label}:`);
    for (const st of e.statements) {
      const p = st.plan;
      const index = p.caseIndexes.length > 0 ? `index ${p.caseIndexes.join(', ')}` : 'NO index on cases';
      const seq = p.seqScans.length > 0 ? `; seq scan on ${p.seqScans.join(', ')}` : '';
      const jit = p.jitMs === null ? '' : `, JIT ${formatMs(p.jitMs)} ms`;
      console.log(
        `      [${st.role}] ${p.spine} | ${index}${seq} | exec ${formatMs(p.executionMs)} ms (plan ${formatMs(p.planningMs)}${jit}), buffers hit ${thousands(p.sharedHit)} read ${thousands(p.sharedRead)}`,
      );
      if (FULL_PLANS) {
        console.log(`        SQL: ${st.sql}`);
        console.log(`        params: ${JSON.stringify(st.params)}`);
        console.log(p.text.replace(/^/gm, '        '));
      }
    }
  }
}

function printAssistant(a: AssistantFigures, count: number): void {
  console.log(`  dispatch assistant (派遣助手) at ${thousands(count)} cases, direct calls for filed cases of 临江区:`);
  console.log(
    line(
      'dispatchAssistance as linjiang.dispatcher',
      a.latency,
      ` — ${a.similar.toFixed(1)} similar closed cases, ${a.departments.toFixed(1)} department rows on average`,
      48,
    ),
  );
}

async function runPass(label: string, openFresh: () => Promise<BenchDatabase>, manyCases: number): Promise<PassResult> {
  console.log(`\n== ${label}`);
  const passStarted = performance.now();
  const opened = await timed(openFresh);
  const database = opened.value;
  try {
    console.log(`  database: ${database.location} (open ${formatMs(opened.ms)} ms)`);
    const migrated = await timed(() => migrateDatabase(database.open));
    console.log(`  migrate:  ${formatMs(migrated.ms)} ms`);
    const seeded = await timed(() => seedDemoCity(database.open.db));
    const c = seeded.value;
    console.log(
      `  seed:     ${formatMs(seeded.ms)} ms — ${c.areas} areas (${c.grids} grids), ${c.departments} departments, ${c.users} users, ${c.categories} categories`,
    );
    const http = await benchAuthAndLists(database.open);
    console.log('  HTTP (sequential, loopback, keep-alive):');
    console.log(line('auth.login (rotating demo users)', http.login));
    console.log(line('  of which bcrypt.compare (cost 10)', http.bcryptCompare, ' — measured outside HTTP'));
    const q = (name: string, f: HttpFigures['areaTree'], what: string) =>
      console.log(line(name, f.latency, ` — ${f.items} ${what}, ${(f.bytes / 1024).toFixed(1)} KiB`));
    q('users.list p1×20 as linjiang.admin', http.usersListDistrict, `rows of ${http.usersListDistrict.total}`);
    q('users.list p1×20 as admin (city)', http.usersListCity, `rows of ${http.usersListCity.total}`);
    q('org.areaTree as linjiang.admin', http.areaTree, 'nodes');
    q('geo.areas(grid) as linjiang.admin', http.gridAreas, 'features');

    const intake = await benchCaseIntake(database.open);
    printIntake(intake);

    console.log(
      `  loading ${thousands(manyCases)} cases with SQL (insert … select … from generate_series into an unindexed staging table, then into cases oldest first):`,
    );
    const many = await seedManyCases(database.open, manyCases, SEED_CHUNKS, printLoadProgress);
    printMany(many);
    const queues = await benchCaseQueues(database.open);
    printQueues(queues, many.cases);
    const assistant = await benchDispatchAssistant(database.open);
    printAssistant(assistant, many.cases);
    printWall(await benchWall(database.open), many.cases);
    printAnalytics(await benchAnalytics(database.open), many.cases);
    printLiveWall(await benchLiveWall(database.open), many.cases);
    printEvaluation(await benchEvaluation(database.open), many.cases);
    console.log(`  pass time: ${((performance.now() - passStarted) / 1000).toFixed(0)} s`);
    return {
      label,
      openMs: opened.ms,
      migrateMs: migrated.ms,
      seedMs: seeded.ms,
      counts: c,
      http,
      intake,
      many,
      queues,
      assistant,
    };
  } finally {
    await database.dispose();
  }
}

function printRows(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const format = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${format(header)}`);
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(format(row));
}

function printIntakeTable(results: readonly PassResult[]): void {
  const header = [
    'db',
    `API seq cases/s`,
    `API ${INTAKE_CONCURRENCY}-in-flight cases/s`,
    `raw per-case seq / ${INTAKE_CONCURRENCY}-in-flight cases/s`,
    `API / raw per-case seq / ${INTAKE_CONCURRENCY}-in-flight`,
    'raw INSERT cases/s',
    'raw/API seq',
    `raw/API ${INTAKE_CONCURRENCY}-in-flight`,
    'report p50/p95 seq',
    `report p50/p95 ${INTAKE_CONCURRENCY}-in-flight`,
    'seq without / with stream',
    'stream cost',
  ];
  printRows(
    header,
    results.map((r) => [
      r.label,
      perSecond(r.intake.sequential.perSecond),
      perSecond(r.intake.concurrent.perSecond),
      `${perSecond(r.intake.rawPerCase.sequential.perSecond)} / ${perSecond(r.intake.rawPerCase.concurrent.perSecond)}`,
      `${percentOf(r.intake.sequential.perSecond, r.intake.rawPerCase.sequential.perSecond)} / ${percentOf(r.intake.concurrent.perSecond, r.intake.rawPerCase.concurrent.perSecond)}`,
      perSecond(r.intake.raw.perSecond),
      `${(r.intake.raw.perSecond / r.intake.sequential.perSecond).toFixed(0)}×`,
      `${(r.intake.raw.perSecond / r.intake.concurrent.perSecond).toFixed(0)}×`,
      formatSummary(r.intake.sequential.latency),
      formatSummary(r.intake.concurrent.latency),
      `${perSecond(r.intake.stream.withoutStream.perSecond)} / ${perSecond(r.intake.stream.withStream.perSecond)}`,
      streamCostPercent(r.intake),
    ]),
  );
}

function printQueueTable(results: readonly PassResult[]): void {
  const header = ['db', 'cases', 'load s', 'vacuum analyze s', ...QUEUE_CALLS_MEASURED.map((c) => `${c.key} p50/p95`)];
  printRows(
    header,
    results.map((r) => [
      r.label,
      thousands(r.many.cases),
      (r.many.insertMs / 1000).toFixed(1),
      (r.many.analyzeMs / 1000).toFixed(1),
      ...QUEUE_CALLS_MEASURED.map((call) => {
        const f = r.queues.calls.find((x) => x.call.key === call.key);
        return f ? `${formatSummary(f.latency)}${f.latency.n < QUEUE_CALLS ? ` (n=${f.latency.n})` : ''}` : '-';
      }),
    ]),
  );
  console.log(
    '(case lists: ms over HTTP; toAccept = acceptor, toDispatch = dispatcher, overdue = city leader, all.p1/all.p50 = list({}) page 1/50 and queues = queues() as shift_lead, handling = dept_handler, all of 临江区)',
  );
}

function printTable(results: readonly PassResult[]): void {
  const header = [
    'db',
    'migrate ms',
    'seed ms',
    'login p50/p95',
    'users.list(district) p50/p95',
    'users.list(city) p50/p95',
    'org.areaTree p50/p95',
    'geo.areas(grid) p50/p95',
  ];
  const rows = results.map((r) => [
    r.label,
    formatMs(r.migrateMs),
    formatMs(r.seedMs),
    formatSummary(r.http.login),
    formatSummary(r.http.usersListDistrict.latency),
    formatSummary(r.http.usersListCity.latency),
    formatSummary(r.http.areaTree.latency),
    formatSummary(r.http.gridAreas.latency),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const format = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${format(header)}`);
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(format(row));
  console.log('(all times in ms)');
}

async function wallOnly(): Promise<void> {
  const postgres = await checkPostgres();
  const count = postgres.ok ? MANY_CASES.postgres : MANY_CASES.pglite;
  const database = postgres.ok ? await openFreshPostgres() : await openFreshPglite();
  try {
    console.log(`== wall only: ${database.location}`);
    await migrateDatabase(database.open);
    await seedDemoCity(database.open.db);
    console.log(`  loading ${thousands(count)} cases with SQL:`);
    const many = await seedManyCases(database.open, count, SEED_CHUNKS, printLoadProgress);
    printMany(many);
    const scale = process.argv[2] === 'scale';
    if (scale) {
      printQueues(await benchCaseQueues(database.open), many.cases);
      printAssistant(await benchDispatchAssistant(database.open), many.cases);
    }
    printWall(await benchWall(database.open), many.cases);
    if (scale || process.argv[2] === 'analytics') {
      printAnalytics(await benchAnalytics(database.open), many.cases);
      printLiveWall(await benchLiveWall(database.open), many.cases);
    }
    if (scale || process.argv[2] === 'evaluation') printEvaluation(await benchEvaluation(database.open), many.cases);
  } finally {
    await database.dispose();
  }
}

async function main(): Promise<void> {
  // `pnpm bench video`: only the video centre's figures.
  if (process.argv[2] === 'video') return benchVideoDevices();
  // `pnpm bench intake`: only intake — API throughput and its stage breakdown on each
  // database, then category and duplicate accuracy (without the large-table latency part).
  // `pnpm bench intake postgres` (or `pglite`): the throughput part on that database only.
  if (process.argv[2] === 'intake') return benchIntakeOnly(process.argv[3]);
  // `pnpm bench wall`: only the wall's figures, on PostgreSQL when it runs, else PGlite.
  if (process.argv[2] === 'wall') return wallOnly();
  // `pnpm bench analytics`: the wall's figures, then analytics and search.
  if (process.argv[2] === 'analytics') return wallOnly();
  // `pnpm bench evaluation`: the wall's figures, then 综合评价 and the leader's home.
  if (process.argv[2] === 'evaluation') return wallOnly();
  // `pnpm bench scale`: at one load (BENCH_CASES_POSTGRES, e.g. 10,000,000), the desk's queues and
  // lists, the dispatch assistant, the wall, analytics and search, 综合评价 and the leader's home.
  if (process.argv[2] === 'scale') return wallOnly();
  // `pnpm bench duty`: only 在岗统计 over a month of GPS fixes.
  if (process.argv[2] === 'duty') return benchDutyReport();
  // `pnpm bench alarms`: only the alarm bursts (PostgreSQL).
  if (process.argv[2] === 'alarms') return benchAlarmBurstOnPostgres();
  // `pnpm bench web`: only the initial JS per route.
  if (process.argv[2] === 'web') {
    benchWebBundles();
    return;
  }
  const cpu = cpus();
  console.log('citygov bench');
  console.log(
    `machine: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, node ${process.version}`,
  );
  console.log(
    `loops: ${LOGINS} logins, ${LIST_CALLS} × users.list per account, ${TREE_CALLS} × org.areaTree and geo.areas; ${WARMUP} unmeasured warm-up calls per query loop (2 for login)`,
  );

  console.log(
    `case intake: ${INTAKE_CASES} × cases.report sequential, then ${INTAKE_CASES} with ${INTAKE_CONCURRENCY} in flight, vs ${RAW_REPEATS} × one ${INTAKE_CASES}-row INSERT; case lists: ${thousands(MANY_CASES.pglite)} (pglite) / ${thousands(MANY_CASES.postgres)} (postgres) cases, ${QUEUE_CALLS} calls per list (at most ${QUEUE_LOOP_BUDGET_MS / 1000} s each)`,
  );

  const results: PassResult[] = [];
  results.push(await runPass('pglite', openFreshPglite, MANY_CASES.pglite));

  const postgres = await checkPostgres();
  if (postgres.ok) {
    console.log(`\npostgres server ${postgres.version}`);
    results.push(await runPass('postgres', openFreshPostgres, MANY_CASES.postgres));
  } else {
    console.log(`\n== postgres: SKIPPED — ${postgres.reason}`);
  }

  printTable(results);
  console.log('login time is mostly bcrypt (cost 10, pure-JS bcryptjs); see the bcrypt.compare line of each pass.');
  printIntakeTable(results);
  console.log(
    '(case intake: cases per second; raw = one multi-row INSERT of cases + one of case_events per transaction)',
  );
  printQueueTable(results);
  // Alarm bursts (告警批量接入): alarms/s over HTTP and the cases they became, PostgreSQL only.
  if (postgres.ok) await benchAlarmBurstOnPostgres();
  // Category suggestion and duplicate detection: accuracy on generated reports, findDuplicates latency.
  await benchIntake();
  await benchVideoDevices();
}

async function benchIntakeOnly(only?: string): Promise<void> {
  if (only !== undefined && only !== 'pglite' && only !== 'postgres') {
    throw new Error(`pnpm bench intake [pglite|postgres]: unknown database ${only}`);
  }
  const passes: [string, () => Promise<BenchDatabase>][] = [];
  if (only !== 'postgres') passes.push(['pglite', openFreshPglite]);
  if (only !== 'pglite') {
    const postgres = await checkPostgres();
    if (postgres.ok) passes.push(['postgres', openFreshPostgres]);
    else console.log(`== postgres: SKIPPED — ${postgres.reason}`);
  }
  for (const [label, openFresh] of passes) {
    console.log(`\n== ${label}`);
    const database = await openFresh();
    try {
      await migrateDatabase(database.open);
      await seedDemoCity(database.open.db);
      printIntake(await benchCaseIntake(database.open));
    } finally {
      await database.dispose();
    }
  }
  if (only !== undefined) return;
  process.env.BENCH_INTAKE_DB ??= '0';
  await benchIntake();
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
