/**
 * Queue and list latency with many cases: `cases.list` with the to-do queues of each
 * role and `cases.queues()` (every count), through the real HTTP stack, as the demo
 * users of 临江区 and the city leader. Then EXPLAIN (ANALYZE, BUFFERS) of what the
 * slowest calls send, so the report can say which index serves them.
 */
import { loadSessionUser } from '../apps/bff/src/modules/auth/session-store';
import { listCases, queueCounts } from '../apps/bff/src/modules/cases/case-queries';
import { ZListCasesInput } from '../apps/bff/src/modules/cases/case-schemas';
import type { Database, OpenDatabase } from '../packages/db/src/client';
import { expectArray, login, WARMUP } from './auth-and-lists';
import { captureQueries, explainQuery, type PlanSummary } from './query-plans';
import { measureLoopWithin, type Summary } from './stats';
import { isRecord, startServer, trpcQuery } from './trpc-http';

export const QUEUE_CALLS = 200;
/** Measured time allowed per call loop; a loop that would take longer stops early (its n says so). */
export const QUEUE_LOOP_BUDGET_MS = 30_000;
/** How many of the slowest calls get their SQL explained… */
const EXPLAINED = 2;
/** …plus every other call whose p95 is above this. */
export const SLOW_P95_MS = 100;

export interface QueueCall {
  key: string;
  label: string;
  username: string;
  path: 'cases.list' | 'cases.queues';
  input: Record<string, unknown> | undefined;
}

/** The calls timed, in print order. */
export const QUEUE_CALLS_MEASURED: readonly QueueCall[] = [
  {
    key: 'toAccept',
    label: "list({queue:'toAccept'}) as linjiang.acceptor",
    username: 'linjiang.acceptor',
    path: 'cases.list',
    input: { queue: 'toAccept' },
  },
  {
    key: 'toDispatch',
    label: "list({queue:'toDispatch'}) as linjiang.dispatcher",
    username: 'linjiang.dispatcher',
    path: 'cases.list',
    input: { queue: 'toDispatch' },
  },
  {
    key: 'overdue',
    label: "list({queue:'overdue'}) as leader (city)",
    username: 'leader',
    path: 'cases.list',
    input: { queue: 'overdue' },
  },
  {
    key: 'all.p1',
    label: 'list({}) page 1 as linjiang.shift_lead',
    username: 'linjiang.shift_lead',
    path: 'cases.list',
    input: {},
  },
  {
    key: 'all.p50',
    label: 'list({page:50}) as linjiang.shift_lead',
    username: 'linjiang.shift_lead',
    path: 'cases.list',
    input: { page: 50 },
  },
  {
    key: 'handling',
    label: "list({queue:'handling'}) as linjiang.dept_handler",
    username: 'linjiang.dept_handler',
    path: 'cases.list',
    input: { queue: 'handling' },
  },
  {
    key: 'queues',
    label: 'queues() as linjiang.shift_lead',
    username: 'linjiang.shift_lead',
    path: 'cases.queues',
    input: undefined,
  },
];

export interface QueueCallFigures {
  call: QueueCall;
  latency: Summary;
  /** What the answer held: "20 rows of 2,873" or "10 queues, 41,234 cases". */
  answer: string;
  bytes: number;
}

export interface ExplainedStatement {
  /** Which statement of the call: "rows", "count", or the queue a count is for. */
  role: string;
  sql: string;
  params: unknown[];
  plan: PlanSummary;
}

export interface ExplainedCall {
  call: QueueCall;
  statements: ExplainedStatement[];
}

export interface QueueFigures {
  calls: QueueCallFigures[];
  explained: ExplainedCall[];
}

const thousands = (n: number) => n.toLocaleString('en-US');

function describeAnswer(call: QueueCall, data: unknown): string {
  if (call.path === 'cases.queues') {
    const queues = expectArray('cases.queues', data);
    const total = queues.reduce<number>(
      (sum, q) => sum + (isRecord(q) && typeof q.count === 'number' ? q.count : 0),
      0,
    );
    // Counts are bounded at 10,000 ("10,000+").
    const more = queues.some((q) => isRecord(q) && q.more === true) ? '+' : '';
    return `${queues.length} queues, ${thousands(total)}${more} cases counted`;
  }
  if (!isRecord(data) || typeof data.total !== 'number') throw new Error(`${call.label}: no total in the answer`);
  return `${expectArray(`${call.label} rows`, data.rows).length} rows of ${thousands(data.total)}${data.more === true ? '+' : ''}`;
}

async function runDirect(db: Database, open: OpenDatabase, call: QueueCall): Promise<unknown> {
  const account = await open.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, call.username) });
  const user = account ? await loadSessionUser(open.db, account.id) : null;
  if (!user) throw new Error(`no active seeded user ${call.username}`);
  if (call.path === 'cases.queues') return queueCounts(db, user);
  return listCases(db, user, ZListCasesInput.parse(call.input ?? {}));
}

/** Names each captured statement: list calls send rows then count; queues() one count per queue, in order. */
export async function explainCall(open: OpenDatabase, call: QueueCall): Promise<ExplainedCall> {
  let queueKeys: string[] = [];
  const { queries, explain } = await captureQueries(open, async (db) => {
    const result = await runDirect(db, open, call);
    if (call.path === 'cases.queues') {
      queueKeys = expectArray('queueCounts', result).map((q) => (isRecord(q) ? String(q.key) : '?'));
    }
  });
  const statements: ExplainedStatement[] = [];
  for (const [i, query] of queries.entries()) {
    const role =
      call.path === 'cases.queues'
        ? `count ${queueKeys[i] ?? i}`
        : /^select count\(/i.test(query.sql)
          ? 'count'
          : 'rows';
    statements.push({ role, sql: query.sql, params: query.params, plan: await explainQuery(explain, query) });
  }
  return { call, statements };
}

export async function benchCaseQueues(open: OpenDatabase): Promise<QueueFigures> {
  const server = await startServer(open.db);
  const calls: QueueCallFigures[] = [];
  try {
    const { baseUrl } = server;
    const cookies = new Map<string, string>();
    for (const call of QUEUE_CALLS_MEASURED) {
      if (!cookies.has(call.username)) cookies.set(call.username, await login(baseUrl, call.username));
    }
    for (const call of QUEUE_CALLS_MEASURED) {
      const cookie = cookies.get(call.username) ?? '';
      let answer = '';
      let bytes = 0;
      const latency = await measureLoopWithin(QUEUE_CALLS, WARMUP, QUEUE_LOOP_BUDGET_MS, async () => {
        const response = await trpcQuery(baseUrl, call.path, call.input, cookie);
        answer = describeAnswer(call, response.data);
        bytes = response.bytes;
      });
      calls.push({ call, latency, answer, bytes });
    }
  } finally {
    await server.close();
  }
  // The EXPLAINED slowest by p95, and any other call over SLOW_P95_MS.
  const slowest = [...calls]
    .sort((a, b) => b.latency.p95 - a.latency.p95)
    .filter((f, rank) => rank < EXPLAINED || f.latency.p95 > SLOW_P95_MS);
  const explained: ExplainedCall[] = [];
  for (const figures of slowest) explained.push(await explainCall(open, figures.call));
  return { calls, explained };
}
