/**
 * 综合评价 and the leader's tablet after the many-cases load: one month's full evaluation
 * (every area level, departments and the four positions) as the city supervisor, and the
 * leader's home (city and one district), against raw baselines in the same run with
 * nothing computed: the month's cases and their timelines (what the first ranking of a
 * month reads), and the month's cases with their kept facts (what every later one reads).
 *
 * The SQL load writes no timelines, and the evaluation reads nothing else, so the month's
 * cases first get the timeline their state implies (上报, 受理, 立案, 派遣, 签收, 反馈,
 * 核查, 结案 or 作废) with INSERT … SELECT, acted by the district's staff, some steps late.
 * Runs after bench/wall.ts and bench/analytics.ts: the added events are not replayed into
 * their rollups.
 */
import { loadSessionUser } from '../apps/bff/src/modules/auth/session-store';
import { evaluationCases, viewEvaluation } from '../apps/bff/src/modules/evaluation/evaluation-queries';
import type { TEvaluationTarget } from '../apps/bff/src/modules/evaluation/evaluation-schemas';
import { leaderHome } from '../apps/bff/src/modules/leader/leader-home';
import { type OpenDatabase, rowsOf } from '../packages/db/src/client';
import { chinaDate, dateToDayNumber, dayStartMs } from '../packages/domain/src/deadlines/china-time';
import { AREA_LEVELS, POSITION_KINDS, SUBJECT_KIND_NAMES } from '../packages/domain/src/evaluation/subjects';
import { measureLoop, type Summary, timed } from './stats';

export const EVALUATION_CALLS = 5;
const LEADER_CALLS = 20;

export interface EvaluationFigures {
  month: string;
  monthCases: number;
  timelineRows: number;
  backfillMs: number;
  /** The month's first ranking, with no facts kept yet: every timeline read, its facts computed and kept. */
  firstRankingMs: number;
  /** Label → latency of one full ranking of the month. */
  rankings: [string, Summary][];
  /** All rankings of the month one after the other (what publishing a month costs). */
  wholeMonth: Summary;
  /** 下钻 from the district ranking: answered from the kept ranking on screen, and computed afresh. */
  drillKept: Summary;
  drillComputed: Summary;
  leaderCity: Summary;
  leaderDistrict: Summary;
  rawReads: Summary;
  /** The month's cases with their kept facts, read with nothing computed (what a ranking reads once facts are kept). */
  rawKeptReads: Summary;
  /** The city's five tablet figures counted by one plain scan of every case (what leader.home did before). */
  leaderRawScan: Summary;
}

/** The last whole month before today, China time. */
function lastWholeMonth(now: Date): { year: number; month: number; start: Date; end: Date } {
  const [y, m] = chinaDate(now).split('-').map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const day = (yy: number, mm: number) =>
    new Date(dayStartMs(dateToDayNumber(`${yy}-${String(mm).padStart(2, '0')}-01`)));
  return { year, month, start: day(year, month), end: day(y, m) };
}

/** One timeline step of the month's cases: which cases have it, when, by whom, and its deadline. */
interface Step {
  action: string;
  label: string;
  from: string | null;
  to: string;
  at: string;
  actor: string;
  deadline: string;
  where: string;
}

const DISPATCHED = `dispatched_at is not null`;
// Roughly one step in ten is late: its deadline falls before it was taken.
const late = (at: string, allowed: string) =>
  `${at} + case when random() < 0.1 then interval '-1 minute' else ${allowed} end`;

const STEPS: readonly Step[] = [
  {
    action: 'report',
    label: '上报',
    from: null,
    to: 'reported',
    at: 'reported_at',
    actor: 'reported_by',
    deadline: 'null',
    where: 'true',
  },
  {
    action: 'accept',
    label: '受理',
    from: 'reported',
    to: 'accepted',
    at: `reported_at + interval '4 minutes'`,
    actor: 'acceptor',
    deadline: late(`reported_at + interval '4 minutes'`, `interval '6 minutes'`),
    where: `status <> 'reported'`,
  },
  {
    action: 'file',
    label: '立案',
    from: 'accepted',
    to: 'filed',
    at: 'filed_at',
    actor: 'shift_lead',
    deadline: late('filed_at', `interval '20 minutes'`),
    where: 'filed_at is not null',
  },
  {
    action: 'dispatch',
    label: '派遣',
    from: 'filed',
    to: 'dispatched',
    at: 'dispatched_at',
    actor: 'dispatcher',
    deadline: late('dispatched_at', `interval '10 minutes'`),
    where: DISPATCHED,
  },
  {
    action: 'takeUp',
    label: '签收',
    from: 'dispatched',
    to: 'handling',
    at: `dispatched_at + interval '15 minutes'`,
    actor: 'handler',
    deadline: late(`dispatched_at + interval '15 minutes'`, `interval '1 hour'`),
    where: `${DISPATCHED} and status not in ('dispatched', 'filed')`,
  },
  {
    action: 'feedBack',
    label: '处置反馈',
    from: 'handling',
    to: 'fed_back',
    at: `greatest(dispatched_at + interval '30 minutes', closed_at - interval '2 hours')`,
    actor: 'handler',
    deadline: late(
      `greatest(dispatched_at + interval '30 minutes', closed_at - interval '2 hours')`,
      `interval '4 hours'`,
    ),
    where: `${DISPATCHED} and status = 'closed'`,
  },
  {
    action: 'submitCheck',
    label: '核查',
    from: 'checking',
    to: 'checking',
    at: `closed_at - interval '30 minutes'`,
    actor: 'collector',
    deadline: late(`closed_at - interval '30 minutes'`, `interval '1 hour'`),
    where: `${DISPATCHED} and status = 'closed'`,
  },
  {
    action: 'close',
    label: '结案',
    from: 'checking',
    to: 'closed',
    at: 'closed_at',
    actor: 'shift_lead',
    deadline: late('closed_at', `interval '1 hour'`),
    where: `status = 'closed'`,
  },
  {
    action: 'approveVoid',
    label: '作废',
    from: 'accepted',
    to: 'voided',
    at: 'closed_at',
    actor: 'shift_lead',
    deadline: 'null',
    where: `status = 'voided'`,
  },
];

/** The district's staff, by role: who took each step of a case in that district. */
const DISTRICT_STAFF = `select a.id as district_id,
    min(u.id) filter (where u.role = 'acceptor') as acceptor,
    min(u.id) filter (where u.role = 'shift_lead') as shift_lead,
    min(u.id) filter (where u.role = 'dispatcher') as dispatcher,
    min(u.id) filter (where u.role = 'dept_handler') as handler,
    min(u.id) filter (where u.role = 'collector') as collector
  from areas a join users u on u.area_id = a.id where a.level = 'district' group by a.id`;

async function count(open: OpenDatabase, query: string): Promise<number> {
  const rows = rowsOf<{ n: number | string }>(await open.db.execute(query));
  return Number(rows[0]?.n ?? 0);
}

async function backfillTimelines(open: OpenDatabase, start: Date, end: Date): Promise<number> {
  const month = `reported_at >= '${start.toISOString()}' and reported_at < '${end.toISOString()}'`;
  await open.db.execute(`delete from evaluation_case_facts where case_id in (select id from cases where ${month})`);
  await open.db.execute(`delete from case_events where case_id in (select id from cases where ${month})`);
  // Positions in the stream are given here in one go, as the load's own: the per-row
  // commit trigger (head row update + NOTIFY each) would make the load the thing measured.
  await open.db.execute('alter table case_events disable trigger case_events_assign_seq');
  try {
    for (const step of STEPS) {
      await open.db.execute(`insert into case_events (seq, case_id, at, actor_id, action, label, from_status, to_status, deadline_at)
        select (select seq from case_event_stream_head where id = 1) + row_number() over (),
          c.id, ${step.at}, ${step.actor}, '${step.action}', '${step.label}', ${step.from ? `'${step.from}'` : 'null'}, '${step.to}', ${step.deadline}
        from cases c left join (${DISTRICT_STAFF}) s on s.district_id = c.district_id
        where ${month} and ${step.where}`);
      await open.db.execute(
        'update case_event_stream_head set seq = (select coalesce(max(seq), 0) from case_events) where id = 1',
      );
    }
  } finally {
    await open.db.execute('alter table case_events enable trigger case_events_assign_seq');
  }
  // Written as the load's own, like the stream positions: no facts are kept for them yet, so
  // nothing is stale, and the evaluation-facts consumer starts after them (as migration 0036 does).
  await open.db.execute(`insert into case_event_consumers (name, position)
    values ('evaluation-facts', (select coalesce(max(seq), 0) from case_events))
    on conflict (name) do update set position = excluded.position`);
  await open.db.execute('analyze case_events');
  return count(open, `select count(*) as n from case_events where case_id in (select id from cases where ${month})`);
}

async function userNamed(open: OpenDatabase, username: string) {
  const account = await open.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, username) });
  const user = account ? await loadSessionUser(open.db, account.id) : null;
  if (!user) throw new Error(`no seeded ${username}`);
  return user;
}

export async function benchEvaluation(open: OpenDatabase, now = new Date()): Promise<EvaluationFigures> {
  const { year, month, start, end } = lastWholeMonth(now);
  const filled = await timed(() => backfillTimelines(open, start, end));
  const monthCases = await count(
    open,
    `select count(*) as n from cases where reported_at >= '${start.toISOString()}' and reported_at < '${end.toISOString()}'`,
  );
  const supervisor = await userNamed(open, 'supervisor');
  const period = { kind: 'month' as const, year, month };
  const targets: [string, TEvaluationTarget][] = [
    ...AREA_LEVELS.map((areaLevel): [string, TEvaluationTarget] => [
      `区域 by ${areaLevel}`,
      { period, subjectKind: 'area', areaLevel },
    ]),
    ['部门', { period, subjectKind: 'department', areaLevel: 'district' }],
    ...POSITION_KINDS.map((kind): [string, TEvaluationTarget] => [
      `${SUBJECT_KIND_NAMES[kind]} (${kind})`,
      { period, subjectKind: kind, areaLevel: 'district' },
    ]),
  ];
  const districts = targets[0]?.[1] ?? { period, subjectKind: 'area', areaLevel: 'district' };
  const first = await timed(() => viewEvaluation(open.db, supervisor, districts, now));
  await open.db.execute('analyze evaluation_case_facts');
  const rankings: [string, Summary][] = [];
  for (const [label, target] of targets) {
    rankings.push([
      label,
      await measureLoop(EVALUATION_CALLS, 1, () =>
        viewEvaluation(open.db, supervisor, target, now).then(() => undefined),
      ),
    ]);
  }
  const wholeMonth = await measureLoop(2, 0, async () => {
    for (const [, target] of targets) await viewEvaluation(open.db, supervisor, target, now);
  });
  const shown = await viewEvaluation(open.db, supervisor, districts, now);
  const drill = { ...districts, subject: shown.rows[0]?.subject ?? 1, counter: 'shouldClose' as const };
  const drillKept = await measureLoop(EVALUATION_CALLS, 1, () =>
    evaluationCases(open.db, supervisor, { ...drill, computedAt: shown.computedAt }, now).then(() => undefined),
  );
  const drillComputed = await measureLoop(EVALUATION_CALLS, 1, () =>
    evaluationCases(open.db, supervisor, drill, now).then(() => undefined),
  );
  const leader = await userNamed(open, 'leader');
  const districtLeader = await userNamed(open, 'linjiang.leader');
  const leaderCity = await measureLoop(LEADER_CALLS, 2, () =>
    leaderHome(open.db, leader, undefined).then(() => undefined),
  );
  const leaderDistrict = await measureLoop(LEADER_CALLS, 2, () =>
    leaderHome(open.db, districtLeader, undefined).then(() => undefined),
  );
  const monthWhere = `reported_at >= '${start.toISOString()}' and reported_at < '${end.toISOString()}'`;
  const rawReads = await measureLoop(EVALUATION_CALLS, 1, async () => {
    await open.db.execute(`select id, source, grid_id, community_id, street_id, district_id, lead_department_id, status,
      stage_deadline_at, paused_at from cases where ${monthWhere}`);
    await open.db.execute(`select case_id, action, at, actor_id, to_status, deadline_at from case_events
      where case_id in (select id from cases where ${monthWhere}) order by case_id, id`);
  });
  const rawKeptReads = await measureLoop(EVALUATION_CALLS, 1, async () => {
    await open.db.execute(`select c.id, c.source, c.grid_id, c.community_id, c.street_id, c.district_id, c.lead_department_id,
      c.status, c.stage_deadline_at, c.paused_at, f.facts, f.facts_seq, f.latest_seq
      from cases c left join evaluation_case_facts f on f.case_id = c.id where c.${monthWhere.replace(' and reported_at', ' and c.reported_at')}`);
  });
  const monthStart = `date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'`;
  const leaderRawScan = await measureLoop(LEADER_CALLS, 2, async () => {
    await open.db.execute(`select district_id, count(*) filter (where status not in ('closed', 'voided', 'merged')) as open,
      count(*) filter (where status not in ('closed', 'voided', 'merged') and paused_at is null and stage_deadline_at < now()) as overdue,
      count(*) filter (where status not in ('closed', 'voided', 'merged') and supervised) as supervised,
      count(*) filter (where reported_at >= ${monthStart}) as reported,
      count(*) filter (where status = 'closed' and closed_at >= ${monthStart}) as closed
      from cases group by district_id`);
  });
  return {
    month: `${year}-${String(month).padStart(2, '0')}`,
    monthCases,
    timelineRows: filled.value,
    backfillMs: filled.ms,
    firstRankingMs: first.ms,
    rankings,
    wholeMonth,
    drillKept,
    drillComputed,
    leaderCity,
    leaderDistrict,
    rawReads,
    rawKeptReads,
    leaderRawScan,
  };
}
