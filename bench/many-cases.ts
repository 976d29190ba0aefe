/**
 * Fills `cases` with many synthetic but plausible cases, fast, in plain SQL
 * (`insert … select … from generate_series`), on a database that holds the demo city:
 *
 * - place: a random unit grid of the whole city, with its real community / street /
 *   district ids (arrays of grid ids and their parents' ids, indexed at random);
 * - status: mostly closed, some voided, a backlog in every open status;
 * - time: closed cases over the last 365 days, open ones recent; open cases run their
 *   stage clock (deadline, warn instant), about a fifth of them overdue; hung-up ones paused;
 * - who: collector reports carry the district's collector, hotline ones its acceptor;
 *   verify / check tasks are assigned to the collector;
 * - departments: a district professional department leads every case that was dispatched
 *   (open or closed), with its `case_departments` row (department staff's scope needs it).
 *
 * No timeline (`case_events`) rows: the list queries never read them.
 */
import { performance } from 'node:perf_hooks';
import { type OpenDatabase, rowsOf } from '../packages/db/src/client';

/** Cumulative status weights: [status, upper bound of its share of u in 0..1]. */
const STATUS_MIX: readonly (readonly [string, number])[] = [
  ['closed', 0.84],
  ['voided', 0.87],
  ['hung_up', 0.88],
  ['reported', 0.892],
  ['accepted', 0.898],
  ['verifying', 0.904],
  ['filed', 0.916],
  ['dispatched', 0.931],
  ['handling', 0.976],
  ['fed_back', 0.99],
  ['checking', 1],
];

/** Cumulative source weights. */
const SOURCE_MIX: readonly (readonly [string, number])[] = [
  ['collector', 0.55],
  ['hotline', 0.75],
  ['public', 0.83],
  ['video', 0.9],
  ['patrol', 0.94],
  ['iot', 0.97],
  ['leader', 0.99],
  ['media', 1],
];

const PHRASES = [
  '位于路口东北角',
  '靠近公交站台',
  '影响行人通行',
  '群众多次反映',
  '沿街店铺门前',
  '小区南门外侧',
  '已持续数日',
  '存在安全隐患',
];

/** Case numbers of seeded cases use this sequence range, far from the API counter's. */
const CASE_NO_OFFSET = 90_000_000;

/** Unindexed staging table the rows are generated into before they go to `cases` in time order. */
const STAGE = 'bench_case_stage';

/** Every column of `cases` the load writes, except the case number (numbered in time order on load). */
const CASE_COLUMNS = [
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
  'status',
  'version',
  'pending_kind',
  'check_result',
  'hung_up_from',
  'assignee_id',
  'lead_department_id',
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
] as const;

export interface ManyCasesFigures {
  cases: number;
  caseDepartments: number;
  insertMs: number;
  /** VACUUM (ANALYZE) of cases and case_departments after the load. */
  analyzeMs: number;
  /** Rows per status over the whole table (seeded and earlier cases), for the record. */
  statusMix: { status: string; n: number }[];
  /** Cases whose running clock is past its deadline (the overdue queue, city-wide). */
  overdue: number;
}

export interface SeedManyProgress {
  /** generate: rows staged so far; load: rows moved into `cases` so far. */
  phase: 'generate' | 'load';
  done: number;
  total: number;
  ms: number;
}

function caseWhen(column: string, mix: readonly (readonly [string, number])[]): string {
  const arms = mix.map(([value, upTo]) => `when ${column} < ${upTo} then '${value}'`);
  return `case ${arms.join(' ')} else '${mix[mix.length - 1]?.[0] ?? ''}' end`;
}

/** One statement: stage cases `first`..`last` (unordered, no indexes: fast). */
function generateChunkSql(first: number, last: number, now: string): string {
  const at = `'${now}'::timestamptz`;
  const phrases = `array[${PHRASES.map((p) => `'${p}'`).join(', ')}]`;
  return `
with g as (
  select array_agg(gr.id order by gr.id) as grid_ids,
         array_agg(gr.parent_id order by gr.id) as community_ids,
         array_agg(cm.parent_id order by gr.id) as street_ids,
         array_agg(st.parent_id order by gr.id) as district_ids,
         count(*)::int as n
  from areas gr
  join areas cm on cm.id = gr.parent_id
  join areas st on st.id = cm.parent_id
  where gr.level = 'grid'
),
cat as (select kind, code, name, (row_number() over (order by kind, code))::int as ci from categories),
catn as (select count(*)::int as n from categories),
staff as (
  select split_part(a.path, '/', 3)::int as district_id,
         min(u.id) filter (where u.role = 'collector') as collector_id,
         min(u.display_name) filter (where u.role = 'collector') as collector_name,
         min(u.id) filter (where u.role = 'acceptor') as acceptor_id,
         min(u.display_name) filter (where u.role = 'acceptor') as acceptor_name
  from users u join areas a on a.id = u.area_id
  where a.level in ('district', 'street')
  group by 1
),
dept as (
  select d.area_id as district_id, d.id,
         (row_number() over (partition by d.area_id order by d.id))::int - 1 as k,
         (count(*) over (partition by d.area_id))::int as n
  from departments d join areas a on a.id = d.area_id
  where a.level = 'district' and d.kind = 'professional'
),
draw as (
  select s, 1 + floor(random() * g.n)::int as gi, 1 + floor(random() * catn.n)::int as ci,
         random() as u_status, random() as u_source, random() as u_age, random() as u_elapsed,
         random() as u_limit, random() as u_flag, random() as u_dept, random() as u_extra, random() as u_text
  from generate_series(${first}, ${last}) as s, g, catn
),
placed as (
  select d.*,
         g.grid_ids[d.gi] as grid_id, g.community_ids[d.gi] as community_id,
         g.street_ids[d.gi] as street_id, g.district_ids[d.gi] as district_id,
         ${caseWhen('d.u_status', STATUS_MIX)} as status,
         ${caseWhen('d.u_source', SOURCE_MIX)} as source
  from draw d, g
),
staged as (
  select p.*,
         case p.status
           when 'reported' then 'accept' when 'accepted' then 'file' when 'verifying' then 'file'
           when 'filed' then 'dispatch' when 'dispatched' then 'handle' when 'handling' then 'handle'
           when 'hung_up' then 'handle' when 'checking' then 'check'
           when 'fed_back' then case when p.u_flag < 0.5 then 'close' else 'check' end
         end as stage,
         case p.status
           when 'reported' then 0 when 'accepted' then 1 when 'verifying' then 1 when 'filed' then 2
           when 'dispatched' then 3 when 'handling' then 3 when 'hung_up' then 3 else 4
         end as rank
  from placed p
),
limited as (
  select st.*,
         (case st.stage when 'handle' then 2 + st.u_limit * 118 when 'check' then 2 + st.u_limit * 46
            else 1 + st.u_limit * 23 end) * interval '1 hour' as stage_limit
  from staged st
),
clocked as (
  select l.*,
         case
           when l.stage is null then null
           when l.status = 'hung_up' then ${at} - interval '30 days' - l.u_age * interval '300 days'
           -- elapsed share of the limit in 0..1.25: a fifth of the running clocks are past the deadline
           else ${at} - l.stage_limit * (l.u_elapsed * 1.25)
         end as started
  from limited l
),
dated as (
  select c.*,
         case when c.stage is null then ${at} - c.u_age * interval '365 days'
              else c.started - c.rank * (0.2 + c.u_age) * interval '1 day' end as reported_at
  from clocked c
),
final as (
  select d.*,
         case when d.status in ('closed', 'voided')
              then least(${at}, d.reported_at + (2 + d.u_elapsed * 166) * interval '1 hour') end as closed_at
  from dated d
)
insert into ${STAGE} (${CASE_COLUMNS.join(', ')})
  select
    f.source, cat.kind, cat.code,
    case when f.u_extra < 0.05 then 'urgent' else 'normal' end,
    cat.name || '，' || (${phrases})[1 + floor(f.u_text * ${PHRASES.length})::int],
    gr.name || '附近',
    gr.center_lng, gr.center_lat,
    f.grid_id, f.community_id, f.street_id, f.district_id,
    case when f.source = 'collector' then staff.collector_name
         when f.source in ('hotline', 'leader', 'media') then staff.acceptor_name
         when f.source = 'public' then '市民' end,
    case when f.source = 'collector' then staff.collector_id
         when f.source in ('hotline', 'leader', 'media') then staff.acceptor_id end,
    f.status,
    case f.status when 'closed' then 9 when 'voided' then 4 else 1 + f.rank * 2 end,
    case
      when f.status in ('reported', 'accepted') and f.u_flag < 0.02 then 'void'
      when f.status = 'dispatched' and f.u_flag < 0.08 then 'return'
      when f.status = 'handling' and f.u_flag < 0.04 then 'extension'
      when f.status = 'handling' and f.u_flag < 0.06 then 'hang_up'
    end,
    case when f.status = 'closed' then 'passed'
         when f.status = 'fed_back' and f.u_flag < 0.5 then 'passed'
         when f.status = 'fed_back' and f.u_flag < 0.7 then 'failed' end,
    case when f.status = 'hung_up' then 'handling' end,
    case when f.status in ('verifying', 'checking') then staff.collector_id end,
    dept.id,
    f.stage,
    case when f.stage is null then null when f.stage = 'handle' then 'working_days' else 'working_hours' end,
    f.started,
    f.started + f.stage_limit * 0.8,
    f.started + f.stage_limit,
    case when f.status = 'hung_up' then f.started + f.stage_limit * 0.5 end,
    (f.stage is not null and f.u_extra > 0.97) or (f.stage is null and f.u_extra > 0.99),
    false,
    f.reported_at,
    case when f.status = 'closed' then f.reported_at + (f.closed_at - f.reported_at) * 0.2
         when f.rank >= 2 and f.status <> 'voided' then f.reported_at + (f.started - f.reported_at) * 0.4 end,
    case when f.status = 'closed' then f.reported_at + (f.closed_at - f.reported_at) * 0.3
         when f.rank = 3 or f.status in ('fed_back', 'checking') then f.reported_at + (f.started - f.reported_at) * 0.7 end,
    f.closed_at,
    coalesce(f.closed_at, f.started, f.reported_at)
  from final f
  join cat on cat.ci = f.ci
  join areas gr on gr.id = f.grid_id
  left join staff on staff.district_id = f.district_id
  left join dept on dept.district_id = f.district_id and dept.k = floor(f.u_dept * dept.n)::int
    and (f.status = 'closed' or (f.rank >= 3 and f.status <> 'voided'))`;
}

/**
 * Moves the staged rows with reported_at in (after, upTo] into `cases` in time order, numbering
 * them from `firstNo`, and writes the lead-department rows of those that were dispatched.
 */
function loadChunkSql(after: string | null, upTo: string, firstNo: number): string {
  const columns = CASE_COLUMNS.join(', ');
  const lower = after === null ? '' : `reported_at > '${after}'::timestamptz and `;
  return `
with ins as (
  insert into cases (case_no, ${columns})
  select extract(year from (reported_at at time zone 'UTC') + interval '8 hours')::int::text
           || lpad((${CASE_NO_OFFSET + firstNo - 1} + row_number() over (order by reported_at))::text, 8, '0'),
         ${columns}
  from ${STAGE}
  where ${lower}reported_at <= '${upTo}'::timestamptz
  order by reported_at
  returning id, lead_department_id, coalesce(dispatched_at, reported_at) as assigned_at
)
insert into case_departments (case_id, department_id, role, assigned_at)
select id, lead_department_id, 'lead', assigned_at from ins where lead_department_id is not null`;
}

/**
 * Writes `total` cases: generated in `chunks` statements into an unindexed staging table,
 * then moved into `cases` in `chunks` time slices, oldest first, as a live system would
 * have appended them (so open cases sit in the newest heap pages and the reported_at
 * indexes grow at their right edge). VACUUM ANALYZE at the end. One progress report per statement.
 */
export async function seedManyCases(
  open: OpenDatabase,
  total: number,
  chunks: number,
  onProgress: (progress: SeedManyProgress) => void,
): Promise<ManyCasesFigures> {
  const count = async (table: string) =>
    rowsOf<{ n: number }>(await open.db.execute(`select count(*)::int as n from ${table}`))[0]?.n ?? 0;
  const casesBefore = await count('cases');
  const departmentsBefore = await count('case_departments');
  const now = new Date().toISOString();
  const size = Math.ceil(total / chunks);
  // JIT compiling these big one-off statements costs far more than it saves (tens of seconds).
  // The pool plans every execution afresh (packages/db/src/prepared-statements.ts), which
  // would re-plan the foreign-key checks of each of these millions of rows; they take the default.
  const run = (sql: string) =>
    open.db.transaction(async (tx) => {
      await tx.execute('set local jit = off');
      await tx.execute(`set local plan_cache_mode = 'auto'`);
      return tx.execute(sql);
    });
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  await open.db.execute(`drop table if exists ${STAGE}`);
  await open.db.execute(`create unlogged table ${STAGE} as select ${CASE_COLUMNS.join(', ')} from cases with no data`);
  try {
    for (let first = 1; first <= total; first += size) {
      const last = Math.min(total, first + size - 1);
      await run(generateChunkSql(first, last, now));
      onProgress({ phase: 'generate', done: last, total, ms: elapsed() });
    }
    // Time slices of about equal row counts: the upper reported_at of each tenth.
    const slices = rowsOf<{ up_to: string; n: number }>(
      await run(
        `select to_char(max(reported_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as up_to, count(*)::int as n
         from (select reported_at, ntile(${chunks}) over (order by reported_at) as slice from ${STAGE}) as t
         group by slice order by slice`,
      ),
    );
    let after: string | null = null;
    let done = 0;
    for (const slice of slices) {
      await run(loadChunkSql(after, slice.up_to, done + 1));
      after = slice.up_to;
      done += slice.n;
      onProgress({ phase: 'load', done, total, ms: elapsed() });
    }
  } finally {
    await open.db.execute(`drop table if exists ${STAGE}`);
  }
  const insertMs = elapsed();
  const analyzeStarted = performance.now();
  // VACUUM as well as ANALYZE: sets the visibility map (index-only scans) and hint bits now,
  // instead of letting autovacuum do it in the middle of the measurements.
  await open.db.execute('vacuum (analyze) cases, case_departments');
  const analyzeMs = performance.now() - analyzeStarted;

  const cases = (await count('cases')) - casesBefore;
  if (cases !== total) throw new Error(`seeded ${cases} cases, expected ${total}`);
  const statusMix = rowsOf<{ status: string; n: number }>(
    await open.db.execute('select status, count(*)::int as n from cases group by status order by n desc'),
  );
  const [overdue] = rowsOf<{ n: number }>(
    await open.db.execute(
      'select count(*)::int as n from cases where stage_deadline_at <= now() and paused_at is null',
    ),
  );
  return {
    cases,
    caseDepartments: (await count('case_departments')) - departmentsBefore,
    insertMs,
    analyzeMs,
    statusMix,
    overdue: overdue?.n ?? 0,
  };
}
