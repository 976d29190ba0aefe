/**
 * Alarm bursts (告警批量接入) on PostgreSQL: machine alarms sent over HTTP to
 * `POST /api/alarms/batch` (signed batches, a few requests in flight) from a few hundred
 * cameras standing on the city's grid centres, each seeing its stall again and again.
 * Prints the sustained alarms/s, the cases they became, the rows checked (alarm rows ==
 * alarms sent), and a raw baseline: multi-row INSERTs of the same alarm rows straight to
 * the driver. Standalone: `BENCH_ALARMS=100000 pnpm exec tsx bench/alarm-burst.ts`
 * (BENCH_ALARM_SUBJECTS, BENCH_ALARM_BATCH, BENCH_ALARM_IN_FLIGHT) on a fresh database
 * that is dropped afterwards. The server runs in this process, so the client's JSON and
 * signing share its CPU (as the bench's other HTTP figures do). Two in flight by default:
 * on 2 cores a third and fourth request only queue for CPU (measured: 4 in flight was slower).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { signedHeaders } from '../apps/bff/src/adapters/signed-json-http';
import { loadConfig } from '../apps/bff/src/env';
import { ALARM_BATCH_PATH, ALARM_HEADERS } from '../apps/bff/src/modules/alarms/alarm-batch-contract';
import { migrateDatabase, type OpenDatabase, rowsOf } from '../packages/db/src/client';
import { seedDemoCity } from '../packages/db/src/seed/seed-demo-city';
import { openFreshPostgres } from './databases';
import { rawSql, valuesPlaceholders } from './raw-sql';
import { formatMs, type Summary, summarise } from './stats';
import { startServer } from './trpc-http';

function envInt(name: string, fallback: number, min: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export const ALARM_COUNT = envInt('BENCH_ALARMS', 100_000, 1_000, 10_000_000);
export const ALARM_SUBJECTS = envInt('BENCH_ALARM_SUBJECTS', 300, 1, 100_000);
export const ALARM_BATCH = envInt('BENCH_ALARM_BATCH', 1_000, 1, 1_000);
export const ALARM_IN_FLIGHT = envInt('BENCH_ALARM_IN_FLIGHT', 2, 1, 64);

export interface AlarmBurstFigures {
  alarms: number;
  ms: number;
  perSecond: number;
  /** After the first answer (the first batches open every camera's case): sightings only. */
  steady: { alarms: number; ms: number; perSecond: number };
  requests: Summary;
  counts: Record<string, number>;
  cases: number;
  alarmRows: number;
  sightingEvents: number;
  raw: { ms: number; perSecond: number };
}

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

interface BenchAlarm {
  sourceAlarmId: string;
  type: 'street_vending';
  deviceId: string;
  confidence: number;
  lng: number;
  lat: number;
  at: string;
  snapshotUrl: string;
}

export async function benchAlarmBurst(open: OpenDatabase): Promise<AlarmBurstFigures> {
  const grids = rowsOf<{ lng: number; lat: number }>(
    await open.db.execute(
      `select center_lng as lng, center_lat as lat from areas where level = 'grid' and center_lng is not null order by id`,
    ),
  );
  if (grids.length === 0) throw new Error('no grid centres');
  // One alarm every 10 ms of source time, cycling the cameras: each sees its stall again and again.
  const start = Date.now() - ALARM_COUNT * 10;
  const alarmAt = (i: number): BenchAlarm => {
    const subject = i % ALARM_SUBJECTS;
    const grid = grids[subject % grids.length] ?? { lng: 0, lat: 0 };
    return {
      sourceAlarmId: `bench-${i}`,
      type: 'street_vending',
      deviceId: `bench${String(subject).padStart(5, '0')}`,
      confidence: 0.9,
      lng: Number(grid.lng),
      lat: Number(grid.lat),
      at: new Date(start + i * 10).toISOString(),
      snapshotUrl: `https://ai.example.cn/snapshots/${i}.jpg`,
    };
  };
  // The source's bodies are ready before the clock starts (its JSON is not ours to time).
  const bodies: string[] = [];
  for (let i = 0; i < ALARM_COUNT; i += ALARM_BATCH) {
    const batch = Array.from({ length: Math.min(ALARM_BATCH, ALARM_COUNT - i) }, (_, k) => alarmAt(i + k));
    bodies.push(JSON.stringify({ alarms: batch }));
  }

  const config = loadConfig({ NODE_ENV: 'production', CITYGOV_DEMO_SEED: '0' });
  const server = await startServer(open.db);
  const counts: Record<string, number> = {};
  const samples: number[] = [];
  let ms: number;
  let startedAt = 0;
  let firstAnswer: { at: number; alarms: number } | null = null;
  let answered = 0;
  try {
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++] ?? '';
        const sent = performance.now();
        const res = await fetch(`${server.baseUrl}${ALARM_BATCH_PATH}`, {
          method: 'POST',
          headers: signedHeaders(ALARM_HEADERS, config.alarmIntake, {
            method: 'POST',
            target: ALARM_BATCH_PATH,
            idempotencyKey: randomUUID(),
            body,
          }),
          body,
        });
        const text = await res.text();
        if (res.status !== 200) throw new Error(`alarm batch: HTTP ${res.status}: ${text.slice(0, 300)}`);
        samples.push(performance.now() - sent);
        const answer = JSON.parse(text) as { received: number; counts: Record<string, number> };
        answered += answer.received;
        firstAnswer ??= { at: performance.now(), alarms: answered };
        for (const [outcome, n] of Object.entries(answer.counts)) counts[outcome] = (counts[outcome] ?? 0) + n;
      }
    };
    startedAt = performance.now();
    await Promise.all(Array.from({ length: ALARM_IN_FLIGHT }, worker));
    ms = performance.now() - startedAt;
  } finally {
    await server.close();
  }

  // Nothing lost: every alarm sent is a row, each on a case.
  const [check] = rowsOf<{ rows: number; cases: number; sightings: number }>(
    await open.db.execute(`select count(*)::int as rows, count(distinct case_id)::int as cases,
        (select count(*)::int from case_events where action = 'sighting') as sightings
      from alarms where subject like 'video:bench%'`),
  );
  if (!check || check.rows !== ALARM_COUNT) {
    throw new Error(`alarm burst: ${check?.rows ?? 0} alarm rows for ${ALARM_COUNT} alarms sent`);
  }

  // Raw baseline: the same alarm rows (columns as the intake writes them, on the cases just
  // made) in multi-row INSERTs of one batch each, sequential, straight to the driver.
  const caseOf = new Map(
    rowsOf<{ subject: string; case_id: number }>(
      await open.db.execute(
        `select subject, case_id from alarms where subject like 'video:bench%' and outcome = 'opened'`,
      ),
    ).map((r) => [r.subject, r.case_id]),
  );
  const columns = [
    'source',
    'type',
    'subject',
    'subject_name',
    'source_alarm_id',
    'confidence',
    'value',
    'lng',
    'lat',
    'at',
    'snapshot_attachment_id',
    'case_id',
    'outcome',
    'detail',
  ];
  const raw = rawSql(open);
  const rawStarted = performance.now();
  for (let i = 0; i < ALARM_COUNT; i += ALARM_BATCH) {
    const n = Math.min(ALARM_BATCH, ALARM_COUNT - i);
    const params = Array.from({ length: n }, (_, k) => {
      const a = alarmAt(i + k);
      const subject = `video:${a.deviceId}`;
      return [
        'video',
        a.type,
        subject,
        a.deviceId,
        `raw-${i + k}`,
        a.confidence,
        null,
        a.lng,
        a.lat,
        a.at,
        null,
        caseOf.get(subject) ?? null,
        'sighting',
        JSON.stringify({ snapshotUrl: a.snapshotUrl }),
      ];
    }).flat();
    await raw.query(
      `insert into alarms (${columns.join(', ')}) values ${valuesPlaceholders(n, columns.length)} on conflict do nothing`,
      params,
    );
  }
  const rawMs = performance.now() - rawStarted;

  const first = firstAnswer as { at: number; alarms: number } | null;
  const steadyAlarms = ALARM_COUNT - (first?.alarms ?? 0);
  const steadyMs = first ? ms - (first.at - startedAt) : ms;
  return {
    alarms: ALARM_COUNT,
    ms,
    perSecond: (ALARM_COUNT * 1000) / ms,
    steady: { alarms: steadyAlarms, ms: steadyMs, perSecond: (steadyAlarms * 1000) / steadyMs },
    requests: summarise(samples),
    counts,
    cases: check.cases,
    alarmRows: check.rows,
    sightingEvents: check.sightings,
    raw: { ms: rawMs, perSecond: (ALARM_COUNT * 1000) / rawMs },
  };
}

export function printAlarmBurst(f: AlarmBurstFigures): void {
  console.log(
    `  alarm bursts: ${thousands(f.alarms)} alarms from ${ALARM_SUBJECTS} cameras over HTTP (POST ${ALARM_BATCH_PATH}, ${ALARM_BATCH} per signed request, ${ALARM_IN_FLIGHT} in flight):`,
  );
  console.log(
    `    API                       ${thousands(f.alarms)} alarms in ${formatMs(f.ms)} ms = ${thousands(f.perSecond)} alarms/s sustained (request p50 ${formatMs(f.requests.p50)}, p95 ${formatMs(f.requests.p95)} ms)`,
  );
  console.log(
    `    after the first answer    ${thousands(f.steady.alarms)} alarms in ${formatMs(f.steady.ms)} ms = ${thousands(f.steady.perSecond)} alarms/s (sightings only; the first batches open the ${ALARM_SUBJECTS} cases)`,
  );
  console.log(
    `    became                    ${thousands(f.cases)} cases; outcomes ${Object.entries(f.counts)
      .filter(([, n]) => n > 0)
      .map(([o, n]) => `${o} ${thousands(n)}`)
      .join(', ')}; ${thousands(f.sightingEvents)} aggregated 再次告警 timeline rows`,
  );
  console.log(
    `    rows checked              ${thousands(f.alarmRows)} alarm rows == ${thousands(f.alarms)} alarms sent`,
  );
  console.log(
    `    raw SQL, multi-row INSERT ${thousands(f.alarms)} alarm rows in ${formatMs(f.raw.ms)} ms = ${thousands(f.raw.perSecond)} rows/s (${ALARM_BATCH} per statement, sequential)`,
  );
  console.log(`    raw / API: ${(f.raw.perSecond / f.perSecond).toFixed(1)}×`);
}

/** `pnpm bench` and standalone: a fresh PostgreSQL database with the demo city, dropped afterwards. */
export async function benchAlarmBurstOnPostgres(): Promise<void> {
  const database = await openFreshPostgres();
  try {
    console.log(`\n== alarm bursts on postgres: ${database.location}`);
    await migrateDatabase(database.open);
    await seedDemoCity(database.open.db);
    printAlarmBurst(await benchAlarmBurst(database.open));
  } finally {
    await database.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchAlarmBurstOnPostgres();
}
