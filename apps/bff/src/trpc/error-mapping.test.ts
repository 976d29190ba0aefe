import type { AddressInfo } from 'node:net';
import { auditLog } from '@citygov/db/schema/audit';
import { NotFoundError } from '@citygov/domain/errors';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { desc, eq, sql } from 'drizzle-orm';
import express from 'express';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contextFor, openTestApp, type TestApp } from '../testing/test-app';
import { publicProcedure, router } from './procedures';

/** Procedures that fail the ways real code can, served over HTTP as the app's own are. */
const failing = router({
  badCast: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`select ${'abc'}::int as n`)),
  outOfRange: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`select ${'99999999999'}::int4 as n`)),
  missingTable: publicProcedure.query(({ ctx }) =>
    ctx.db.execute(sql`select * from no_such_table where secret = ${'s3cret-param'}`),
  ),
  crash: publicProcedure.mutation(() => {
    throw new Error('Failed query: insert into users (password_hash) values ($1)\nparams: hunter2');
  }),
  missing: publicProcedure.query(() => {
    throw new NotFoundError('案件不存在或无权查看');
  }),
});

let app: TestApp;
let base: string;
let close: () => void;

beforeAll(async () => {
  app = await openTestApp();
  const server = express()
    .use(
      '/trpc',
      createExpressMiddleware({ router: failing, createContext: () => contextFor(app.db, app.config, app.caseFeed) }),
    )
    .listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(async () => {
  close?.();
  await app?.close();
});

async function call(path: string, method: 'GET' | 'POST' = 'GET') {
  const response =
    method === 'GET'
      ? await fetch(`${base}/trpc/${path}`)
      : await fetch(`${base}/trpc/${path}`, { method, headers: { 'content-type': 'application/json' }, body: '{}' });
  const text = await response.text();
  const error = superjson.deserialize((JSON.parse(text) as { error: never }).error) as {
    message: string;
    data: { appCode: string | null };
  };
  return { status: response.status, text, error };
}

describe('the error mapper and formatter', () => {
  it('answers database errors that only input can cause with 400 in Chinese, without the SQL', async () => {
    for (const path of ['badCast', 'outOfRange']) {
      const answer = await call(path);
      expect(answer.status, answer.text).toBe(400);
      expect(answer.error.message).toBe('输入的数据格式不正确或超出允许范围，请检查后重试');
      expect(answer.text).not.toMatch(/select|::int|Failed query|stack/i);
    }
  });

  it('answers any other failure with a generic 500: no query, no parameter, no stack', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const [path, method] of [
      ['missingTable', 'GET'],
      ['crash', 'POST'],
    ] as const) {
      const answer = await call(path, method);
      expect(answer.status).toBe(500);
      expect(answer.error.message).toBe('服务器内部错误，请稍后重试');
      expect(answer.text).not.toMatch(/no_such_table|s3cret-param|hunter2|password_hash|Failed query|stack|\.ts:\d+/);
    }
    quiet.mockRestore();
    const [logged] = await app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'crash'))
      .orderBy(desc(auditLog.chainSeq))
      .limit(1);
    expect(logged).toMatchObject({ outcome: 'failed', detail: { error: '服务器内部错误，请稍后重试' } });
  });

  it('keeps domain errors as they are, with their stable code', async () => {
    const answer = await call('missing');
    expect(answer.status).toBe(404);
    expect(answer.error).toMatchObject({ message: '案件不存在或无权查看', data: { appCode: 'NOT_FOUND' } });
  });
});
