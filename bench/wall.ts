/**
 * The wall's full refresh (`wall.view`: rollup catch-up + every panel) after the many-cases
 * load, as the city leader and as a district leader, against a raw baseline in the same
 * run: today's KPI counts and the 30-day category TOP10 counted straight from `cases`.
 * The SQL load writes no events, so the rollup is first filled from the cases with one
 * INSERT … SELECT (what the consumer would have written), and its cursor set to the head.
 */
import { loadSessionUser } from '../apps/bff/src/modules/auth/session-store';
import { resolveWallArea } from '../apps/bff/src/modules/wall/wall-area';
import { wallRollupOf } from '../apps/bff/src/modules/wall/wall-rollup-runner';
import { loadWall } from '../apps/bff/src/modules/wall/wall-view';
import type { OpenDatabase } from '../packages/db/src/client';
import { measureLoop, type Summary, timed } from './stats';

export const WALL_CALLS = 30;
const WARMUP = 3;

export interface WallFigures {
  backfillMs: number;
  rollupRows: number;
  city: Summary;
  district: Summary;
  rawKpi: Summary;
  rawCategories: Summary;
}

const CHINA_DAY = (column: string) => `(${column} at time zone 'Asia/Shanghai')::date`;

async function backfill(open: OpenDatabase) {
  const db = open.db;
  await db.execute('truncate wall_daily_counts');
  const insert = (dimension: string, key: string, measure: string, column: string, extra = '') =>
    db.execute(
      `insert into wall_daily_counts (dimension, measure, day, district_id, street_id, key, n)
       select '${dimension}', '${measure}', ${dimension === 'category' ? `date_trunc('month', ${CHINA_DAY(column)})::date` : CHINA_DAY(column)}, district_id, street_id, ${key}, count(*)
       from cases where ${column} is not null ${extra} group by 3, 4, 5, 6`,
    );
  for (const [measure, column] of [
    ['reported', 'reported_at'],
    ['filed', 'filed_at'],
    ['dispatched', 'dispatched_at'],
    ['closed', 'closed_at'],
  ] as const) {
    await insert('all', "''", measure, column);
    if (measure === 'reported') {
      await insert('category', "kind || ':' || category_code", measure, column);
      await insert('source', 'source', measure, column);
    }
    if (measure === 'dispatched' || measure === 'closed') {
      await insert('department', 'lead_department_id::text', measure, column, 'and lead_department_id is not null');
    }
  }
  await db.execute(
    `insert into case_event_consumers (name, position) values ('wall-rollup', (select coalesce(max(seq), 0) from case_events))
     on conflict (name) do update set position = excluded.position`,
  );
  await db.execute('analyze wall_daily_counts');
  const result = await db.execute('select count(*)::int as n from wall_daily_counts');
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number | string }[];
  return Number(rows[0]?.n ?? 0);
}

async function userNamed(open: OpenDatabase, username: string) {
  const account = await open.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, username) });
  const user = account ? await loadSessionUser(open.db, account.id) : null;
  if (!user) throw new Error(`no seeded ${username}`);
  return user;
}

export async function benchWall(open: OpenDatabase): Promise<WallFigures> {
  const filled = await timed(() => backfill(open));
  const refresh = async (username: string) => {
    const user = await userNamed(open, username);
    const area = await resolveWallArea(open.db, user, undefined);
    return measureLoop(WALL_CALLS, WARMUP, async () => {
      await wallRollupOf(open.db).catchUp();
      await loadWall(open.db, user, area, new Date());
    });
  };
  const city = await refresh('leader');
  const district = await refresh('linjiang.leader');
  const rawKpi = await measureLoop(WALL_CALLS, WARMUP, async () => {
    await open.db.execute(
      `select count(*) filter (where reported_at >= date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as reported,
              count(*) filter (where filed_at >= date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as filed,
              count(*) filter (where closed_at >= date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as closed
       from cases`,
    );
  });
  const rawCategories = await measureLoop(WALL_CALLS, WARMUP, async () => {
    await open.db.execute(
      `select kind, category_code, count(*) from cases where reported_at >= now() - interval '30 days'
       group by 1, 2 order by 3 desc limit 10`,
    );
  });
  return { backfillMs: filled.ms, rollupRows: filled.value, city, district, rawKpi, rawCategories };
}
