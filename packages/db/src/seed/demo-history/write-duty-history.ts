/**
 * Writes the demo field staff's week of duty (duty-history.ts) into a demo city without
 * any: 上岗/下岗 log, duty state, GPS fixes and the finished days' 巡查里程, in one
 * transaction of batched statements (one JSON parameter each, the same SQL on PGlite and
 * PostgreSQL). A database with duty history already is left alone.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../client';
import { DEMO_ACCOUNTS } from '../demo-accounts';
import { type DutyGrid, type DutyPerson, generateDutyHistory } from './duty-history';

export interface DutyProgress {
  phase: 'generate' | 'duty' | 'positions' | 'analyse';
  done: number;
  total: number;
  ms: number;
}

export interface DutyFigures {
  people: number;
  changes: number;
  fixes: number;
  ms: number;
  /** Whether anything was written (false when there was duty history already). */
  written: boolean;
}

const POSITION_BATCH = 10_000;

function insertJson(table: string, columns: readonly string[], rows: readonly unknown[]) {
  const list = columns.join(', ');
  return sql`insert into ${sql.raw(table)} (${sql.raw(list)})
    select ${sql.raw(list)} from json_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(rows)}::json)`;
}

/** The demo's street staff (监督员, 街长/片长) with the grids of their street. */
export async function loadDutyPeople(db: Database): Promise<DutyPerson[]> {
  const people = rowsOf<{ id: number; username: string; street_path: string }>(
    await db.execute(sql`
      select u.id, u.username, a.path as street_path from users u join areas a on a.id = u.area_id
      where u.active and u.role in ('collector', 'street_chief') and a.level = 'street' order by u.id`),
  );
  const paths = [...new Set(people.map((p) => p.street_path))];
  const gridsOf = new Map<string, DutyGrid[]>();
  for (const path of paths) {
    const grids = rowsOf<{ id: number; boundary: number[][][] | string; lng: number; lat: number }>(
      await db.execute(sql`
        select id, boundary, center_lng as lng, center_lat as lat from areas
        where level = 'grid' and path like ${`${path}%`} and boundary is not null order by id`),
    );
    gridsOf.set(
      path,
      grids.map((g) => {
        const boundary = typeof g.boundary === 'string' ? (JSON.parse(g.boundary) as number[][][]) : g.boundary;
        return { id: g.id, ring: boundary[0] ?? [], lng: Number(g.lng), lat: Number(g.lat) };
      }),
    );
  }
  const accounts = new Map(DEMO_ACCOUNTS.map((a) => [a.username, a]));
  return people.map((p) => {
    const account = accounts.get(p.username);
    const night = account?.title === '夜班街长';
    return {
      id: p.id,
      night,
      wholeStreet: night || account?.chiefPost?.level === 'street',
      grids: gridsOf.get(p.street_path) ?? [],
    };
  });
}

/** Seeds the last `days` China days and today up to `now` of on-duty and patrol history. */
export async function seedDemoDuty(
  db: Database,
  options: { now?: Date; seed?: number; days?: number; onProgress?: (progress: DutyProgress) => void } = {},
): Promise<DutyFigures> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const report = (phase: DutyProgress['phase'], done: number, total: number) =>
    options.onProgress?.({ phase, done, total, ms: elapsed() });
  const [existing] = rowsOf<{ any: boolean }>(
    await db.execute(
      sql`select exists (select 1 from staff_duty_log) or exists (select 1 from staff_positions) as any`,
    ),
  );
  if (existing?.any) return { people: 0, changes: 0, fixes: 0, ms: elapsed(), written: false };
  const people = await loadDutyPeople(db);
  const history = generateDutyHistory(people, {
    nowMs: (options.now ?? new Date()).getTime(),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.days === undefined ? {} : { days: options.days }),
  });
  report('generate', history.positions.length, history.positions.length);
  await db.transaction(async (tx) => {
    if (history.log.length > 0)
      await tx.execute(insertJson('staff_duty_log', ['user_id', 'on_duty', 'at', 'auto_off_minutes'], history.log));
    if (history.duty.length > 0)
      await tx.execute(insertJson('staff_duty', ['user_id', 'on_duty', 'since'], history.duty));
    report('duty', history.log.length, history.log.length);
    const { positions } = history;
    for (let i = 0; i < positions.length; i += POSITION_BATCH) {
      const columns = ['user_id', 'lng', 'lat', 'accuracy_m', 'at', 'received_at'];
      await tx.execute(insertJson('staff_positions', columns, positions.slice(i, i + POSITION_BATCH)));
      report('positions', Math.min(i + POSITION_BATCH, positions.length), positions.length);
    }
    // The finished days' cache rows, as 在岗统计 would keep them (same domain rule).
    if (history.patrolDays.length > 0) {
      const columns = ['user_id', 'day', 'mileage_m', 'fixes'];
      const rows = history.patrolDays.map((d) => ({
        user_id: d.user_id,
        day: d.day,
        mileage_m: d.mileageM,
        fixes: d.fixes,
      }));
      await tx.execute(insertJson('staff_patrol_days', columns, rows));
    }
  });
  report('analyse', 0, 1);
  await db.execute(sql`analyze staff_positions`);
  report('analyse', 1, 1);
  const figures = { people: people.length, changes: history.log.length, fixes: history.positions.length };
  return { ...figures, ms: elapsed(), written: true };
}
