import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { rowsOf } from '@citygov/db/client';
import { caseEvents } from '@citygov/db/schema/cases';
import { outboxMessages } from '@citygov/db/schema/outbox';
import { openTestDatabase } from '@citygov/db/testing/open-test-database';
import { testDatabaseKind } from '@citygov/db/testing/test-database';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProvinceSimulator } from '../../adapters/province/province-simulator';
import { createChannelRegistry } from '../../adapters/registry';
import { type TestApp, testAppOn } from '../../testing/test-app';
import { pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { appendCaseEvent } from '../events/api';
import { deriveOutbox } from './outbox-consumer';
import type { DeliveryPolicy } from './outbox-delivery';
import { OutboxWorker } from './outbox-worker';

/**
 * The province platform is down — refusing connections, then holding requests until they
 * time out, then answering 500 — while 1,000 cases change (a report each, then a remark
 * each: 2,000 messages). The delivery worker is killed in the middle of the drain: a child
 * process SIGKILLed on PostgreSQL (PGlite cannot be shared between processes, so there the
 * in-process worker is dropped without stopping and a fresh one takes over). After the
 * platform recovers every message has arrived exactly once, in order per case.
 */
// 1,000 cases on PostgreSQL; on PGlite (one connection and this process's one thread for everything) 200 keep the normal run near a minute,
// FAULT_CASES=1000 runs the full size there too.
const CASES = Number(process.env.FAULT_CASES ?? (testDatabaseKind() === 'postgres' ? 1_000 : 200));
const CLI = resolve(import.meta.dirname, '../../outbox-worker-cli.ts');
const CREDENTIALS = { key: 'fault-test', secret: 'fault-test-secret-0123456789' };
const POLICY: DeliveryPolicy = { maxAttempts: 1_000, baseDelayMs: 500, maxDelayMs: 3_000, leaseMs: 4_000 };
const TIMEOUT_MS = testDatabaseKind() === 'postgres' ? 1_000 : 2_000;

let app: TestApp;
let location = '';
let province: ProvinceSimulator;
const children: ChildProcess[] = [];
const inProcess: OutboxWorker[] = [];

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

beforeAll(async () => {
  const open = await openTestDatabase();
  location = open.location;
  app = testAppOn(open);
  province = new ProvinceSimulator(CREDENTIALS);
  await province.start();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const worker of inProcess) await worker.stop().catch(() => {});
  await province?.stop();
  await app?.close();
});

/** Starts a delivery worker: a child process on PostgreSQL, in this process on PGlite. */
async function startWorker(): Promise<{ kill: () => Promise<void> }> {
  if (app.kind === 'pglite') {
    const worker = await OutboxWorker.start({
      db: app.db,
      kind: 'pglite',
      channels: createChannelRegistry({ province: { ...CREDENTIALS, url: province.url, timeoutMs: TIMEOUT_MS } }),
      policy: POLICY,
      sweepMs: 500,
      maintenanceSeconds: 1,
      jobExpireSeconds: 5,
    });
    inProcess.push(worker);
    // PGlite: the worker is abandoned mid-flight (its claims and jobs stay as they are).
    return { kill: () => worker.abandon() };
  }
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--policy', JSON.stringify(POLICY)], {
    env: {
      ...process.env,
      DATABASE_URL: location,
      PROVINCE_URL: province.url,
      PROVINCE_KEY: CREDENTIALS.key,
      PROVINCE_SECRET: CREDENTIALS.secret,
      PROVINCE_TIMEOUT_MS: String(TIMEOUT_MS),
      OUTBOX_SWEEP_SECONDS: '0.5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  await new Promise<void>((ready, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`worker did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('outbox worker')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
  });
  return {
    kill: async () => {
      child.kill('SIGKILL');
      await new Promise((done) => child.once('exit', done));
    },
  };
}

async function counts() {
  const [row] = rowsOf<{ total: number; sent: number; dead: number; attempts: number }>(
    await app.db.execute(sql`
      select count(*)::int as total,
             count(*) filter (where status = 'sent')::int as sent,
             count(*) filter (where status = 'dead')::int as dead,
             coalesce(sum(attempts), 0)::int as attempts
        from outbox_messages where system = 'province' and kind = 'case.event'`),
  );
  return row ?? { total: 0, sent: 0, dead: 0, attempts: 0 };
}

/** 1,000 new cases, each with its 上报 event in the transaction that makes it (100 per transaction). */
async function reportCases(): Promise<number[]> {
  const ids: number[] = [];
  for (let batch = 0; batch < CASES / 100; batch++) {
    await app.db.transaction(async (tx) => {
      const made = rowsOf<{ id: number | string }>(
        await tx.execute(sql`
          insert into cases (case_no, source, kind, category_code, urgency, description, address, lng, lat,
                             grid_id, community_id, street_id, district_id, status, reported_at)
          select 'FT' || lpad((${batch * 100} + g)::text, 8, '0'), c.source, c.kind, c.category_code, c.urgency,
                 '故障测试第' || (${batch * 100} + g) || '件', c.address, c.lng, c.lat, c.grid_id,
                 c.community_id, c.street_id, c.district_id, 'reported', now()
            from generate_series(1, 100) g
           cross join lateral (select * from cases order by id desc limit 1) c
          returning id`),
      );
      for (const row of made) {
        const id = Number(row.id);
        ids.push(id);
        await appendCaseEvent(tx, {
          caseId: id,
          action: 'report',
          label: '上报',
          actor: { kind: 'system', id: null, name: '故障测试' },
          fromStatus: null,
          toStatus: 'reported',
          reason: null,
          detail: null,
          at: new Date(),
        });
      }
    });
  }
  return ids;
}

async function remarkOn(ids: readonly number[], text: string) {
  for (let i = 0; i < ids.length; i += 100) {
    await app.db.transaction(async (tx) => {
      for (const id of ids.slice(i, i + 100)) {
        await appendCaseEvent(tx, {
          caseId: id,
          action: 'remark',
          label: '备注',
          actor: { kind: 'system', id: null, name: '故障测试' },
          fromStatus: 'reported',
          toStatus: 'reported',
          reason: text,
          detail: null,
          at: new Date(),
        });
      }
    });
  }
}

const started = performance.now();
async function waitFor(what: string, done: () => Promise<boolean>, limitMs = 150_000) {
  const until = Date.now() + limitMs;
  console.log(
    `[outbox fault test] ${((performance.now() - started) / 1000).toFixed(1)} s: waiting for ${what}`,
    await counts(),
  );
  while (!(await done())) {
    if (Date.now() > until) {
      const errors = rowsOf<{ last_error: string; n: number }>(
        await app.db.execute(
          sql`select last_error, count(*)::int as n from outbox_messages where last_error is not null group by 1`,
        ),
      );
      throw new Error(
        `gave up waiting: ${what} (${JSON.stringify(await counts())}; ${JSON.stringify(province.figures)}; ${JSON.stringify(errors)})`,
      );
    }
    await sleep(250);
  }
}

describe('the outbox when the province platform is down', () => {
  it('delivers every message exactly once and in order per case after an outage and a killed worker', async () => {
    const channels = createChannelRegistry({ province: { ...CREDENTIALS, url: province.url, timeoutMs: TIMEOUT_MS } });
    // One real report to copy the 1,000 cases from; the link goes live after it (the outbox starts at the head).
    const collector = await app.as('linjiang.collector');
    await collector.cases.report({
      ...SAMPLE_REPORT,
      ...(await pointIn(app, '临江区')),
      description: '故障测试的样板案件：占道经营',
    });
    await deriveOutbox(app.db, channels);

    await province.setMode('refuse');
    let worker = await startWorker();
    const ids = await reportCases();
    await waitFor('attempts while refusing', async () => (await counts()).attempts >= 200);

    await province.setMode('timeout');
    await remarkOn(ids.slice(0, CASES / 2), '故障期间的备注（超时）');
    await waitFor('timeouts', async () => province.figures.heldUnanswered >= 10);

    await province.setMode('error500');
    await remarkOn(ids.slice(CASES / 2), '故障期间的备注（500）');
    await waitFor('500 answers', async () => province.figures.failed500 >= 50);
    const duringOutage = await counts();
    expect(duringOutage.sent).toBe(0);

    const recoveredAt = performance.now();
    await province.setMode('up');
    // Kill the worker in the middle of the drain.
    await waitFor('a third delivered', async () => (await counts()).sent >= (CASES * 2) / 3);
    await worker.kill();
    const atKill = await counts();
    worker = await startWorker();
    await waitFor('all delivered', async () => {
      const now = await counts();
      return now.total === CASES * 2 && now.sent === now.total;
    });
    const drainMs = performance.now() - recoveredAt;
    const final = await counts();
    await worker.kill();

    // Exactly once: the platform stored each idempotency key once, as many as we sent.
    expect(final.dead).toBe(0);
    expect(province.figures.accepted).toBe(CASES * 2);
    expect(province.records.size).toBe(CASES * 2);
    // In order per case: the platform saw each case's events in stream order.
    const events = await app.db
      .select({ caseId: caseEvents.caseId, seq: caseEvents.seq })
      .from(caseEvents)
      .where(sql`${caseEvents.caseId} in (select id from cases where case_no like 'FT%')`)
      .orderBy(asc(caseEvents.seq));
    const caseNos = new Map(
      rowsOf<{ id: number | string; case_no: string }>(
        await app.db.execute(sql`select id, case_no from cases where case_no like 'FT%'`),
      ).map((r) => [Number(r.id), r.case_no]),
    );
    const expected = new Map<string, number[]>();
    for (const e of events) {
      const no = caseNos.get(e.caseId) ?? '';
      expected.set(no, [...(expected.get(no) ?? []), Number(e.seq)]);
    }
    expect(expected.size).toBe(CASES);
    let outOfOrder = 0;
    for (const [no, seqs] of expected) {
      if (JSON.stringify(province.caseEvents.get(no)) !== JSON.stringify(seqs)) outOfOrder++;
    }
    expect(outOfOrder).toBe(0);
    const remoteIds = await app.db
      .select({ remoteId: outboxMessages.remoteId })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.system, 'province'), eq(outboxMessages.kind, 'case.event')));
    expect(remoteIds.every((r) => r.remoteId?.startsWith('SJ-'))).toBe(true);

    console.log(
      `[outbox fault test, ${app.kind}] ${CASES} cases, ${final.total} messages; ${final.attempts} delivery attempts ` +
        `(${province.figures.refusedConnections} connections refused, ${province.figures.requests} requests reached the platform: ${province.figures.heldUnanswered} held until timeout, ` +
        `${province.figures.failed500} answered 500); ${province.figures.duplicates} duplicates refused by Idempotency-Key; ` +
        `worker killed at ${atKill.sent}/${final.total} sent; drained in ${(drainMs / 1000).toFixed(1)} s after recovery; ` +
        `${outOfOrder} cases out of order, ${final.dead} dead letters`,
    );
  }, 300_000);
});
