/**
 * Writes the demo history (a year of cases with their timelines) into a database that
 * holds the demo city and no cases yet: generated in memory (generate-history.ts), then
 * bulk-loaded in batches, one JSON parameter per statement (json_populate_recordset),
 * the same SQL on PGlite and PostgreSQL. Stream positions are written with the events in
 * time order (the per-row commit trigger that gives live events their position is held
 * off for the load, and the stream head set after), case number counters continue after
 * the history, and the tables are analysed at the end.
 */

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CaseStage, Urgency } from '@citygov/domain/cases/case-states';
import type { LimitUnit } from '@citygov/domain/deadlines/time-limits';
import { createWorkingCalendar } from '@citygov/domain/deadlines/working-calendar';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../client';
import { generateHistory } from './generate-history';
import type { DistrictStaff, HistoryContext, HistoryDepartment, HistoryPerson, SampleReport } from './history-context';
import { limitKey } from './history-context';

export interface HistoryProgress {
  phase: 'generate' | 'cases' | 'events' | 'analyse';
  done: number;
  total: number;
  ms: number;
}

export interface HistoryFigures {
  cases: number;
  events: number;
  ms: number;
  /** Whether anything was written (false when cases were there already). */
  written: boolean;
}

/** Rows per statement: one JSON document each, a few MB at most. */
const CASE_BATCH = 2_500;
const EVENT_BATCH = 10_000;

const SAMPLES_URL = new URL('../sample-reports-zh.jsonl', import.meta.url);

function loadSamples(): SampleReport[] {
  return readFileSync(SAMPLES_URL, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as SampleReport);
}

/** Reads what the history is drawn from out of the seeded demo city. */
export async function loadHistoryContext(db: Database): Promise<HistoryContext> {
  const q = async <T>(text: string) => rowsOf<T>(await db.execute(sql.raw(text)));
  const grids = await q<{
    id: number;
    community_id: number;
    street_id: number;
    district_id: number;
    name: string;
    lng: number;
    lat: number;
  }>(`
    select g.id, g.parent_id as community_id, c.parent_id as street_id, s.parent_id as district_id,
           g.name, g.center_lng as lng, g.center_lat as lat
    from areas g join areas c on c.id = g.parent_id join areas s on s.id = c.parent_id
    where g.level = 'grid' order by g.id`);
  const categories = await q<{ kind: 'component' | 'event'; code: string; name: string }>(
    'select kind, code, name from categories order by kind, code',
  );
  const limitRows = await q<{
    kind: string;
    code: string;
    urgency: Urgency;
    stage: CaseStage;
    amount: number;
    unit: LimitUnit;
  }>('select kind, code, urgency, stage, amount, unit from category_time_limits');
  const people = await q<{
    id: number;
    name: string;
    role: string;
    area_level: string;
    area_id: number;
    district_id: number | null;
    department_id: number | null;
  }>(`
    select u.id, u.display_name as name, u.role, a.level as area_level, a.id as area_id,
           nullif(split_part(a.path, '/', 3), '')::int as district_id, u.department_id
    from users u join areas a on a.id = u.area_id where u.active order by u.id`);
  const departments = await q<{ id: number; name: string; district_id: number }>(`
    select d.id, d.name, d.area_id as district_id from departments d join areas a on a.id = d.area_id
    where a.level = 'district' and d.kind = 'professional' order by d.id`);

  const districts = new Map<number, DistrictStaff>();
  const staffOf = (districtId: number) => {
    let staff = districts.get(districtId);
    if (!staff) {
      staff = { people: {}, streetCollectors: new Map(), departments: [] };
      districts.set(districtId, staff);
    }
    return staff as {
      people: DistrictStaff['people'];
      streetCollectors: Map<number, HistoryPerson>;
      departments: HistoryDepartment[];
    };
  };
  const handlers = new Map<number, HistoryPerson>();
  const roleKey = {
    acceptor: 'acceptor',
    shift_lead: 'shiftLead',
    dispatcher: 'dispatcher',
    leader: 'leader',
    collector: 'collector',
  } as const;
  for (const p of people) {
    if (p.district_id === null) continue;
    const person = { id: p.id, name: p.name };
    if (p.role === 'dept_handler' && p.department_id !== null) handlers.set(p.department_id, person);
    const key = roleKey[p.role as keyof typeof roleKey];
    if (!key) continue;
    const staff = staffOf(p.district_id);
    if (key === 'collector' && p.area_level === 'street') staff.streetCollectors.set(p.area_id, person);
    staff.people[key] ??= person;
  }
  for (const d of departments) {
    staffOf(d.district_id).departments.push({ id: d.id, name: d.name, handler: handlers.get(d.id) ?? null });
  }
  return {
    grids: grids.map((g) => ({
      id: g.id,
      communityId: g.community_id,
      streetId: g.street_id,
      districtId: g.district_id,
      name: g.name,
      lng: Number(g.lng),
      lat: Number(g.lat),
    })),
    categories,
    limits: new Map(
      limitRows.map((l) => [limitKey(l.kind, l.code, l.urgency, l.stage), { amount: l.amount, unit: l.unit }]),
    ),
    districts,
    samples: loadSamples(),
  };
}

const CASE_COLUMNS = [
  'id',
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
  'reporter_name',
  'reported_by',
  'tracking_code',
  'status',
  'version',
  'pending_kind',
  'pending_data',
  'check_result',
  'hung_up_from',
  'assignee_id',
  'lead_department_id',
  'forced',
  'merged_into_id',
  'stage',
  'stage_unit',
  'stage_started_at',
  'stage_warn_at',
  'stage_deadline_at',
  'paused_at',
  'supervised',
  'difficult',
  'reported_at',
  'filed_at',
  'dispatched_at',
  'closed_at',
  'updated_at',
];
const EVENT_COLUMNS = [
  'id',
  'seq',
  'case_id',
  'at',
  'actor_kind',
  'actor_id',
  'actor_name',
  'action',
  'label',
  'from_status',
  'to_status',
  'reason',
  'detail',
];

function insertJson(table: string, columns: readonly string[], rows: readonly unknown[]) {
  const list = columns.join(', ');
  return sql`insert into ${sql.raw(table)} (${sql.raw(list)})
    select ${sql.raw(list)} from json_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(rows)}::json)`;
}

/**
 * Seeds `count` cases over the year up to `now`, unless the database holds cases already
 * (then nothing is written: the history is for a fresh demo city only).
 */
export async function seedDemoHistory(
  db: Database,
  options: { count: number; now?: Date; seed?: number; onProgress?: (progress: HistoryProgress) => void },
): Promise<HistoryFigures> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const [existing] = rowsOf<{ any: boolean }>(await db.execute(sql`select exists (select 1 from cases) as any`));
  if (existing?.any) return { cases: 0, events: 0, ms: elapsed(), written: false };

  const context = await loadHistoryContext(db);
  const history = generateHistory(context, {
    count: options.count,
    nowMs: (options.now ?? new Date()).getTime(),
    calendar: createWorkingCalendar(),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  const report = (phase: HistoryProgress['phase'], done: number, total: number) =>
    options.onProgress?.({ phase, done, total, ms: elapsed() });
  report('generate', history.cases.length, history.cases.length);

  const { cases, events, caseDepartments } = history;
  for (let i = 0; i < cases.length; i += CASE_BATCH) {
    const batch = cases.slice(i, i + CASE_BATCH);
    const batchIds = new Set(batch.map((c) => c.id));
    await db.transaction(async (tx) => {
      await tx.execute(insertJson('cases', CASE_COLUMNS, batch));
      const departments = caseDepartments.filter((d) => batchIds.has(d.case_id));
      if (departments.length > 0) {
        await tx.execute(
          insertJson('case_departments', ['case_id', 'department_id', 'role', 'assigned_at'], departments),
        );
      }
    });
    report('cases', Math.min(i + CASE_BATCH, cases.length), cases.length);
  }
  for (let i = 0; i < events.length; i += EVENT_BATCH) {
    const batch = events.slice(i, i + EVENT_BATCH);
    await db.transaction(async (tx) => {
      // These events carry their stream positions already (time order); the trigger that
      // numbers events at commit would renumber them one by one.
      await tx.execute(sql`alter table case_events disable trigger case_events_assign_seq`);
      await tx.execute(insertJson('case_events', EVENT_COLUMNS, batch));
      await tx.execute(sql`alter table case_events enable trigger case_events_assign_seq`);
      const last = batch[batch.length - 1]?.seq ?? 0;
      await tx.execute(sql`update case_event_stream_head set seq = greatest(seq, ${last}) where id = 1`);
    });
    report('events', Math.min(i + EVENT_BATCH, events.length), events.length);
  }
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setval(pg_get_serial_sequence('cases', 'id'), ${Math.max(1, cases.length)})`);
    await tx.execute(sql`select setval(pg_get_serial_sequence('case_events', 'id'), ${Math.max(1, events.length)})`);
    for (const [year, last] of history.lastNumberByYear) {
      await tx.execute(sql`insert into case_number_counters (year, last) values (${year}, ${last})
        on conflict (year) do update set last = greatest(case_number_counters.last, excluded.last)`);
    }
  });
  report('analyse', 0, 1);
  await db.execute(sql`analyze cases`);
  await db.execute(sql`analyze case_events`);
  await db.execute(sql`analyze case_departments`);
  report('analyse', 1, 1);
  return { cases: cases.length, events: events.length, ms: elapsed(), written: true };
}
