import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectNoInternals } from '../testing/expect-no-internals';
import { answerError, answerNotFound, HttpError } from './http-errors';

// The one error handler on its own, behind routes that fail the ways real code does.

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.get('/bug', () => {
    throw new Error('relation "users" does not exist: select * from users where id = $1 (/srv/citygov/app.ts:12)');
  });
  app.get('/async-bug', async () => {
    await Promise.resolve();
    throw new TypeError("Cannot read properties of undefined (reading 'id')");
  });
  app.get('/refusal', () => {
    throw new HttpError(413, '文件过大：照片不能超过 10 MB');
  });
  app.post('/json', express.json(), (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/half-sent', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
    throw new Error('stream broke mid-answer');
  });
  app.use(answerNotFound);
  app.use(answerError);
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function answer(path: string, init?: RequestInit) {
  const res = await fetch(`${base}${path}`, init);
  const body = await res.text();
  expectNoInternals(body);
  return { status: res.status, body: JSON.parse(body) as unknown, type: res.headers.get('content-type') ?? '' };
}

describe('answerError', () => {
  it('answers a bug with a bare 500 in Chinese and logs the details on the server', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const path of ['/bug', '/async-bug']) {
      const result = await answer(path);
      expect(result.status).toBe(500);
      expect(result.type).toMatch(/^application\/json/);
      expect(result.body).toEqual({ error: { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' } });
    }
    expect(logged).toHaveBeenCalledTimes(2);
    expect(String(logged.mock.calls[0]?.[1])).toContain('select * from users');
  });

  it('passes a refusal through with its status and message', async () => {
    expect(await answer('/refusal')).toMatchObject({
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE', message: '文件过大：照片不能超过 10 MB' } },
    });
  });

  it('turns a body parser refusal into a Chinese 400 / 413 / 415', async () => {
    const post = (body: string, type = 'application/json') =>
      answer('/json', { method: 'POST', headers: { 'content-type': type }, body });
    expect(await post('{"a":')).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_REQUEST', message: '请求内容格式错误，无法解析' } },
    });
    expect(await post(JSON.stringify({ a: 'x'.repeat(200_000) }))).toMatchObject({
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE' } },
    });
    expect(await post('{}', 'application/json; charset=klingon')).toMatchObject({
      status: 415,
      body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } },
    });
  });

  it('answers an unknown route with a JSON 404', async () => {
    expect(await answer('/nowhere')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('cuts an answer that fails half-way, and the server goes on', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(fetch(`${base}/half-sent`).then((res) => res.text())).rejects.toThrow();
    expect((await answer('/refusal')).status).toBe(413);
  });
});
