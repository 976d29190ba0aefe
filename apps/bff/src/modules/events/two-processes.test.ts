import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { OpenDatabase } from '@citygov/db/client';
import { areas } from '@citygov/db/schema/org';
import { DEMO_PASSWORD } from '@citygov/db/seed/demo-accounts';
import { openTestDatabase } from '@citygov/db/testing/open-test-database';
import { testDatabaseKind } from '@citygov/db/testing/test-database';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Two BFF processes on one PostgreSQL database, as behind a load balancer: a change made
 * through one reaches a screen subscribed (SSE) to the other. Only PostgreSQL can be
 * shared by two processes, so this runs in the PostgreSQL pass.
 */
const postgres = testDatabaseKind() === 'postgres';
const MAIN = resolve(import.meta.dirname, '../../main.ts');

let database: OpenDatabase;
const processes: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startBff(databaseUrl: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      CITYGOV_DEMO_SEED: '0',
      CITYGOV_WEB_DIST: '/nonexistent',
      // Two app processes on one machine: only the case feed is under test, not the devices' ports.
      GB28181_ENABLED: '0',
      MQTT_ENABLED: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  processes.push(child);
  await new Promise<void>((ready, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`BFF did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`BFF exited (${code}):\n${output}`)));
  });
  return `http://127.0.0.1:${port}`;
}

/** A signed-in client of one process: its cookie, and tRPC calls over HTTP (superjson `{ json }`). */
async function signIn(base: string, username: string) {
  const headers = { 'content-type': 'application/json', 'x-citygov-csrf': '1' };
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ json: { username, password: DEMO_PASSWORD } }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  return {
    cookie,
    async mutate<T>(path: string, input: unknown): Promise<T> {
      const res = await fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers: { ...headers, cookie },
        body: JSON.stringify({ json: input }),
      });
      const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
      if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
      return body.result.data.json;
    },
  };
}

/** Case ids as they arrive on a `cases.onChange` subscription (server-sent events). */
async function subscribe(base: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${base}/trpc/cases.onChange`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const waiting = new Map<number, (at: number) => void>();
  const arrived = new Map<number, number>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (const match of buffer.matchAll(/"caseId":(\d+)/g)) {
        const id = Number(match[1]);
        if (arrived.has(id)) continue;
        arrived.set(id, performance.now());
        waiting.get(id)?.(performance.now());
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    }
  })().catch(() => undefined);
  return {
    arrival(caseId: number): Promise<number> {
      const known = arrived.get(caseId);
      if (known !== undefined) return Promise.resolve(known);
      return new Promise((done) => waiting.set(caseId, done));
    },
    close: () => controller.abort(),
  };
}

describe.runIf(postgres)('live updates across BFF processes', () => {
  let first = '';
  let second = '';
  beforeAll(async () => {
    database = await openTestDatabase();
    [first, second] = await Promise.all([startBff(database.location), startBff(database.location)]);
  }, 120_000);
  afterAll(async () => {
    for (const child of processes) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await database?.close();
  });

  it('a report made through one process reaches a subscriber of the other within a second', async () => {
    const watcher = await signIn(second, 'linjiang.shift_lead');
    const feed = await subscribe(second, watcher.cookie);
    const reporter = await signIn(first, 'linjiang.collector');
    const [grid] = await database.db
      .select({ lng: areas.centerLng, lat: areas.centerLat })
      .from(areas)
      .where(eq(areas.level, 'grid'))
      .orderBy(asc(areas.code))
      .limit(1);
    const report = (description: string) =>
      reporter.mutate<{ id: number }>('cases.report', {
        source: 'collector',
        kind: 'event',
        categoryCode: '06001',
        urgency: 'normal',
        description,
        confirmedDistinct: true,
        lng: grid?.lng,
        lat: grid?.lat,
      });
    // The first change also tells us the subscription is listening.
    const warmUp = await report('两个进程测试：第一件私搭乱建');
    await feed.arrival(warmUp.id);

    const measured = await report('两个进程测试：第二件私搭乱建');
    const answeredAt = performance.now();
    const latency = (await feed.arrival(measured.id)) - answeredAt;
    feed.close();
    console.log(
      `[two processes] the other process heard the change ${Math.round(latency)} ms after the report answered`,
    );
    expect(latency).toBeLessThan(1000);
  });
});
