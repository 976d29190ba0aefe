/**
 * Case intake throughput: `cases.report` through the real HTTP stack (sequential and
 * with several requests in flight), against hand-written multi-row INSERTs of the same
 * rows (cases and their first timeline rows) sent straight to the driver.
 * Runs on a database that holds the demo city; every case lands in 临江区's grids.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadWorkingCalendar } from '../apps/bff/src/modules/calendar/load-calendar';
import { startStageClock } from '../apps/bff/src/modules/cases/case-clock';
import { findGridAt } from '../apps/bff/src/modules/geo/grid-lookup';
import { newTrackingCode } from '../apps/bff/src/modules/public-tracking/issue-tracking-code';
import { type OpenDatabase, rowsOf } from '../packages/db/src/client';
import { CASE_SOURCES } from '../packages/domain/src/cases/case-states';
import { login } from './auth-and-lists';
import type { LoadOrder, LoadResult } from './intake-load-client';
import { PROFILE_WARMUP, profileReport, type StageFigures } from './intake-profile';
import { rawSql, valuesPlaceholders } from './raw-sql';
import { median, runInFlight, type Summary, summarise } from './stats';
import { isRecord, startServer, trpcMutation } from './trpc-http';

export const INTAKE_CASES = 300;
export const INTAKE_CONCURRENCY = 16;
/**
 * The raw per-case baseline: each case its own transaction (number, case, first timeline
 * row, commit), as the API must do it, sequentially and with INTAKE_CONCURRENCY in flight.
 */
export const RAW_PER_CASE = 300;
/** The raw insert is short and noisy: repeat it and keep the median. */
export const RAW_REPEATS = 5;
/**
 * Unmeasured reports first, as many in flight as the concurrent run: every pool connection
 * has then met (and prepared) the statements of a report, as in a server that has been up.
 */
const INTAKE_WARMUP = 2 * INTAKE_CONCURRENCY;
/** Report numbers of the run from a separate client, apart from the others' texts. */
const APART_OFFSET = 10_000;
/** The event stream's cost: rounds of reports with and without the stream position (alternating), this many each. */
export const STREAM_ROUNDS = 4;
export const STREAM_CASES = 60;

/** What `reportCase` writes to `cases` (the other columns keep their defaults, as there). */
const CASE_COLUMNS = [
  'case_no',
  'source',
  'kind',
  'category_code',
  'urgency',
  'description',
  'address',
  'lng',
  'lat',
  'grid_id',
  'community_id',
  'street_id',
  'district_id',
  'component_id',
  'reporter_name',
  'reporter_phone',
  'reported_by',
  'tracking_code',
  'status',
  'stage',
  'stage_unit',
  'stage_started_at',
  'stage_warn_at',
  'stage_deadline_at',
  'reported_at',
  'updated_at',
] as const;
/** …and to `case_events`. */
const EVENT_COLUMNS = [
  'case_id',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'label',
  'from_status',
  'to_status',
  'reason',
  'detail',
] as const;

const ACCEPTOR = 'linjiang.acceptor';
const DISTRICT_NAME = '临江区';
/** 市容环境 (06): the kind of thing the 12345 hotline hears about most. */
const CATEGORY_MAJOR = '06';

export interface Throughput {
  cases: number;
  ms: number;
  perSecond: number;
}

export interface IntakeFigures {
  category: { code: string; name: string };
  /** Grids of the district whose centre maps back to the grid (the points reports cycle through). */
  grids: number;
  sequential: Throughput & { latency: Summary };
  concurrent: Throughput & { latency: Summary; inFlight: number };
  /** The same with the client in a process of its own (bench/intake-load-client.ts): the server's thread alone. */
  concurrentApart: Throughput & { latency: Summary; inFlight: number };
  /** One transaction per case on the same database: sequential, and INTAKE_CONCURRENCY in flight. */
  rawPerCase: { sequential: Throughput; concurrent: Throughput & { inFlight: number } };
  /** Median of RAW_REPEATS runs of the same INTAKE_CASES rows. */
  raw: Throughput & { repeats: number; minMs: number; maxMs: number };
  /**
   * cases.report with the timeline row only (the stream's commit-time trigger disabled) and
   * with the event stream (position under the head lock + NOTIFY), median of alternating rounds.
   */
  stream: { withoutStream: Throughput; withStream: Throughput; rounds: number };
  /** One report's time, stage by stage. */
  profile: StageFigures;
}

interface Target {
  gridId: number;
  gridCode: string;
  gridName: string;
  communityId: number;
  streetId: number;
  districtId: number;
  lng: number;
  lat: number;
}

function throughput(count: number, ms: number): Throughput {
  return { cases: count, ms, perSecond: (count * 1000) / ms };
}

/** Area ids of each level above a grid, from its path "/city/district/street/community/grid/" (as report-case does). */
function levelsOf(path: string): { districtId: number; streetId: number; communityId: number } {
  const [, districtId, streetId, communityId] = path.split('/').filter(Boolean).map(Number);
  if (!districtId || !streetId || !communityId) throw new Error(`grid path ${path} is incomplete`);
  return { districtId, streetId, communityId };
}

/** The district's grids in code order, keeping those whose centre the BFF's own lookup maps back to them. */
export async function loadTargets(open: OpenDatabase): Promise<Target[]> {
  const district = await open.db.query.areas.findFirst({
    where: (a, { and, eq }) => and(eq(a.level, 'district'), eq(a.name, DISTRICT_NAME)),
  });
  if (!district) throw new Error(`no district ${DISTRICT_NAME}`);
  const grids = await open.db.query.areas.findMany({
    where: (a, { and, eq, like }) => and(eq(a.level, 'grid'), like(a.path, `${district.path}%`)),
    orderBy: (a, { asc }) => asc(a.code),
  });
  const targets: Target[] = [];
  for (const grid of grids) {
    if (grid.centerLng === null || grid.centerLat === null) continue;
    const found = await findGridAt(open.db, grid.centerLng, grid.centerLat);
    if (found?.id !== grid.id) continue;
    const levels = levelsOf(grid.path);
    targets.push({
      gridId: grid.id,
      gridCode: grid.code,
      gridName: grid.name,
      ...levels,
      lng: grid.centerLng,
      lat: grid.centerLat,
    });
  }
  if (targets.length === 0) throw new Error(`no usable grid centres in ${DISTRICT_NAME}`);
  return targets;
}

function pick<T>(list: readonly T[], index: number): T {
  const item = list[((index % list.length) + list.length) % list.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Times `count` reports with `inFlight` requests at a time; returns wall time and per-request latencies. */
async function reportMany(
  count: number,
  inFlight: number,
  report: (index: number) => Promise<void>,
): Promise<{ ms: number; latency: Summary }> {
  const run = await runInFlight(count, inFlight, report);
  return { ms: run.ms, latency: summarise(run.latencies) };
}

const LOAD_CLIENT = fileURLToPath(new URL('./intake-load-client.ts', import.meta.url));

/** Posts the order's inputs from a separate client process; its own clock times the run. */
function reportFromOwnProcess(order: LoadOrder): Promise<{ ms: number; latency: Summary }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', LOAD_CLIENT], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`intake load client exited with ${code}`));
        return;
      }
      const result = JSON.parse(out) as LoadResult;
      resolve({ ms: result.ms, latency: summarise(result.latencies) });
    });
    child.stdin.end(JSON.stringify(order));
  });
}

/** Columns whose values depend on the moment of writing, left out when API and raw rows are compared. */
const MOMENT_COLUMNS = [
  'id',
  'case_no',
  // a fresh random 查询码 per report
  'tracking_code',
  'reported_at',
  'updated_at',
  'stage_started_at',
  'stage_warn_at',
  'stage_deadline_at',
];

/**
 * Guards the baseline against drift: the first API-reported case and the last raw-inserted
 * one share grid and text, so every other column of the case and of its first timeline row
 * must be equal. A new column `cases.report` starts writing shows up here, not as a silently
 * cheaper baseline.
 */
async function assertSameRows(open: OpenDatabase, description: string): Promise<void> {
  const raw = rawSql(open);
  const caseMinus = MOMENT_COLUMNS.map((c) => ` - '${c}'`).join('');
  const rows = await raw.query(
    `select (to_jsonb(c)${caseMinus})::text as case_row, (to_jsonb(e) - 'id' - 'seq' - 'case_id' - 'at')::text as event_row
     from cases c join case_events e on e.case_id = c.id
     where c.id in ((select min(id) from cases where description = $1), (select max(id) from cases where description = $1))
     order by c.id`,
    [description],
  );
  const [api, inserted] = rows;
  if (!api || !inserted) throw new Error('intake: could not find an API case and a raw case to compare');
  for (const key of ['case_row', 'event_row'] as const) {
    if (api[key] !== inserted[key]) {
      throw new Error(
        `intake: the raw INSERT no longer writes what cases.report writes (${key}):\n  api ${api[key]}\n  raw ${inserted[key]}`,
      );
    }
  }
}

/**
 * What the event stream costs intake: the same sequential reports with the commit-time
 * trigger that gives events their stream position (and NOTIFYs) switched off — the state
 * before the stream existed, a timeline row only — and on, in alternating rounds so drift
 * and warm-up hit both alike.
 */
async function streamCost(open: OpenDatabase, report: (i: number) => Promise<void>): Promise<IntakeFigures['stream']> {
  const toggle = (on: boolean) =>
    open.db.execute(`alter table case_events ${on ? 'enable' : 'disable'} trigger case_events_assign_seq`);
  const without: number[] = [];
  const withStream: number[] = [];
  let next = 0;
  try {
    for (let round = 0; round < STREAM_ROUNDS; round++) {
      for (const on of [false, true]) {
        await toggle(on);
        const run = await reportMany(STREAM_CASES, 1, (i) => report(next + i));
        next += STREAM_CASES;
        (on ? withStream : without).push(run.ms);
      }
    }
  } finally {
    await toggle(true);
    // Events written while the trigger was off have no position; give them theirs, as the migration did.
    await open.db.execute(`update case_events set seq = n.rn from (
        select id, (select seq from case_event_stream_head) + row_number() over (order by id) as rn
        from case_events where seq is null) n where case_events.id = n.id`);
    await open.db.execute('update case_event_stream_head set seq = (select max(seq) from case_events)');
  }
  return {
    withoutStream: throughput(STREAM_CASES, median(without)),
    withStream: throughput(STREAM_CASES, median(withStream)),
    rounds: STREAM_ROUNDS,
  };
}

/** The event category the bench's reports are filed under (the first of major class 06). */
export async function intakeCategory(open: OpenDatabase) {
  const category = await open.db.query.categories.findFirst({
    where: (c, { and, eq }) => and(eq(c.kind, 'event'), eq(c.majorCode, CATEGORY_MAJOR)),
    orderBy: (c, { asc }) => asc(c.code),
  });
  if (!category) throw new Error(`no event category in major class ${CATEGORY_MAJOR}`);
  return category;
}

export async function benchCaseIntake(open: OpenDatabase): Promise<IntakeFigures> {
  const targets = await loadTargets(open);
  const category = await intakeCategory(open);
  const acceptor = await open.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, ACCEPTOR) });
  if (!acceptor) throw new Error(`no seeded user ${ACCEPTOR}`);
  const countRows = async () => {
    const [row] = rowsOf<{ cases: number; events: number }>(
      await open.db.execute(
        'select (select count(*)::int from cases) as cases, (select count(*)::int from case_events) as events',
      ),
    );
    return { cases: row?.cases ?? 0, events: row?.events ?? 0 };
  };
  const before = await countRows();

  const description = (i: number) =>
    `市民来电反映：${pick(targets, i).gridName}附近${category.name}，影响周边居民，请尽快处理（热线第${i + 1}号）`;
  const reportInput = (i: number) => {
    const target = pick(targets, i);
    return {
      source: 'hotline',
      kind: 'event',
      categoryCode: category.code,
      urgency: 'normal',
      description: description(i),
      lng: target.lng,
      lat: target.lat,
      // The cycle comes back to the same grid centres, so 智能判重 would merge the repeats
      // into the first ones; said distinct, the duplicate search still runs for every report
      // (and flags the pairs), which is the cost being measured.
      confirmedDistinct: true,
    };
  };

  const server = await startServer(open.db);
  let sequential: IntakeFigures['sequential'];
  let concurrent: IntakeFigures['concurrent'];
  let concurrentApart: IntakeFigures['concurrentApart'];
  let stream: IntakeFigures['stream'];
  try {
    const { baseUrl } = server;
    const cookie = await login(baseUrl, ACCEPTOR);
    const report = async (i: number) => {
      const { data } = await trpcMutation(baseUrl, 'cases.report', reportInput(i), cookie);
      if (!isRecord(data) || typeof data.id !== 'number' || typeof data.caseNo !== 'string') {
        throw new Error(`cases.report: unexpected answer ${JSON.stringify(data)?.slice(0, 200)}`);
      }
    };
    await reportMany(INTAKE_WARMUP, INTAKE_CONCURRENCY, report);
    const seq = await reportMany(INTAKE_CASES, 1, report);
    sequential = { ...throughput(INTAKE_CASES, seq.ms), latency: seq.latency };
    const conc = await reportMany(INTAKE_CASES, INTAKE_CONCURRENCY, report);
    concurrent = { ...throughput(INTAKE_CASES, conc.ms), latency: conc.latency, inFlight: INTAKE_CONCURRENCY };
    const apart = await reportFromOwnProcess({
      baseUrl,
      cookie,
      inFlight: INTAKE_CONCURRENCY,
      inputs: Array.from({ length: INTAKE_CASES }, (_, i) => reportInput(APART_OFFSET + i)),
    });
    concurrentApart = { ...throughput(INTAKE_CASES, apart.ms), latency: apart.latency, inFlight: INTAKE_CONCURRENCY };
    stream = await streamCost(open, (i) => report(INTAKE_CASES * 2 + i));
  } finally {
    await server.close();
  }
  const profile = await profileReport(open, category.code, targets);

  // The same rows as the API writes (cases + the first timeline row), as parameters of
  // hand-written multi-row INSERTs built in JS up front. Timed: one transaction that
  // reserves the case numbers, inserts the cases, then their timeline rows.
  const calendar = await loadWorkingCalendar(open.db);
  const subject = { kind: 'event' as const, categoryCode: category.code, urgency: 'normal' as const };
  const raw = rawSql(open);
  const insertCases = `insert into cases (${CASE_COLUMNS.join(', ')}) values ${valuesPlaceholders(INTAKE_CASES, CASE_COLUMNS.length)} returning id, case_no`;
  const insertEvents = `insert into case_events (${EVENT_COLUMNS.join(', ')}) values ${valuesPlaceholders(INTAKE_CASES, EVENT_COLUMNS.length)}`;
  type Clock = Awaited<ReturnType<typeof startStageClock>>;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  // One case row in CASE_COLUMNS order, and its first timeline row in EVENT_COLUMNS order
  // without the case id (first), which only the insert gives.
  const caseRow = (caseNo: string, i: number, clock: Clock, at: string) => {
    const target = pick(targets, i);
    return [
      caseNo,
      'hotline',
      subject.kind,
      subject.categoryCode,
      subject.urgency,
      description(i),
      `${target.gridName}附近`,
      target.lng,
      target.lat,
      target.gridId,
      target.communityId,
      target.streetId,
      target.districtId,
      null,
      acceptor.displayName,
      null,
      acceptor.id,
      newTrackingCode(),
      'reported',
      clock.stage,
      clock.stageUnit,
      iso(clock.stageStartedAt),
      iso(clock.stageWarnAt),
      iso(clock.stageDeadlineAt),
      at,
      at,
    ];
  };
  const eventRow = (i: number, at: string) => [
    at,
    acceptor.id,
    acceptor.displayName,
    'report',
    '上报',
    null,
    'reported',
    null,
    JSON.stringify({ source: CASE_SOURCES.hotline, category: category.name, grid: pick(targets, i).gridCode }),
  ];
  // The same rows one transaction per case: take the number (locking the year's counter
  // to commit, as the API does), insert the case, then its timeline row (whose stream
  // position the commit trigger gives). What one report must cost at the least.
  const insertOneCase = `insert into cases (${CASE_COLUMNS.join(', ')}) values ${valuesPlaceholders(1, CASE_COLUMNS.length)} returning id`;
  const insertOneEvent = `insert into case_events (${EVENT_COLUMNS.join(', ')}) values ${valuesPlaceholders(1, EVENT_COLUMNS.length)}`;
  const perCaseClock = await startStageClock(open.db, calendar, subject, 'accept', new Date());
  const rawOneCase = async (i: number) => {
    const now = new Date();
    const at = now.toISOString();
    const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
    await raw.transaction(async (query) => {
      const [counter] = await query(
        `insert into case_number_counters (year, last) values ($1, 1)
         on conflict (year) do update set last = case_number_counters.last + 1 returning last`,
        [year],
      );
      const caseNo = `${year}${String(counter?.last).padStart(8, '0')}`;
      const [row] = await query(insertOneCase, caseRow(caseNo, i, perCaseClock, at));
      await query(insertOneEvent, [row?.id, ...eventRow(i, at)]);
    });
  };
  const rawSeq = await reportMany(RAW_PER_CASE, 1, rawOneCase);
  const rawConc = await reportMany(RAW_PER_CASE, INTAKE_CONCURRENCY, (i) => rawOneCase(RAW_PER_CASE + i));
  const rawPerCase = {
    sequential: throughput(RAW_PER_CASE, rawSeq.ms),
    concurrent: { ...throughput(RAW_PER_CASE, rawConc.ms), inFlight: INTAKE_CONCURRENCY },
  };

  const runs: number[] = [];
  for (let run = 0; run < RAW_REPEATS; run++) {
    const now = new Date();
    const at = now.toISOString();
    const clock = await startStageClock(open.db, calendar, subject, 'accept', now);
    // The case number (first) is filled in once reserved.
    const caseParams = Array.from({ length: INTAKE_CASES }, (_, i) => caseRow('', i, clock, at)).flat();
    const eventRows = Array.from({ length: INTAKE_CASES }, (_, i) => eventRow(i, at));
    // China time decides the year, as in nextCaseNo.
    const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
    const started = performance.now();
    await raw.transaction(async (query) => {
      const [counter] = await query(
        `insert into case_number_counters (year, last) values ($1, $2)
         on conflict (year) do update set last = case_number_counters.last + $2 returning last`,
        [year, INTAKE_CASES],
      );
      const last = Number(counter?.last);
      if (!Number.isInteger(last)) throw new Error('case number counter returned nothing');
      const caseNos: string[] = [];
      for (let i = 0; i < INTAKE_CASES; i++) {
        const caseNo = `${year}${String(last - INTAKE_CASES + 1 + i).padStart(8, '0')}`;
        caseNos.push(caseNo);
        caseParams[i * CASE_COLUMNS.length] = caseNo;
      }
      const idByCaseNo = new Map((await query(insertCases, caseParams)).map((row) => [row.case_no, row.id]));
      const eventParams = eventRows.flatMap((event, i) => {
        const caseId = idByCaseNo.get(caseNos[i]);
        if (caseId === undefined) throw new Error(`raw insert returned no id for case ${caseNos[i]}`);
        return [caseId, ...event];
      });
      await query(insertEvents, eventParams);
    });
    runs.push(performance.now() - started);
  }
  const rawMs = median(runs);

  await assertSameRows(open, description(0));

  const written =
    INTAKE_WARMUP +
    3 * INTAKE_CASES +
    2 * STREAM_ROUNDS * STREAM_CASES +
    RAW_REPEATS * INTAKE_CASES +
    2 * RAW_PER_CASE +
    profile.reports +
    PROFILE_WARMUP;
  const after = await countRows();
  if (after.cases - before.cases !== written || after.events - before.events !== written) {
    throw new Error(
      `intake wrote ${after.cases - before.cases} cases and ${after.events - before.events} events, expected ${written} of each`,
    );
  }

  return {
    category: { code: category.code, name: category.name },
    grids: targets.length,
    sequential,
    concurrent,
    concurrentApart,
    raw: {
      ...throughput(INTAKE_CASES, rawMs),
      repeats: RAW_REPEATS,
      minMs: Math.min(...runs),
      maxMs: Math.max(...runs),
    },
    rawPerCase,
    stream,
    profile,
  };
}
