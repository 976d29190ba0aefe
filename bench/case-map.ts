/**
 * 案件地图 latency: `caseMapPoints` (the caseMap.points procedure's body) called directly
 * after the many-cases load, as the city leader and a district shift lead, with no
 * filter, a status filter, a visible-area box and a drawn polygon around a district's
 * busiest part. Standalone: `pnpm exec tsx bench/case-map.ts` (BENCH_CASES_POSTGRES,
 * default 1,000,000) on a fresh PostgreSQL database that is dropped afterwards.
 */
import { performance } from 'node:perf_hooks';
import { loadSessionUser } from '../apps/bff/src/modules/auth/session-store';
import { caseMapPoints } from '../apps/bff/src/modules/case-map/case-map-points';
import type { TCaseMapPointsInput } from '../apps/bff/src/modules/case-map/case-map-schemas';
import { migrateDatabase, type OpenDatabase, rowsOf } from '../packages/db/src/client';
import { seedDemoCity } from '../packages/db/src/seed/seed-demo-city';
import { openFreshPostgres } from './databases';
import { seedManyCases } from './many-cases';
import { captureQueries, explainQuery } from './query-plans';
import { type Summary, summarise } from './stats';

const CALLS = 20;

async function userNamed(open: OpenDatabase, username: string) {
  const account = await open.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, username) });
  const user = account ? await loadSessionUser(open.db, account.id) : null;
  if (!user) throw new Error(`no seeded ${username}`);
  return user;
}

export async function benchCaseMap(open: OpenDatabase): Promise<Record<string, Summary & { points: number }>> {
  const leader = await userNamed(open, 'leader');
  const shiftLead = await userNamed(open, 'linjiang.shift_lead');
  const [centre] = rowsOf<{ lng: number; lat: number }>(
    await open.db.execute(`select avg(lng) as lng, avg(lat) as lat from cases where district_id = ${shiftLead.areaId}`),
  );
  const lng = Number(centre?.lng);
  const lat = Number(centre?.lat);
  const d = 0.01;
  const polygon: [number, number][] = [
    [lng - d, lat - d],
    [lng + d, lat - d * 0.5],
    [lng + d * 0.8, lat + d],
    [lng - d * 0.6, lat + d * 0.7],
  ];
  const calls: [string, typeof leader, TCaseMapPointsInput][] = [
    ['city, no filter', leader, {}],
    ['district, no filter', shiftLead, {}],
    ['district, 处置中', shiftLead, { statuses: ['handling'] }],
    ['district, visible box', shiftLead, { bbox: [lng - d, lat - d, lng + d, lat + d] }],
    ['district, drawn polygon', shiftLead, { polygon }],
    ['city, polygon + 30 days', leader, { polygon, from: '2026-11-01', to: '2026-11-30' }],
  ];
  const figures: Record<string, Summary & { points: number }> = {};
  for (const [name, user, input] of calls) {
    const samples: number[] = [];
    let points = 0;
    for (let i = 0; i < CALLS + 2; i++) {
      const started = performance.now();
      const answer = await caseMapPoints(open.db, user, input);
      if (i >= 2) samples.push(performance.now() - started);
      points = answer.points.length;
    }
    figures[name] = { ...summarise(samples), points };
    if (process.env.BENCH_EXPLAIN) {
      const { queries, explain } = await captureQueries(open, (db) => caseMapPoints(db, user, input));
      for (const query of queries) {
        const plan = await explainQuery(explain, query);
        console.log(
          `  ${name}: ${plan.spine} — ${plan.executionMs.toFixed(1)} ms, ${plan.sharedHit + plan.sharedRead} pages`,
        );
      }
    }
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = Number(process.env.BENCH_CASES_POSTGRES ?? 1_000_000);
  const database = await openFreshPostgres();
  try {
    await migrateDatabase(database.open);
    await seedDemoCity(database.open.db);
    const started = performance.now();
    await seedManyCases(database.open, total, 10, () => {});
    console.log(`loaded ${total.toLocaleString('en')} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const figures = await benchCaseMap(database.open);
    for (const [name, f] of Object.entries(figures)) {
      console.log(`${name.padEnd(28)} p50 ${f.p50.toFixed(1)} ms  p95 ${f.p95.toFixed(1)} ms  (${f.points} points)`);
    }
  } finally {
    await database.dispose();
  }
}
