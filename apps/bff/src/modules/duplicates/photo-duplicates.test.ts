import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseAttachments } from '@citygov/db/schema/cases';
import { duplicateSuspects } from '@citygov/db/schema/intake';
import { openTestDatabase } from '@citygov/db/testing/open-test-database';
import { hammingDistance } from '@citygov/domain/intake/photo-hash';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveServer, SAME_ORIGIN_HEADERS, startLiveServer } from '../../testing/live-server';
import { type TestApp, testAppOn } from '../../testing/test-app';
import { photoHashTimer } from '../attachments/api';
import { pointIn } from '../cases/case-test-helpers';
import { OutboxWorker } from '../integrations/api';

/**
 * 照片相似 in 智能判重, end to end: photos uploaded as the desk and the phone upload them
 * (POST /api/attachments), hashed when stored, compared when a report is checked and filed.
 * The pictures are drawn here with sharp: no binary fixtures.
 */

let app: TestApp;
let server: LiveServer;
let dataDir: string;
let here: { lng: number; lat: number };
let databaseUrl: string | undefined;
let worker: OutboxWorker | undefined;

beforeAll(async () => {
  const open = await openTestDatabase();
  databaseUrl = open.location;
  app = testAppOn(open);
  dataDir = await mkdtemp(join(tmpdir(), 'citygov-phash-'));
  server = await startLiveServer(app.db, { ...app.config, dataDir });
  here = await pointIn(app, '云山区');
});

afterAll(async () => {
  await worker?.stop();
  await server?.close();
  await app?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** `metres` east of the test spot. */
const east = (metres: number) => ({
  lng: here.lng + metres / (111_195 * Math.cos((here.lat * Math.PI) / 180)),
  lat: here.lat,
});

/** A 1200 × 900 photo of `svg` over sensor-like noise, as a phone would send it (JPEG). */
async function scene(svg: string): Promise<Buffer> {
  const drawing = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">${svg}</svg>`);
  const noise = { type: 'gaussian', mean: 128, sigma: 40 } as const;
  // The background is required by the type but unused: the noise fills the canvas.
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: '#808080', noise } })
    .composite([{ input: drawing }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A road with a pothole, a lane line and a kerb (the shapes are slightly see-through, so the noise shows). */
const POTHOLE = `
  <defs><linearGradient id="road" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#9aa0a6"/><stop offset="1" stop-color="#4a4f55"/></linearGradient></defs>
  <rect width="1200" height="900" fill="url(#road)" fill-opacity="0.9"/>
  <rect x="0" y="0" width="1200" height="180" fill="#b9d3ee" fill-opacity="0.9"/>
  <polygon points="560,180 640,180 760,900 440,900" fill="#f5f5f5" fill-opacity="0.85"/>
  <ellipse cx="380" cy="560" rx="190" ry="90" fill="#1c1c1c" fill-opacity="0.9"/>
  <rect x="0" y="780" width="1200" height="120" fill="#d9d0c1" fill-opacity="0.9"/>
  <circle cx="1020" cy="120" r="90" fill="#2e7d32" fill-opacity="0.9"/>`;

/** Two shop fronts: sign, door and windows in different places and colours. */
const SHOP_FRUIT = `
  <rect width="1200" height="900" fill="#ece3d0" fill-opacity="0.9"/>
  <rect x="0" y="60" width="1200" height="170" fill="#c62828" fill-opacity="0.9"/>
  <rect x="820" y="330" width="260" height="570" fill="#3e2723" fill-opacity="0.9"/>
  <rect x="90" y="330" width="560" height="330" fill="#90caf9" fill-opacity="0.9"/>
  <rect x="60" y="700" width="700" height="160" fill="#ff8f00" fill-opacity="0.9"/>`;
const SHOP_TEA = `
  <rect width="1200" height="900" fill="#263238" fill-opacity="0.9"/>
  <rect x="600" y="0" width="600" height="900" fill="#e0f2f1" fill-opacity="0.9"/>
  <rect x="80" y="120" width="420" height="620" fill="#fdd835" fill-opacity="0.9"/>
  <circle cx="900" cy="640" r="170" fill="#00695c" fill-opacity="0.9"/>
  <rect x="650" y="40" width="500" height="120" fill="#111111" fill-opacity="0.9"/>`;

/**
 * The same photo as it comes back from a chat app or another upload: 3 % cut off each side,
 * scaled down, saved at lower quality. (pHash tolerates a crop of a few percent; a crop of
 * 6 % a side already moves about 16 bits of this scene — the middle band, where photos say nothing.)
 */
async function retaken(photo: Buffer): Promise<Buffer> {
  return sharp(photo)
    .extract({ left: 36, top: 27, width: 1128, height: 846 })
    .resize(640)
    .jpeg({ quality: 55 })
    .toBuffer();
}

interface Uploaded {
  id: number;
}

async function upload(username: string, bytes: Buffer, filename: string, type = 'image/jpeg'): Promise<Uploaded> {
  const cookie = await server.signIn(username);
  const form = new FormData();
  form.append('purpose', 'report');
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = await fetch(`${server.base}/api/attachments`, {
    method: 'POST',
    body: form,
    headers: { cookie, ...SAME_ORIGIN_HEADERS },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Uploaded;
}

async function phashOf(id: number): Promise<string | null> {
  const [row] = await app.db
    .select({ phash: caseAttachments.phash })
    .from(caseAttachments)
    .where(eq(caseAttachments.id, id));
  return row?.phash ?? null;
}

type ReportExtra = { attachmentIds?: number[]; lng?: number; lat?: number; confirmedDistinct?: boolean };

async function report(username: string, categoryCode: string, description: string, extra: ReportExtra = {}) {
  const caller = await app.as(username);
  return caller.cases.report({ source: 'hotline', kind: 'event', categoryCode, description, ...here, ...extra });
}

describe('photo hashes on attachments', () => {
  it('hashes a photo when it is stored, and gives a video no hash and no error', async () => {
    const photo = await upload('yunshan.acceptor', await scene(POTHOLE), '坑洼.jpg');
    const hash = await phashOf(photo.id);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    // The same scene re-encoded, scaled and slightly cropped hashes nearly the same; another scene does not.
    const again = await upload('yunshan.acceptor', await retaken(await scene(POTHOLE)), '坑洼2.jpg');
    const shop = await upload('yunshan.acceptor', await scene(SHOP_FRUIT), '水果店.jpg');
    expect(hammingDistance(hash ?? '', (await phashOf(again.id)) ?? '')).toBeLessThanOrEqual(10);
    expect(hammingDistance(hash ?? '', (await phashOf(shop.id)) ?? '')).toBeGreaterThanOrEqual(24);

    const ftyp = Buffer.from('0000001c6674797069736f6d0000020069736f6d69736f326d703431', 'hex');
    const mdat = Buffer.concat([Buffer.from('00002008', 'hex'), Buffer.from('mdat'), Buffer.alloc(8192, 7)]);
    const video = await upload('yunshan.acceptor', Buffer.concat([ftyp, mdat]), 'clip.mp4', 'video/mp4');
    expect(await phashOf(video.id)).toBeNull();
  });

  it('the backfill hashes photos stored before hashing, so they count in duplicate detection again', async () => {
    const original = await scene(POTHOLE);
    const old = await upload('yunshan.acceptor', original, '旧照片.jpg');
    const lead = await report('yunshan.acceptor', '06013', '人行道旁路面塌陷一个坑', {
      attachmentIds: [old.id],
      ...east(900),
    });
    const hashedOnUpload = await phashOf(old.id);
    // As a photo stored before this version: no hash. And a photo row whose file is gone.
    await app.db.update(caseAttachments).set({ phash: null }).where(eq(caseAttachments.id, old.id));
    const [lost] = await app.db
      .insert(caseAttachments)
      .values({ caseId: lead.id, purpose: 'report', sha256: 'f'.repeat(64), mime: 'image/png', bytes: 10 })
      .returning({ id: caseAttachments.id });
    const retake = await upload('yunshan.acceptor', await retaken(original), 'IMG_0900.jpg');
    const acceptor = await app.as('yunshan.acceptor');
    const query = {
      kind: 'event' as const,
      categoryCode: '06013',
      description: '路面塌了个坑',
      ...east(900),
      attachmentIds: [retake.id],
    };
    const before = (await acceptor.intake.findDuplicates(query)).find((c) => c.caseId === lead.id);
    expect(before?.factors.photoDistance).toBeNull();

    // The outbox worker's queue runs the backfill, as every BFF process does.
    const logged: string[] = [];
    worker = await OutboxWorker.start({
      db: app.db,
      kind: app.kind,
      databaseUrl,
      channels: new Map(),
      sweepMs: 300,
      maintenanceSeconds: 1,
      timers: [photoHashTimer(dataDir, (line) => logged.push(line))],
    });
    await expect.poll(() => phashOf(lost?.id ?? 0), { timeout: 30_000 }).toBe('');
    await worker.stop();
    worker = undefined;
    expect(await phashOf(old.id)).toBe(hashedOnUpload);
    expect(logged.at(-1)).toContain('0 left');
    // The lost file is looked at once and never compared.
    expect(await phashOf(lost?.id ?? 0)).toBe('');
    const after = (await acceptor.intake.findDuplicates(query)).find((c) => c.caseId === lead.id);
    expect(after?.factors).toMatchObject({ photoSimilar: 1 });
    expect(after?.score ?? 0).toBeGreaterThan(before?.score ?? 1);
  });
});

describe('照片相似 in duplicate detection', () => {
  it('ranks the original higher when the re-report carries the same photo, re-encoded and slightly cropped', async () => {
    const original = await scene(POTHOLE);
    const first = await upload('yunshan.acceptor', original, '路面坑洼.jpg');
    // 道路破损, reported 120 m up the road: without photos, a case for the shift lead to look at.
    const lead = await report('yunshan.acceptor', '06013', '路面有一个大坑，车辆经过很危险', {
      attachmentIds: [first.id],
      ...east(120),
    });
    const retake = await upload('yunshan.acceptor', await retaken(original), 'IMG_0412.jpg');
    const acceptor = await app.as('yunshan.acceptor');
    const query = { kind: 'event' as const, categoryCode: '06013', description: '这里马路坑洼，路面坏了', ...here };

    const withoutPhoto = (await acceptor.intake.findDuplicates(query)).find((c) => c.caseId === lead.id);
    const withPhoto = (await acceptor.intake.findDuplicates({ ...query, attachmentIds: [retake.id] })).find(
      (c) => c.caseId === lead.id,
    );
    expect(withoutPhoto?.factors).toMatchObject({ photoDistance: null, photoSimilar: 0 });
    expect(withPhoto?.factors).toMatchObject({ photoSimilar: 1, photoDifferent: 0 });
    expect(withPhoto?.factors.photoDistance).toBeLessThanOrEqual(10);
    expect(withPhoto?.score ?? 0).toBeGreaterThan(withoutPhoto?.score ?? 1);
    // What the acceptor sees: 可能相似 becomes 高度相似 (filed as it is, the report would join the case).
    expect([withoutPhoto?.decision, withPhoto?.decision]).toEqual(['review', 'merge']);
    console.info(
      `[photo] re-report 120 m away: ${withoutPhoto?.score} (${withoutPhoto?.decision}) without photos → ` +
        `${withPhoto?.score} (${withPhoto?.decision}) with the retaken photo, ${withPhoto?.factors.photoDistance} bits apart`,
    );

    // Filed with the photo, the shift lead sees the pair with 照片相似 (or it is merged outright).
    const repeat = await report('yunshan.acceptor', '06013', '这里马路坑洼，路面坏了', {
      attachmentIds: [retake.id],
      confirmedDistinct: true,
    });
    const shiftLead = await app.as('yunshan.shift_lead');
    const pair = (await shiftLead.duplicates.list()).rows.find((p) => p.right.id === repeat.id);
    expect(pair?.left.id).toBe(lead.id);
    expect(pair?.factors).toMatchObject({ photoSimilar: true, photoDifferent: false });
  });

  it('does not auto-merge two shops with similar words next door when their photos clearly differ', async () => {
    const fruit = await upload('yunshan.acceptor', await scene(SHOP_FRUIT), '店外经营1.jpg');
    const first = await report('yunshan.acceptor', '09005', '商铺把货架摆到店门外人行道上经营', {
      attachmentIds: [fruit.id],
      ...east(-400),
    });
    const tea = await upload('yunshan.acceptor', await scene(SHOP_TEA), '店外经营2.jpg');
    const nextDoor = { ...east(-410), kind: 'event' as const, categoryCode: '09005' };
    const text = '店家把货架摆到门外人行道上占道经营';
    const acceptor = await app.as('yunshan.acceptor');
    // Without photos the two would be one problem (10 m apart, the same words, no house numbers).
    const blind = (await acceptor.intake.findDuplicates({ ...nextDoor, description: text })).find(
      (c) => c.caseId === first.id,
    );
    expect(blind?.decision).toBe('merge');
    const seen = (
      await acceptor.intake.findDuplicates({ ...nextDoor, description: text, attachmentIds: [tea.id] })
    ).find((c) => c.caseId === first.id);
    expect(seen?.factors.photoDifferent).toBe(1);
    expect(seen?.decision).not.toBe('merge');
    expect(seen?.score ?? 1).toBeLessThan(blind?.score ?? 0);
    console.info(
      `[photo] shop next door: ${blind?.score} (${blind?.decision}) without photos → ` +
        `${seen?.score} (${seen?.decision}) with a different shop's photo, ${seen?.factors.photoDistance} bits apart`,
    );

    const second = await report('yunshan.acceptor', '09005', text, { attachmentIds: [tea.id], ...east(-410) });
    expect(second.mergedInto).toBeNull();
    expect(second.status).not.toBe('merged');
    const pairs = await app.db.select().from(duplicateSuspects).where(eq(duplicateSuspects.caseId, second.id));
    for (const pair of pairs) expect(pair.factors).toMatchObject({ photoDifferent: 1 });
  });
});
