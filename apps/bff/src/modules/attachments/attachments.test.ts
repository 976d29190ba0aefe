import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLog } from '@citygov/db/schema/audit';
import { users } from '@citygov/db/schema/auth';
import { caseAttachments, cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import { ValidationError } from '@citygov/domain/errors';
import { and, eq, like } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../env';
import { type LiveServer, SAME_ORIGIN_HEADERS, startLiveServer } from '../../testing/live-server';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { attachUploads } from '../cases/attach-uploads';
import { attachmentPath, attachmentsRoot } from './attachment-store';
import type { UploadResponse } from './upload-attachment';

let app: TestApp;
let config: AppConfig;
let dataDir: string;
let server: LiveServer;
let base: string;

beforeAll(async () => {
  app = await openTestApp();
  dataDir = await mkdtemp(join(tmpdir(), 'citygov-attachments-'));
  config = { ...app.config, dataDir };
  server = await startLiveServer(app.db, config);
  base = server.base;
});

afterAll(async () => {
  await server?.close();
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const signIn = (username: string) => server.signIn(username);

interface Answer<T> {
  status: number;
  body: T;
}

async function upload(
  cookie: string | null,
  content: Blob,
  filename: string,
  purpose = 'report',
): Promise<Answer<UploadResponse & { error?: { code: string; message: string } }>> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', content, filename);
  const res = await fetch(`${base}/api/attachments`, {
    method: 'POST',
    body: form,
    headers: cookie ? { cookie, ...SAME_ORIGIN_HEADERS } : SAME_ORIGIN_HEADERS,
  });
  return {
    status: res.status,
    body: (await res.json()) as UploadResponse & { error?: { code: string; message: string } },
  };
}

async function get(cookie: string | null, path: string, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, { headers: cookie ? { cookie, ...headers } : headers });
}

let shade = 0;
/** A real PNG, different on every call unless the same shade is asked for. */
async function png(width = 800, height = 600, value = ++shade): Promise<Blob> {
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r: value % 256, g: 80, b: 160 } } })
    .png()
    .toBuffer();
  return new Blob([new Uint8Array(buffer)], { type: 'image/png' });
}

/** Every regular file under the attachments folder, relative paths. */
async function storedFiles(): Promise<string[]> {
  const root = attachmentsRoot(dataDir);
  const entries = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  const files: string[] = [];
  for (const entry of entries) if ((await stat(join(root, entry))).isFile()) files.push(entry);
  return files.sort();
}

describe('POST /api/attachments', () => {
  it('stores a photo by its SHA-256, records its size, makes a thumbnail and logs the upload', async () => {
    const cookie = await signIn('linjiang.collector');
    const { status, body } = await upload(cookie, await png(800, 600), '现场照片.png');
    expect(status).toBe(201);
    expect(body).toMatchObject({ mime: 'image/png', width: 800, height: 600 });
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.url).toBe(`/api/attachments/${body.id}`);
    expect(body.thumbUrl).toBe(`/api/attachments/${body.id}/thumb`);

    const onDisk = attachmentPath(dataDir, body.sha256);
    expect(onDisk).toBe(join(dataDir, 'attachments', body.sha256.slice(0, 2), body.sha256.slice(2, 4), body.sha256));
    expect((await stat(onDisk)).size).toBe(body.bytes);

    const [row] = await app.db.select().from(caseAttachments).where(eq(caseAttachments.id, body.id));
    expect(row).toMatchObject({
      caseId: null,
      purpose: 'report',
      sha256: body.sha256,
      mime: 'image/png',
      bytes: body.bytes,
      width: 800,
      height: 600,
      originalName: '现场照片.png',
      uploadedBy: await app.userId('linjiang.collector'),
    });

    const original = await get(cookie, body.url);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(original.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(original.headers.get('etag')).toBe(`"${body.sha256}"`);
    expect(Buffer.from(await original.arrayBuffer()).length).toBe(body.bytes);

    const thumb = await get(cookie, body.thumbUrl ?? '');
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const size = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(Math.max(size.width, size.height)).toBe(320);

    // fetch adds "cache-control: no-cache" to conditional requests unless one is given.
    const revalidated = await get(cookie, body.url, {
      'if-none-match': `"${body.sha256}"`,
      'cache-control': 'max-age=0',
    });
    expect(revalidated.status).toBe(304);

    const [audit] = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attachments.upload'), eq(auditLog.target, `attachment:${body.id}`)));
    expect(audit).toMatchObject({ outcome: 'ok', username: 'linjiang.collector' });
  });

  it('stores the same bytes once: two uploads, two rows, one file', async () => {
    const cookie = await signIn('linjiang.collector');
    const photo = await png(400, 300, 200);
    const first = await upload(cookie, photo, 'a.png');
    const second = await upload(cookie, photo, 'b.png', 'verify');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.sha256).toBe(first.body.sha256);
    expect(second.body.id).not.toBe(first.body.id);
    const files = (await storedFiles()).filter((f) => f.includes(first.body.sha256));
    expect(files).toHaveLength(2); // the original and its thumbnail
    expect(files.some((f) => f.endsWith('.thumb.webp'))).toBe(true);
  });

  it('accepts a video by its content and serves byte ranges for players', async () => {
    const cookie = await signIn('linjiang.collector');
    // An ISO-BMFF header (ftyp "isom") followed by a media box: what phones record as .mp4.
    const ftyp = Buffer.from('0000001c6674797069736f6d0000020069736f6d69736f326d703431', 'hex');
    const mdat = Buffer.concat([Buffer.from('00002008', 'hex'), Buffer.from('mdat'), Buffer.alloc(8192, 7)]);
    const video = new Blob([new Uint8Array(Buffer.concat([ftyp, mdat]))], { type: 'application/octet-stream' });
    const { status, body } = await upload(cookie, video, 'clip.bin', 'feedback');
    expect(status).toBe(201);
    expect(body).toMatchObject({ mime: 'video/mp4', width: null, height: null, thumbUrl: null });
    const part = await get(cookie, body.url, { range: 'bytes=0-15' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect((await part.arrayBuffer()).byteLength).toBe(16);
    expect((await get(cookie, `${body.url}/thumb`)).status).toBe(404);
  });

  it('judges the type by content: a text file named photo.jpg is refused with 415', async () => {
    const cookie = await signIn('linjiang.collector');
    const before = await storedFiles();
    const text = new Blob(['这不是照片，只是一段文字。\n'.repeat(50)], { type: 'image/jpeg' });
    const { status, body } = await upload(cookie, text, 'photo.jpg');
    expect(status).toBe(415);
    expect(body.error?.message).toBe('不支持的文件类型：只能上传照片（JPG/PNG/WebP）或视频（MP4/MOV/WebM）');
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a 12 MB "photo" with 413 while it streams and leaves no partial file', async () => {
    const cookie = await signIn('linjiang.collector');
    const before = await storedFiles();
    // PNG signature and the start of an IHDR chunk (4000×3000), then zeros: image-typed by content.
    const header = Buffer.from('89504e470d0a1a0a0000000d4948445200000fa000000bb808020000', 'hex');
    const big = new Blob([new Uint8Array(header), new Uint8Array(12 * 1024 * 1024)], { type: 'image/png' });
    const { status, body } = await upload(cookie, big, 'huge.png');
    expect(status).toBe(413);
    expect(body.error?.message).toBe('文件过大：照片不能超过 10 MB');
    expect(await storedFiles()).toEqual(before);
    const refused = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attachments.upload'), eq(auditLog.outcome, 'failed')));
    expect(refused.some((r) => r.detail?.error === '文件过大：照片不能超过 10 MB')).toBe(true);
  });

  it('removes the partial file when the client goes away mid-upload', async () => {
    const cookie = await signIn('linjiang.collector');
    const before = await storedFiles();
    const boundary = 'citygov-test-boundary';
    const req = request(`${base}/api/attachments`, {
      method: 'POST',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, ...SAME_ORIGIN_HEADERS },
    });
    req.on('error', () => {});
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    req.write(Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(2 * 1024 * 1024)]));
    await expect.poll(async () => (await storedFiles()).length).toBe(before.length + 1); // the temp file
    req.destroy();
    await expect.poll(storedFiles).toEqual(before);
  });

  it('refuses an unknown purpose', async () => {
    const cookie = await signIn('linjiang.collector');
    const { status, body } = await upload(cookie, await png(10, 10), 'x.png', 'selfie');
    expect(status).toBe(400);
    expect(body.error?.message).toContain('附件用途无效');
  });

  it('needs a session (401) and an upload permission (403)', async () => {
    const anonymous = await upload(null, await png(10, 10), 'x.png');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    expect((await get(null, '/api/attachments/1')).status).toBe(401);

    const leader = await signIn('linjiang.leader');
    const refused = await upload(leader, await png(10, 10), 'x.png');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: 'FORBIDDEN', message: '没有上传附件的权限' });
  });
});

/** Inserts a bare case in the first grid under the collector's street. */
async function insertCaseFor(username: string): Promise<number> {
  const [user] = await app.db
    .select({ areaPath: areas.path })
    .from(users)
    .innerJoin(areas, eq(areas.id, users.areaId))
    .where(eq(users.username, username));
  if (!user) throw new Error(`no user ${username}`);
  const [grid] = await app.db
    .select({ id: areas.id, path: areas.path })
    .from(areas)
    .where(and(eq(areas.level, 'grid'), like(areas.path, `${user.areaPath}%`)))
    .limit(1);
  if (!grid) throw new Error(`no grid under ${user.areaPath}`);
  const [, districtId, streetId, communityId] = grid.path.split('/').filter(Boolean).map(Number);
  if (!districtId || !streetId || !communityId) throw new Error(`unexpected grid path ${grid.path}`);
  const [row] = await app.db
    .insert(cases)
    .values({
      caseNo: `2026${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      source: 'collector',
      kind: 'event',
      categoryCode: '0101',
      urgency: 'normal',
      description: '附件测试案件',
      address: '测试地址',
      lng: 120,
      lat: 30,
      gridId: grid.id,
      communityId,
      streetId,
      districtId,
      status: 'reported',
    })
    .returning({ id: cases.id });
  if (!row) throw new Error('case insert returned nothing');
  return row.id;
}

async function uploadAs(username: string): Promise<UploadResponse> {
  const { status, body } = await upload(await signIn(username), await png(64, 48), 'p.png');
  expect(status).toBe(201);
  return body;
}

describe('who may see an attachment', () => {
  it('keeps an unattached upload private to its uploader', async () => {
    const mine = await uploadAs('linjiang.collector');
    expect((await get(await signIn('linjiang.collector'), mine.url)).status).toBe(200);
    const other = await get(await signIn('linjiang.shift_lead'), mine.url);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { message: string } }).error.message).toBe('附件不存在或无权查看');
    expect((await get(await signIn('linjiang.shift_lead'), '/api/attachments/99999999')).status).toBe(404);
  });

  it('shows an attached photo within the case district and hides it from another district', async () => {
    const photo = await uploadAs('linjiang.collector');
    const caseId = await insertCaseFor('linjiang.collector');
    const collector = await app.userId('linjiang.collector');
    await app.db.transaction((tx) =>
      attachUploads(tx, { caseId, eventId: null, attachmentIds: [photo.id], userId: collector }),
    );
    const [row] = await app.db.select().from(caseAttachments).where(eq(caseAttachments.id, photo.id));
    expect(row?.caseId).toBe(caseId);

    expect((await get(await signIn('linjiang.shift_lead'), photo.url)).status).toBe(200);
    expect((await get(await signIn('linjiang.shift_lead'), photo.thumbUrl ?? '')).status).toBe(200);
    expect((await get(await signIn('hubin.shift_lead'), photo.url)).status).toBe(404);
    expect((await get(await signIn('hubin.shift_lead'), photo.thumbUrl ?? '')).status).toBe(404);
  });
});

describe('attachUploads', () => {
  it("refuses someone else's upload, an unknown id and one already on another case, changing nothing", async () => {
    const theirs = await uploadAs('linjiang.collector');
    const mine = await uploadAs('linjiang.acceptor');
    const caseId = await insertCaseFor('linjiang.collector');
    const acceptor = await app.userId('linjiang.acceptor');

    const attempt = (attachmentIds: number[], onCase = caseId) =>
      app.db.transaction((tx) => attachUploads(tx, { caseId: onCase, eventId: null, attachmentIds, userId: acceptor }));

    await expect(attempt([mine.id, theirs.id])).rejects.toThrow(ValidationError);
    await expect(attempt([theirs.id])).rejects.toThrow('不能使用他人上传的附件');
    await expect(attempt([99999999])).rejects.toThrow('附件不存在');
    // The refused set rolled back with the caller's transaction: mine is still free.
    const [stillFree] = await app.db.select().from(caseAttachments).where(eq(caseAttachments.id, mine.id));
    expect(stillFree?.caseId).toBeNull();

    await attempt([mine.id]);
    await attempt([mine.id]); // attaching again to the same case changes nothing
    const otherCase = await insertCaseFor('linjiang.collector');
    await expect(attempt([mine.id], otherCase)).rejects.toThrow('附件已关联到其他案件');
    const [attached] = await app.db.select().from(caseAttachments).where(eq(caseAttachments.id, mine.id));
    expect(attached?.caseId).toBe(caseId);
  });
});
