/**
 * 在岗统计 over a month: every field worker of the demo city with a GPS fix every 10 s
 * for 8 h a day over the last 31 China days (today included), then the city dispatcher's
 * report of the whole range — the first call (which computes and keeps each finished day),
 * then the calls after it — against a raw baseline in the same run: reading the range's
 * fixes once (what the report did before it kept finished days), with the heap that takes.
 *
 * Environment: BENCH_DUTY_FIX_SECONDS (10), BENCH_DUTY_DAYS (31).
 */
import { loadSessionUser } from '../apps/bff/src/modules/auth/session-store';
import { dutyReport } from '../apps/bff/src/modules/staff/duty-report';
import { FIELD_ROLES } from '../apps/bff/src/modules/staff/staff-positions';
import { migrateDatabase, rowsOf } from '../packages/db/src/client';
import { users } from '../packages/db/src/schema/auth';
import { staffPositions } from '../packages/db/src/schema/command';
import { seedDemoCity } from '../packages/db/src/seed/seed-demo-city';
import { chinaDate, chinaInstant, MS_PER_DAY } from '../packages/domain/src/deadlines/china-time';
import { type BenchDatabase, checkPostgres, openFreshPglite, openFreshPostgres } from './databases';
import { formatMs, formatSummary, measureLoop, timed } from './stats';

const FIX_SECONDS = Number(process.env.BENCH_DUTY_FIX_SECONDS ?? 10);
const DAYS = Number(process.env.BENCH_DUTY_DAYS ?? 31);
const REPORT_CALLS = 5;

function heapMiB(): number {
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function seedTracks(database: BenchDatabase, from: string, now: Date): Promise<number> {
  const { db } = database.open;
  const staff = await db.select({ id: users.id, role: users.role }).from(users);
  const ids = staff.filter((u) => (FIELD_ROLES as readonly string[]).includes(u.role)).map((u) => u.id);
  // Each person walks a slow circle from 08:00 China time; today's fixes stop at now.
  for (const id of ids) {
    await db.execute(sqlTrack(id, chinaInstant(from), now));
  }
  return db.$count(staffPositions);
}

/** Our own numbers and ISO instants only, so the SQL is written out. */
function sqlTrack(userId: number, from: Date, now: Date): string {
  const perDay = Math.floor((8 * 3600) / FIX_SECONDS);
  const start = `'${from.toISOString()}'::timestamptz + (d * interval '1 day') + interval '8 hours' + (i * ${FIX_SECONDS} * interval '1 second')`;
  return `
    insert into staff_positions (user_id, lng, lat, accuracy_m, at)
    select ${userId}, 120.2 + 0.01 * cos(i / 200.0 + ${userId}), 30.25 + 0.01 * sin(i / 200.0 + ${userId}), 10,
           ${start}
    from generate_series(0, ${DAYS - 1}) d, generate_series(0, ${perDay - 1}) i
    where ${start} < '${now.toISOString()}'::timestamptz
    on conflict do nothing`;
}

async function benchOn(label: string, database: BenchDatabase): Promise<void> {
  const { db } = database.open;
  await migrateDatabase(database.open);
  await seedDemoCity(db);
  const now = new Date();
  const to = chinaDate(now);
  const from = chinaDate(new Date(now.getTime() - (DAYS - 1) * MS_PER_DAY));
  const seeded = await timed(() => seedTracks(database, from, now));
  const [viewerRow] = rowsOf<{ id: number }>(await db.execute("select id from users where username = 'dispatcher'"));
  const viewer = viewerRow ? await loadSessionUser(db, viewerRow.id) : null;
  if (!viewer) throw new Error('no city dispatcher in the demo city');
  console.log(
    `== ${label}: ${seeded.value.toLocaleString('en')} fixes (${DAYS} days, one per ${FIX_SECONDS} s for 8 h a day), seeded in ${formatMs(seeded.ms)} ms`,
  );

  const heapBefore = heapMiB();
  const raw = await timed(async () =>
    rowsOf<unknown>(
      await db.execute(
        `select user_id, lng, lat, at from staff_positions where at >= '${chinaInstant(from).toISOString()}'::timestamptz order by user_id, at`,
      ),
    ),
  );
  const rawHeap = heapMiB() - heapBefore;
  console.log(
    `raw baseline: the range's ${raw.value.length.toLocaleString('en')} fixes read once: ${formatMs(raw.ms)} ms, heap +${rawHeap.toFixed(0)} MiB`,
  );
  raw.value.length = 0;

  const input = { from, to };
  const first = await timed(() => dutyReport(db, viewer, input, now));
  console.log(
    `在岗统计, first call (computes and keeps ${DAYS - 1} finished days): ${formatMs(first.ms)} ms, ${first.value.rows.length} rows, ${Math.round(first.value.totals.mileageM / 1000).toLocaleString('en')} km (${(first.ms / raw.ms).toFixed(2)}× raw)`,
  );
  const again = await measureLoop(REPORT_CALLS, 1, async () => {
    await dutyReport(db, viewer, input, now);
  });
  console.log(
    `在岗统计, later calls (kept days, today live) p50/p95: ${formatSummary(again)} ms (${(again.p50 / raw.ms).toFixed(2)}× raw)`,
  );
}

/** `pnpm bench duty`: on PGlite, then on PostgreSQL when it runs. */
export async function benchDutyReport(): Promise<void> {
  const pglite = await openFreshPglite();
  try {
    await benchOn('pglite', pglite);
  } finally {
    await pglite.dispose();
  }
  const postgres = await checkPostgres();
  if (!postgres.ok) {
    console.log(`== postgres: SKIPPED — ${postgres.reason}`);
    return;
  }
  const server = await openFreshPostgres();
  try {
    await benchOn('postgres', server);
  } finally {
    await server.dispose();
  }
}
