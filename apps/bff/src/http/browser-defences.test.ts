import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLog } from '@citygov/db/schema/audit';
import { caseAttachments, userPhrases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import { asc, count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileSourceOf } from '../env';
import { attachmentsRoot } from '../modules/attachments/attachment-store';
import type { UploadResponse } from '../modules/attachments/upload-attachment';
import { DEMO_API_KEY } from '../modules/open311/api-keys';
import { expectNoInternals } from '../testing/expect-no-internals';
import { type LiveServer, SAME_ORIGIN_HEADERS, startLiveServer } from '../testing/live-server';
import { openTestApp, type TestApp } from '../testing/test-app';
import { CSRF_REFUSED_MESSAGE } from './csrf-guard';
import { ATTACHMENT_CSP } from './security-headers';

let app: TestApp;
let server: LiveServer;
let dataDir: string;

beforeAll(async () => {
  app = await openTestApp();
  dataDir = await mkdtemp(join(tmpdir(), 'citygov-defences-'));
  const webDist = join(dataDir, 'web');
  await mkdir(join(webDist, 'assets'), { recursive: true });
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>云湖</title><div id="root"></div>');
  await writeFile(join(webDist, 'assets', 'app.js'), 'console.log(1)');
  server = await startLiveServer(app.db, {
    ...app.config,
    dataDir,
    webDist,
    tileSources: tileSourceOf('https://tiles.example.cn/{z}/{x}/{y}.png'),
  });
});

afterAll(async () => {
  await server?.close();
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function photo(): Promise<Blob> {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#208040' } })
    .png()
    .toBuffer();
  return new Blob([new Uint8Array(png)], { type: 'image/png' });
}

async function uploadWith(headers: Record<string, string>) {
  const form = new FormData();
  form.append('purpose', 'report');
  form.append('file', await photo(), 'p.png');
  return fetch(`${server.base}/api/attachments`, { method: 'POST', body: form, headers });
}

function directivesOf(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe('security headers', () => {
  it('HTML, API and static answers carry CSP, frame, sniffing and referrer defences; no HSTS on plain HTTP', async () => {
    const cookie = await server.signIn('linjiang.collector');
    for (const path of ['/desk', '/trpc/auth.me', '/assets/app.js', '/healthz', '/api/attachments/999999']) {
      const res = await fetch(`${server.base}${path}`, { headers: { cookie } });
      const csp = directivesOf(res.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('script-src'), path).toEqual(["'self'"]);
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      // maplibre's worker and tile images, antd's runtime styles, the configured tile server.
      expect(csp.get('worker-src'), path).toEqual(["'self'", 'blob:']);
      expect(csp.get('style-src'), path).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp.get('img-src'), path).toContain('https://tiles.example.cn');
      expect(csp.get('connect-src'), path).toContain('https://tiles.example.cn');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
    }
    const html = await fetch(`${server.base}/desk`);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    // One user's data is never kept by a browser or proxy cache.
    const api = await fetch(`${server.base}/trpc/auth.me`, { headers: { cookie } });
    expect(api.headers.get('cache-control')).toBe('no-store');
  });

  it('a photo answer is sandboxed and not sniffable', async () => {
    const cookie = await server.signIn('linjiang.collector');
    const uploaded = (await (await uploadWith({ cookie, ...SAME_ORIGIN_HEADERS })).json()) as UploadResponse;
    for (const url of [uploaded.url, uploaded.thumbUrl ?? '']) {
      const res = await fetch(`${server.base}${url}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(ATTACHMENT_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('sends HSTS when a reverse proxy on loopback says the request came over TLS', async () => {
    const res = await fetch(`${server.base}/desk`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('turns a tile URL template into a CSP source, and ignores what is not one', () => {
    expect(tileSourceOf('https://tiles.example.cn/{z}/{x}/{y}.png')).toEqual(['https://tiles.example.cn']);
    expect(tileSourceOf('https://{s}.tile.example.org:8443/{z}/{x}/{y}.png')).toEqual([
      'https://*.tile.example.org:8443',
    ]);
    expect(tileSourceOf(undefined)).toEqual([]);
    expect(tileSourceOf("https://evil.example; script-src 'unsafe-inline'")).toEqual([]);
    expect(tileSourceOf('javascript:alert(1)')).toEqual([]);
  });
});

describe('cross-site request forgery', () => {
  const phrasesOf = async (username: string) => {
    const [row] = await app.db
      .select({ n: count() })
      .from(userPhrases)
      .where(eq(userPhrases.userId, await app.userId(username)));
    return row?.n ?? 0;
  };

  const addPhrase = async (cookie: string, headers: Record<string, string>) => {
    const res = await fetch(`${server.base}/trpc/phrases.add`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ json: { text: '请尽快到现场核实' } }),
    });
    return { status: res.status, body: await res.text() };
  };

  it.each([
    ['no custom header (a cross-site form)', { 'sec-fetch-site': 'cross-site' }],
    ['no custom header, old browser', {}],
    ['a sibling subdomain', { 'sec-fetch-site': 'same-site', 'x-citygov-csrf': '1' }],
    ['a foreign Origin, old browser', { origin: 'http://evil.example', 'x-citygov-csrf': '1' }],
    ['an opaque Origin', { origin: 'null', 'x-citygov-csrf': '1' }],
  ])('refuses a tRPC mutation with %s: 403, nothing changed', async (_who, headers: Record<string, string>) => {
    const cookie = await server.signIn('linjiang.acceptor');
    const before = await phrasesOf('linjiang.acceptor');
    const answer = await addPhrase(cookie, headers);
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'CSRF_REFUSED', message: CSRF_REFUSED_MESSAGE } });
    expect(await phrasesOf('linjiang.acceptor')).toBe(before);
  });

  it('accepts the same mutation from our own page', async () => {
    const cookie = await server.signIn('linjiang.acceptor');
    const before = await phrasesOf('linjiang.acceptor');
    const origin = server.base;
    const answer = await addPhrase(cookie, { ...SAME_ORIGIN_HEADERS, 'sec-fetch-site': 'same-origin', origin });
    expect(answer.status).toBe(200);
    expect(await phrasesOf('linjiang.acceptor')).toBe(before + 1);
  });

  it('refuses a forged batch, a forged logout and a forged login', async () => {
    const cookie = await server.signIn('linjiang.shift_lead');
    const batch = await fetch(`${server.base}/trpc/auth.logout,phrases.add?batch=1`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ 0: { json: null }, 1: { json: { text: '伪造的习惯语' } } }),
    });
    expect(batch.status).toBe(403);
    const logout = await fetch(`${server.base}/trpc/auth.logout`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(logout.status).toBe(403);
    // A mutation cannot be sent as a GET either.
    expect((await fetch(`${server.base}/trpc/auth.logout`, { headers: { cookie } })).status).toBe(405);
    const me = await fetch(`${server.base}/trpc/auth.me`, { headers: { cookie } });
    expect(await me.text()).toContain('linjiang.shift_lead');

    const login = await fetch(`${server.base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ json: { username: 'linjiang.collector', password: 'Citygov@2026' } }),
    });
    expect(login.status).toBe(403);
    expect(login.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a cross-site upload: 403, no row, no file, no audit entry', async () => {
    const cookie = await server.signIn('linjiang.collector');
    const [rowsBefore] = await app.db.select({ n: count() }).from(caseAttachments);
    const [auditBefore] = await app.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'attachments.upload'));
    const stored = async () => readdir(attachmentsRoot(dataDir), { recursive: true }).catch(() => []);
    const filesBefore = await stored();

    for (const headers of [{ cookie }, { cookie, 'sec-fetch-site': 'same-site', ...SAME_ORIGIN_HEADERS }]) {
      const res = await uploadWith(headers);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('CSRF_REFUSED');
    }
    const [rowsAfter] = await app.db.select({ n: count() }).from(caseAttachments);
    const [auditAfter] = await app.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'attachments.upload'));
    expect(rowsAfter?.n).toBe(rowsBefore?.n);
    expect(auditAfter?.n).toBe(auditBefore?.n);
    expect(await stored()).toEqual(filesBefore);

    expect((await uploadWith({ cookie, ...SAME_ORIGIN_HEADERS, 'sec-fetch-site': 'same-origin' })).status).toBe(201);
  });

  it('never grants a cross-origin preflight', async () => {
    const res = await fetch(`${server.base}/trpc/phrases.add`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-citygov-csrf, content-type',
      },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toBeNull();
  });
});

describe('Open311 is for API clients: key, no cookie, no CSRF header', () => {
  async function reportForm(extra: Record<string, string>) {
    const [grid] = await app.db
      .select({ lat: areas.centerLat, lng: areas.centerLng, path: areas.path })
      .from(areas)
      .where(eq(areas.level, 'grid'))
      .orderBy(asc(areas.code))
      .limit(1);
    return new URLSearchParams({
      service_code: 'event-06001',
      description: '柳岸新村12幢一楼住户在院内用彩钢瓦围出一间棚屋',
      lat: String(grid?.lat ?? 0),
      long: String(grid?.lng ?? 0),
      ...extra,
    }).toString();
  }

  it('creates a request from another system without the header, whatever Origin it names', async () => {
    const res = await fetch(`${server.base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://partner.example',
        'sec-fetch-site': 'cross-site',
        'x-forwarded-for': '198.51.100.77',
      },
      body: await reportForm({ api_key: DEMO_API_KEY }),
    });
    expect(res.status).toBe(201);
  });

  it('a session cookie grants nothing there: without a key the report is refused', async () => {
    const cookie = await server.signIn('admin');
    const res = await fetch(`${server.base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: {
        cookie,
        ...SAME_ORIGIN_HEADERS,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': '198.51.100.78',
      },
      body: await reportForm({}),
    });
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(text).toContain('api_key');
    expectNoInternals(text);
  });
});
