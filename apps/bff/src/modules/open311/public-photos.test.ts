import { caseAttachments, cases } from '@citygov/db/schema/cases';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../http/create-app';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { pointIn } from '../cases/case-test-helpers';
import { type Answer, HttpClient, json } from './open311-test-client';

// 随手拍 for citizens: a photo uploaded without an account is attached to the report that
// presents its claim token, and to no other; the picked point is named from our area data.

let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;
let apiKey = '';
const http = new HttpClient();

beforeAll(async () => {
  app = await openTestApp();
  await http.start(createHttpApp(app.db, app.config));
  here = await pointIn(app, '临江区');
  apiKey = json<{ apiKey: string }>(await http.call('/open311/web-config.json')).apiKey;
});
afterAll(async () => {
  await http.close();
  await app?.close();
});

let shade = 0;
async function png(): Promise<Blob> {
  const buffer = await sharp({
    create: { width: 320, height: 240, channels: 3, background: { r: ++shade, g: 90, b: 40 } },
  })
    .png()
    .toBuffer();
  return new Blob([new Uint8Array(buffer)], { type: 'image/png' });
}

async function uploadPhoto(file: Blob, key = apiKey, name = '现场.png'): Promise<Answer> {
  const body = new FormData();
  body.append('file', file, name);
  return http.call(`/open311/media.json?api_key=${encodeURIComponent(key)}`, { method: 'POST', body });
}

async function tokenOf(): Promise<string> {
  const answer = await uploadPhoto(await png());
  expect(answer.status, answer.text).toBe(201);
  return json<{ media_token: string }>(answer).media_token;
}

function reportWith(tokens: string[]) {
  const fields = new URLSearchParams({
    api_key: apiKey,
    service_code: 'event-06001',
    description: '人行道上的窨井盖缺失，行人容易踩空',
    lat: String(here.lat),
    long: String(here.lng),
  });
  for (const token of tokens) fields.append('media_token', token);
  return http.call('/open311/v2/requests.json', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
  });
}

describe('citizen photos (随手拍)', () => {
  it('attaches uploaded photos to the report that presents their tokens, once', async () => {
    const tokens = [await tokenOf(), await tokenOf()];
    expect(tokens[0]).toMatch(/^\d+\.[\w-]{20,}$/);
    const answer = await reportWith(tokens);
    expect(answer.status, answer.text).toBe(201);
    const [created] = json<{ service_request_id: string }[]>(answer);
    const [row] = await app.db
      .select()
      .from(cases)
      .where(eq(cases.caseNo, created?.service_request_id ?? ''));
    const photos = await app.db
      .select()
      .from(caseAttachments)
      .where(eq(caseAttachments.caseId, row?.id ?? 0));
    expect(photos.map((p) => [p.purpose, p.mime])).toEqual([
      ['report', 'image/png'],
      ['report', 'image/png'],
    ]);

    // A token used once, or guessed from an id, attaches nothing and refuses the report.
    const again = await reportWith([tokens[0] ?? '']);
    expect(again.status).toBe(400);
    expect(again.text).toContain('照片已失效');
    const fresh = await tokenOf();
    const guessed = `${fresh.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    expect((await reportWith([guessed])).status).toBe(400);
  });

  it('takes photos only, with the published key', async () => {
    const text = new Blob(['not a photo at all'], { type: 'text/plain' });
    expect((await uploadPhoto(text)).status).toBe(415);
    expect((await uploadPhoto(await png(), 'o311_wrong')).status).toBe(403);
  });

  it('names a picked point from our grids and areas, and refuses one outside the city', async () => {
    const named = await http.call(`/open311/place.json?lat=${here.lat}&long=${here.lng}`);
    expect(named.status, named.text).toBe(200);
    expect(json<{ name: string }>(named).name).toMatch(/^临江区.+街道.+社区附近$/);
    expect((await http.call('/open311/place.json?lat=10&long=10')).status).toBe(404);
    expect((await http.call('/open311/place.json?lat=x&long=1')).status).toBe(400);
  });
});
