import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveServer, startLiveServer } from '../testing/live-server';
import { openTestApp, type TestApp } from '../testing/test-app';

let app: TestApp;
let server: LiveServer;
let dataDir: string;
const SCRIPT = `export const greeting = ${JSON.stringify('你好，云湖'.repeat(400))};\n`;
const HTML = `<!doctype html><title>云湖</title><div id="root"></div>${'<!-- padding -->'.repeat(100)}`;

beforeAll(async () => {
  app = await openTestApp();
  dataDir = await mkdtemp(join(tmpdir(), 'citygov-web-delivery-'));
  const webDist = join(dataDir, 'web');
  await mkdir(join(webDist, 'assets'), { recursive: true });
  // What the build writes: hashed assets and their brotli / gzip copies (apps/web/vite-precompress.ts).
  for (const [path, text] of [
    ['assets/desk-3f9a1c2b.js', SCRIPT],
    ['index.html', HTML],
  ] as const) {
    await writeFile(join(webDist, path), text);
    await writeFile(join(webDist, `${path}.br`), brotliCompressSync(Buffer.from(text)));
    await writeFile(join(webDist, `${path}.gz`), gzipSync(Buffer.from(text)));
  }
  server = await startLiveServer(app.db, { ...app.config, dataDir, webDist });
});

afterAll(async () => {
  await server?.close();
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A raw GET (fetch would undo the compression before the test sees it). */
function get(path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (done, fail) => {
      const url = new URL(path, server.base);
      const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', fail);
      req.end();
    },
  );
}

describe('web app delivery', () => {
  it('sends a hashed asset brotli-compressed and cached for a year as immutable when the browser accepts br', async () => {
    const res = await get('/assets/desk-3f9a1c2b.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
  });

  it('sends gzip to a browser that accepts only gzip, and the plain file to one that accepts neither', async () => {
    const gz = await get('/assets/desk-3f9a1c2b.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await get('/assets/desk-3f9a1c2b.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('never lets a browser keep the app shell without asking: index.html and client routes are no-cache', async () => {
    for (const path of ['/', '/desk', '/index.html']) {
      const res = await get(path, 'br');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/html/);
      expect(brotliDecompressSync(res.body).toString()).toBe(HTML);
    }
  });
});
