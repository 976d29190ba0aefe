/**
 * `pnpm bench`: migrate + seed the demo city on a fresh database of each kind, then
 * time login and scoped list queries through the real HTTP stack. Prints figures only.
 */
import { cpus, platform, release, totalmem } from 'node:os';
import { migrateDatabase } from '../packages/db/src/client';
import { type SeedCounts, seedDemoCity } from '../packages/db/src/seed/seed-demo-city';
import { benchAuthAndLists, type HttpFigures, LIST_CALLS, LOGINS, TREE_CALLS, WARMUP } from './auth-and-lists';
import { type BenchDatabase, checkPostgres, openFreshPglite, openFreshPostgres } from './databases';
import { formatMs, formatSummary, type Summary, timed } from './stats';

interface PassResult {
  label: string;
  openMs: number;
  migrateMs: number;
  seedMs: number;
  counts: SeedCounts;
  http: HttpFigures;
}

function line(label: string, s: Summary, extra = ''): string {
  return `    ${label.padEnd(36)} p50 ${formatMs(s.p50).padStart(6)}  p95 ${formatMs(s.p95).padStart(6)}  min ${formatMs(s.min).padStart(6)}  max ${formatMs(s.max).padStart(6)} ms  (n=${s.n})${extra}`;
}

async function runPass(label: string, openFresh: () => Promise<BenchDatabase>): Promise<PassResult> {
  console.log(`\n== ${label}`);
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
    return { label, openMs: opened.ms, migrateMs: migrated.ms, seedMs: seeded.ms, counts: c, http };
  } finally {
    await database.dispose();
  }
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

async function main(): Promise<void> {
  const cpu = cpus();
  console.log('citygov bench');
  console.log(
    `machine: ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, node ${process.version}`,
  );
  console.log(
    `loops: ${LOGINS} logins, ${LIST_CALLS} × users.list per account, ${TREE_CALLS} × org.areaTree and geo.areas; ${WARMUP} unmeasured warm-up calls per query loop (2 for login)`,
  );

  const results: PassResult[] = [];
  results.push(await runPass('pglite', openFreshPglite));

  const postgres = await checkPostgres();
  if (postgres.ok) {
    console.log(`\npostgres server ${postgres.version}`);
    results.push(await runPass('postgres', openFreshPostgres));
  } else {
    console.log(`\n== postgres: SKIPPED — ${postgres.reason}`);
  }

  printTable(results);
  console.log('login time is mostly bcrypt (cost 10, pure-JS bcryptjs); see the bcrypt.compare line of each pass.');
}

main().catch((error: unknown) => {
  console.error('[bench] failed:', error);
  process.exit(1);
});
