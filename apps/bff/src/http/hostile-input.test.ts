import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLog } from '@citygov/db/schema/audit';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsRoot } from '../modules/attachments/attachment-store';
import type { UploadResponse } from '../modules/attachments/upload-attachment';
import { expectNoInternals } from '../testing/expect-no-internals';
import { type LiveServer, SAME_ORIGIN_HEADERS, startLiveServer } from '../testing/live-server';
import { openSocket, parseRawAnswer, rawExchange, requestHead } from '../testing/raw-http';
import { openTestApp, type TestApp } from '../testing/test-app';

// One bad request must end that request only: each case here is followed by a check
// that the same server still answers, on a real listening socket.

let app: TestApp;
let server: LiveServer;
let dataDir: string;
let webDist: string;

beforeAll(async () => {
  app = await openTestApp();
  dataDir = await mkdtemp(join(tmpdir(), 'citygov-hostile-'));
  webDist = join(dataDir, 'web');
  await mkdir(webDist, { recursive: true });
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>云湖</title><div id="root"></div>');
  server = await startLiveServer(app.db, { ...app.config, dataDir, webDist });
});

afterAll(async () => {
  await server?.close();
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function stillServing() {
  const res = await fetch(`${server.base}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
}

async function tempFiles(): Promise<string[]> {
  return readdir(join(attachmentsRoot(dataDir), 'tmp')).catch(() => []);
}

/** A refusal in the one JSON shape, Chinese message, nothing internal. */
function expectJsonError(answer: { status: number; body: string }, status: number, code: string): string {
  expect(answer.status).toBe(status);
  expectNoInternals(answer.body);
  const parsed = JSON.parse(answer.body) as { error: { code: string; message: string } };
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message).toMatch(/[\u4e00-\u9fff]/);
  return parsed.error.message;
}

const BOUNDARY = 'citygov-probe';

function multipartHead(cookie: string, contentLength: number): string {
  return requestHead([
    'POST /api/attachments HTTP/1.1',
    `Host: 127.0.0.1:${server.port}`,
    `Cookie: ${cookie}`,
    'X-Citygov-Csrf: 1',
    `Content-Type: multipart/form-data; boundary=${BOUNDARY}`,
    `Content-Length: ${contentLength}`,
    'Connection: close',
  ]);
}

function filePart(field: string): Buffer {
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nreport\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="a.png"\r\n` +
      'Content-Type: image/png\r\n\r\n',
  );
}

const PNG_START = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('uploads cut short or abandoned', () => {
  it.each([
    ['inside the file part', filePart('file')],
    ['inside a part the server skips', filePart('photo')],
    ['inside a part header', Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-da`)],
  ])('a form that ends %s answers 400 and the server keeps serving', async (_where, start) => {
    const cookie = await server.signIn('linjiang.collector');
    const body = Buffer.concat([start, PNG_START]);
    const answer = await rawExchange(
      server.port,
      Buffer.concat([Buffer.from(multipartHead(cookie, body.length)), body]),
    );
    expect(expectJsonError(answer, 400, 'BAD_REQUEST')).toMatch(/上传数据不完整|请选择要上传的文件/);
    await stillServing();
    await expect.poll(tempFiles).toEqual([]);
  });

  it('logs the cut-off upload as a failed attempt', async () => {
    const rows = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attachments.upload'), eq(auditLog.outcome, 'failed')));
    expect(rows.some((r) => r.detail?.error === '上传数据不完整或格式错误')).toBe(true);
  });

  it('a client that vanishes mid-file leaves no temp file and the server keeps serving', async () => {
    const cookie = await server.signIn('linjiang.collector');
    const socket = await openSocket(server.port);
    socket.on('error', () => {});
    socket.write(multipartHead(cookie, 5 * 1024 * 1024));
    socket.write(Buffer.concat([filePart('file'), PNG_START, Buffer.alloc(1024 * 1024)]));
    await expect.poll(async () => (await tempFiles()).length).toBe(1);
    socket.destroy();
    await expect.poll(tempFiles).toEqual([]);
    await stillServing();
  });

  it('garbage instead of HTTP gets a 400 from the server and nothing else breaks', async () => {
    const answer = await rawExchange(server.port, 'GARBAGE / NOT-HTTP\r\n\r\n');
    expect(answer.status).toBe(400);
    await stillServing();
  });
});

describe('downloads under hostile headers and departing clients', () => {
  let video: UploadResponse;

  beforeAll(async () => {
    // A minimal MP4 (ftyp box) with 3 MB of payload: big enough to be cut mid-answer.
    const ftyp = Buffer.concat([Buffer.from('00000018', 'hex'), Buffer.from('ftypisom'), Buffer.alloc(12)]);
    const payload = Buffer.alloc(3 * 1024 * 1024, 7);
    const mdat = Buffer.concat([Buffer.alloc(4), Buffer.from('mdat'), payload]);
    mdat.writeUInt32BE(mdat.length, 0);
    const form = new FormData();
    form.append('purpose', 'feedback');
    form.append('file', new Blob([new Uint8Array(Buffer.concat([ftyp, mdat]))]), 'clip.mp4');
    const res = await fetch(`${server.base}/api/attachments`, {
      method: 'POST',
      body: form,
      headers: { cookie: await server.signIn('linjiang.collector'), ...SAME_ORIGIN_HEADERS },
    });
    expect(res.status).toBe(201);
    video = (await res.json()) as UploadResponse;
  });

  async function getVideo(range: string) {
    const res = await fetch(`${server.base}${video.url}`, {
      headers: { cookie: await server.signIn('linjiang.collector'), range },
    });
    return { status: res.status, headers: res.headers, body: await res.text() };
  }

  it('answers a malformed Range with 400, an unsatisfiable one with 416, a good one with 206', async () => {
    for (const range of ['bytes=abc', 'bytes=', 'bytes=--1', 'bytes=0-1,abc']) {
      expectJsonError(await getVideo(range), 400, 'BAD_REQUEST');
    }
    // A unit we do not serve is ignored, as HTTP says: the whole file.
    expect((await getVideo('pages=1-2')).status).toBe(200);
    const beyond = await getVideo(`bytes=${video.bytes + 10}-`);
    expectJsonError(beyond, 416, 'RANGE_NOT_SATISFIABLE');
    expect(beyond.headers.get('content-range')).toBe(`bytes */${video.bytes}`);
    const part = await getVideo('bytes=0-9');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-9/${video.bytes}`);
    await stillServing();
  });

  it('a client that leaves mid-download does not disturb the server', async () => {
    const cookie = await server.signIn('linjiang.collector');
    const socket = await openSocket(server.port);
    socket.on('error', () => {});
    const firstBytes = new Promise<Buffer>((resolve) => socket.once('data', resolve));
    socket.write(requestHead([`GET ${video.url} HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `Cookie: ${cookie}`]));
    expect(parseRawAnswer(await firstBytes).status).toBe(200);
    socket.destroy();
    await stillServing();
    expect((await getVideo('bytes=0-0')).status).toBe(206);
  });
});

describe('malformed URLs and bodies', () => {
  it.each([['/api/attachments/%ED%A0%80'], ['/api/attachments/%ED%A0%80/thumb'], ['/desk/cases/%E0%A4%A'], ['/%']])(
    'GET %s answers 400 in JSON without internals',
    async (path) => {
      const cookie = await server.signIn('linjiang.collector');
      const answer = await rawExchange(
        server.port,
        requestHead([
          `GET ${path} HTTP/1.1`,
          `Host: 127.0.0.1:${server.port}`,
          `Cookie: ${cookie}`,
          'Connection: close',
        ]),
      );
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expectJsonError(answer, 400, 'BAD_REQUEST');
      await stillServing();
    },
  );

  it('tRPC answers a bad path, a malformed body and an oversized one with 4xx and no stack', async () => {
    const cookie = await server.signIn('linjiang.acceptor');
    const badPath = await fetch(`${server.base}/trpc/%ED%A0%80`);
    expect(badPath.status).toBe(400);
    expectNoInternals(await badPath.text());

    const post = (body: string) =>
      fetch(`${server.base}/trpc/phrases.add`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...SAME_ORIGIN_HEADERS },
        body,
      });
    const malformed = await post('{"json": {');
    expect(malformed.status).toBe(400);
    expectNoInternals(await malformed.text());
    const oversized = await post(JSON.stringify({ json: { text: 'x'.repeat(1_100_000) } }));
    expect(oversized.status).toBe(413);
    expectNoInternals(await oversized.text());

    // A plain validation refusal: the message is there, the stack is not.
    const invalid = await fetch(`${server.base}/trpc/cases.byId?input=${encodeURIComponent('{"json":{"id":-1}}')}`, {
      headers: { cookie },
    });
    expect(invalid.status).toBe(400);
    const text = await invalid.text();
    expect(text).toContain('输入有误');
    expectNoInternals(text);
    await stillServing();
  });

  it('Open311 answers a bad encoding with its own 400 and the SPA still serves good paths', async () => {
    const open311 = await fetch(`${server.base}/open311/v2/requests/%ED%A0%80.json`);
    expect(open311.status).toBe(400);
    expectNoInternals(await open311.text());
    const spa = await fetch(`${server.base}/desk/cases/1`);
    expect(spa.status).toBe(200);
    expect(await spa.text()).toContain('<div id="root">');
  });

  it('unknown API paths and methods get a JSON 404, not an HTML page', async () => {
    const cookie = await server.signIn('linjiang.collector');
    for (const [method, path] of [
      ['POST', '/api/nothing'],
      ['DELETE', '/api/attachments/1'],
      ['PUT', '/desk'],
    ] as const) {
      const res = await fetch(`${server.base}${path}`, { method, headers: { cookie, ...SAME_ORIGIN_HEADERS } });
      const body = await res.text();
      expectJsonError({ status: res.status, body }, 404, 'NOT_FOUND');
    }
  });
});
