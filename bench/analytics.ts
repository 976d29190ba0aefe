/**
 * 统计分析 and 综合查询 after the many-cases load (run after bench/wall.ts, whose backfill
 * fills the wall's rows of the rollup): each analytics query of a three-month period as
 * the city leader and a district leader, the drill-down, and full-text search, against raw
 * baselines counted and matched straight from `cases` in the same run.
 *
 * The SQL load writes no events, so the analytics rows of the rollup (week × hour, grid,
 * 50 m spot, close-duration buckets, monthly category closes) are filled from the cases
 * with INSERT … SELECT, and the search index from each distinct description and address
 * segmented once in Node (the load draws its texts from a few thousand phrases).
 */

import { analyticsCases } from '../apps/bff/src/modules/analytics/analytics-cases';
import type { Period } from '../apps/bff/src/modules/analytics/analytics-period';
import {
  byArea,
  byCategory,
  byDay,
  bySource,
  disposalEfficiency,
  hotGrids,
  periodSummary,
  repeatPoints,
  risingWarnings,
  weekHour,
} from '../apps/bff/src/modules/analytics/analytics-queries';
import { loadSessionUser } from '../apps/bff/src/modules/auth/session-store';
import { searchCases } from '../apps/bff/src/modules/search/search-cases';
import { caseLexemes, searchIndexOf, tsvectorLiteral } from '../apps/bff/src/modules/search/search-index';
import { resolveWallArea, type WallArea } from '../apps/bff/src/modules/wall/api';
import { type OpenDatabase, rowsOf } from '../packages/db/src/client';
import {
  DEFAULT_REPEAT_RULES,
  DEFAULT_TREND_RULES,
  DURATION_BUCKET_HOURS,
} from '../packages/domain/src/analytics/analytics-rules';
import { chinaDate } from '../packages/domain/src/deadlines/china-time';
import { measureLoop, type Summary, timed } from './stats';

export const ANALYTICS_CALLS = 20;
const WARMUP = 2;

export interface AnalyticsFigures {
  backfillMs: number;
  searchIndexMs: number;
  searchRows: number;
  distinctTexts: number;
  /** Query name → [city, district]. */
  queries: [string, Summary, Summary][];
  raw: [string, Summary][];
}

const CHINA = (column: string) => `(${column} at time zone 'Asia/Shanghai')`;
const MONTH = (column: string) => `date_trunc('month', ${CHINA(column)})::date`;

async function backfillRollup(open: OpenDatabase) {
  const db = open.db;
  await db.execute(`delete from wall_daily_counts where dimension in ('week_hour', 'grid', 'spot', 'duration')
    or (dimension = 'category' and measure <> 'reported')`);
  const insert = (dimension: string, measure: string, key: string, column: string, extra = '') =>
    db.execute(
      `insert into wall_daily_counts (dimension, measure, day, district_id, street_id, key, n)
       select '${dimension}', '${measure}', ${MONTH(column)}, district_id, street_id, ${key}, count(*)
       from cases where ${column} is not null ${extra} group by 3, 4, 5, 6`,
    );
  await insert(
    'week_hour',
    'reported',
    `extract(dow from ${CHINA('reported_at')})::int || '-' || lpad(extract(hour from ${CHINA('reported_at')})::int::text, 2, '0')`,
    'reported_at',
  );
  await insert('grid', 'reported', 'grid_id::text', 'reported_at');
  // The 50 m cell as spotCell computes it (packages/domain analytics-rules.ts).
  await insert(
    'spot',
    'reported',
    `kind || ':' || category_code || '|' || floor(lng * 111320 * cos(radians(30)) / 50)::bigint || ',' || floor(lat * 111320 / 50)::bigint`,
    'reported_at',
  );
  const bucket = `(case ${DURATION_BUCKET_HOURS.map((h, i) => `when extract(epoch from closed_at - reported_at) / 3600 <= ${h} then ${i}`).join(' ')} else ${DURATION_BUCKET_HOURS.length} end)`;
  await insert('duration', 'closed', `'|' || ${bucket}`, 'closed_at');
  await insert('duration', 'closed', `'c:' || kind || ':' || category_code || '|' || ${bucket}`, 'closed_at');
  await insert(
    'duration',
    'closed',
    `'d:' || lead_department_id || '|' || ${bucket}`,
    'closed_at',
    'and lead_department_id is not null',
  );
  await insert('category', 'closed', `kind || ':' || category_code`, 'closed_at');
  await insert(
    'category',
    'closed_on_time',
    `kind || ':' || category_code`,
    'closed_at',
    'and not supervised and (stage_deadline_at is null or stage_deadline_at >= closed_at)',
  );
  await insert(
    'department',
    'closed_on_time',
    'lead_department_id::text',
    'closed_at',
    'and lead_department_id is not null and not supervised',
  );
  // As autovacuum would after so many inserts: without the visibility map the spot index
  // (repeat points) cannot answer index-only, and the figures would be a fresh load's.
  await db.execute('vacuum analyze wall_daily_counts');
}

async function backfillSearch(open: OpenDatabase) {
  const db = open.db;
  // The demo city's own cases come with events: the consumer indexes them.
  await searchIndexOf(db).catchUp();
  await db.execute('create unlogged table bench_texts (text text primary key, tokens tsvector not null)');
  const texts = rowsOf<{ text: string }>(
    await db.execute(`select description as text from cases group by 1 union select address from cases group by 1`),
  ).map((r) => r.text);
  for (let i = 0; i < texts.length; i += 500) {
    const chunk = texts.slice(i, i + 500);
    const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
    const values = chunk.map(
      (text) => `(${literal(text)}, ${literal(tsvectorLiteral(caseLexemes(text, '')))}::tsvector)`,
    );
    await db.execute(`insert into bench_texts (text, tokens) values ${values.join(', ')} on conflict do nothing`);
  }
  await db.execute(`insert into case_search (case_id, tokens)
    select c.id, d.tokens || a.tokens from cases c join bench_texts d on d.text = c.description join bench_texts a on a.text = c.address
    on conflict (case_id) do nothing`);
  await db.execute('drop table bench_texts');
  await db.execute('vacuum analyze case_search');
  const [row] = rowsOf<{ n: number }>(await db.execute('select count(*)::int as n from case_search'));
  return { rows: Number(row?.n ?? 0), texts: texts.length };
}

async function userNamed(open: OpenDatabase, username: string) {
  const account = await open.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, username) });
  const user = account ? await loadSessionUser(open.db, account.id) : null;
  if (!user) throw new Error(`no seeded ${username}`);
  return user;
}

function lastThreeMonths(now: Date): Period {
  const to = chinaDate(now).slice(0, 7);
  const index = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1 - 2;
  return { from: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, to };
}

export async function benchAnalytics(open: OpenDatabase): Promise<AnalyticsFigures> {
  const filled = await timed(() => backfillRollup(open));
  const indexed = await timed(() => backfillSearch(open));
  const period = lastThreeMonths(new Date());
  const db = open.db;
  const leader = await userNamed(open, 'leader');
  const districtLeader = await userNamed(open, 'linjiang.leader');
  const cityArea = await resolveWallArea(db, leader, undefined);
  const districtArea = await resolveWallArea(db, districtLeader, undefined);
  const [topCategory] = await byCategory(db, districtArea, period, 1);
  const calls: [string, (area: WallArea, user: typeof leader) => Promise<unknown>][] = [
    ['analytics: summary', (a) => periodSummary(db, a, period)],
    ['analytics: by day', (a) => byDay(db, a, period)],
    ['analytics: by category (TOP25)', (a) => byCategory(db, a, period)],
    ['analytics: by source', (a) => bySource(db, a, period)],
    ['analytics: by area', (a) => byArea(db, a, period)],
    ['analytics: week × hour', (a) => weekHour(db, a, period)],
    ['analytics: high-incidence grids', (a) => hotGrids(db, a, period)],
    ['analytics: repeat points (≥3, 50 m)', (a) => repeatPoints(db, a, period, DEFAULT_REPEAT_RULES)],
    ['analytics: rising trends 同比/环比', (a) => risingWarnings(db, a, period, DEFAULT_TREND_RULES)],
    ['analytics: disposal efficiency P50/P90', (a) => disposalEfficiency(db, a, period)],
    [
      'analytics: drill-down, a category page 1',
      (a, u) => analyticsCases(db, u, a, period, { by: 'category', key: topCategory?.key ?? 'event:01001' }, 1, 20),
    ],
    [
      'analytics: drill-down, Monday 9 h page 1',
      (a, u) => analyticsCases(db, u, a, period, { by: 'weekHour', weekday: 1, hour: 9 }, 1, 20),
    ],
    ['search: 占道经营 (common)', (_a, u) => searchCases(db, u, { q: '占道经营', page: 1, pageSize: 20 })],
    ['search: 井盖 公交站台 (two words)', (_a, u) => searchCases(db, u, { q: '井盖 公交站台', page: 1, pageSize: 20 })],
    [
      'search: fuzzy 垃圾桶满溢出来了吗',
      (_a, u) => searchCases(db, u, { q: '垃圾桶满溢出来了吗', page: 1, pageSize: 20 }),
    ],
  ];
  const queries: AnalyticsFigures['queries'] = [];
  for (const [name, call] of calls) {
    const city = await measureLoop(ANALYTICS_CALLS, WARMUP, async () => {
      await call(cityArea, leader);
    });
    const district = await measureLoop(ANALYTICS_CALLS, WARMUP, async () => {
      await call(districtArea, districtLeader);
    });
    queries.push([name, city, district]);
  }
  const from = `'${period.from}-01'::date`;
  const raw: AnalyticsFigures['raw'] = [
    [
      'raw: 3-month category counts from cases (city)',
      await measureLoop(5, 1, async () => {
        await db.execute(
          `select kind, category_code, count(*) from cases where reported_at >= ${from} group by 1, 2 order by 3 desc limit 25`,
        );
      }),
    ],
    [
      'raw: 3-month week × hour from cases (city)',
      await measureLoop(5, 1, async () => {
        await db.execute(
          `select extract(dow from reported_at), extract(hour from reported_at), count(*) from cases where reported_at >= ${from} group by 1, 2`,
        );
      }),
    ],
    [
      "raw: description like '%占道经营%' page 1 + count",
      await measureLoop(5, 1, async () => {
        await db.execute(`select id from cases where description like '%占道经营%' order by reported_at desc limit 20`);
        await db.execute(`select count(*) from cases where description like '%占道经营%'`);
      }),
    ],
  ];
  return {
    backfillMs: filled.ms,
    searchIndexMs: indexed.ms,
    searchRows: indexed.value.rows,
    distinctTexts: indexed.value.texts,
    queries,
    raw,
  };
}
