import { users } from '@citygov/db/schema/auth';
import { cases } from '@citygov/db/schema/cases';
import { eq, inArray } from 'drizzle-orm';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../http/create-app';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, departmentNamed, pointIn } from '../cases/case-test-helpers';
import { DEMO_API_KEY } from './api-keys';
import { createOpen311Routes } from './http-routes';
import { loadOpen311Settings, type Open311Settings } from './open311-settings';
import { type Answer, form, HttpClient, json } from './open311-test-client';

/**
 * GET requests publishes what the city chooses (by default citizens' own reports) with
 * their public fields only; every other case answers exactly as a missing one.
 */
let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;
const http = new HttpClient();
type RequestJson = Record<string, unknown> & { service_request_id: string; status_notes: string };
type Created = { service_request_id?: string; token: string };

const SPEC_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
].sort();

let citizen: { caseNo: string; id: number };
let hotline: { caseNo: string; id: number };
let collector: { caseNo: string; id: number };

async function post(fields: Record<string, string>, base = http.base): Promise<Created> {
  const answer = await http.call(
    '/open311/v2/requests.json',
    form({
      api_key: DEMO_API_KEY,
      service_code: 'event-06001',
      lat: String(here.lat),
      long: String(here.lng),
      ...fields,
    }),
    base,
  );
  expect(answer.status, answer.text).toBe(201);
  const [created] = json<Created[]>(answer);
  if (!created) throw new Error('nothing created');
  return created;
}

async function staffReport(username: string, source: 'hotline' | 'collector', description: string) {
  const made = await (await app.as(username)).cases.report({
    source,
    kind: 'event',
    categoryCode: '06001',
    description,
    lng: here.lng,
    lat: here.lat,
    reporterName: '李先生',
    reporterPhone: '13800003333',
    confirmedDistinct: true,
  });
  return { caseNo: made.caseNo, id: made.id };
}

/** The same router with other settings, as another city would configure it. */
async function routesWith(settings: Partial<Open311Settings>): Promise<string> {
  const other = express();
  other.set('trust proxy', 'loopback');
  other.use('/open311', createOpen311Routes(app.db, app.config, { ...loadOpen311Settings({}), ...settings }));
  return http.listen(other);
}

const get = (path: string, base = http.base): Promise<Answer> => http.call(`/open311${path}`, {}, base);

beforeAll(async () => {
  app = await openTestApp();
  await http.start(createHttpApp(app.db, app.config));
  here = await pointIn(app, '临江区');
  await (await app.as('admin')).duplicates.setThresholds({ merge: 1, review: 0.3 });
  const created = await post({ description: '公开测试：市民反映人行道堆放建筑垃圾', phone: '13911113333' });
  const [row] = await app.db
    .select()
    .from(cases)
    .where(eq(cases.caseNo, created.service_request_id ?? ''));
  if (!row) throw new Error('no citizen case');
  citizen = { caseNo: row.caseNo, id: row.id };
  hotline = await staffReport('linjiang.acceptor', 'hotline', '公开测试：李先生来电反映楼道堆物');
  collector = await staffReport('linjiang.collector', 'collector', '公开测试：监督员巡查发现违章搭建');
});
afterAll(async () => {
  await http.close();
  await app?.close();
});

describe('publishing requests', () => {
  it('lists only the cases whose source the city publishes', async () => {
    const listed = json<RequestJson[]>(await get('/v2/requests.json'));
    const ids = listed.map((r) => r.service_request_id);
    expect(ids).toContain(citizen.caseNo);
    expect(ids).not.toContain(hotline.caseNo);
    expect(ids).not.toContain(collector.caseNo);
    const rows = await app.db.select({ source: cases.source }).from(cases).where(inArray(cases.caseNo, ids));
    expect(rows.length).toBe(ids.length);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['public']));
    // Naming them does not help either.
    const named = json<RequestJson[]>(
      await get(`/v2/requests.json?service_request_id=${citizen.caseNo},${hotline.caseNo},${collector.caseNo}`),
    );
    expect(named.map((r) => r.service_request_id)).toEqual([citizen.caseNo]);
  });

  it('answers an unpublished case exactly as a missing one', async () => {
    const missing = await get('/v2/requests/209900000001.json');
    for (const unpublished of [hotline.caseNo, collector.caseNo]) {
      const answer = await get(`/v2/requests/${unpublished}.json`);
      expect(answer.status).toBe(404);
      expect(answer.text.replace(unpublished, '209900000001')).toBe(missing.text);
      const xml = await get(`/v2/requests/${unpublished}.xml`);
      expect(xml.status).toBe(404);
      expect(xml.text.replace(unpublished, '209900000001')).toBe((await get('/v2/requests/209900000001.xml')).text);
    }
  });

  it('shows the public fields only: no internal notes, staff names or reporter details', async () => {
    const municipal = await departmentNamed(app, '临江区市政管理所');
    await actAs(app, 'linjiang.acceptor', citizen.id, 'accept', { reason: '内部：已电话联系市民核实' });
    await actAs(app, 'linjiang.shift_lead', citizen.id, 'file');
    await actAs(app, 'linjiang.dispatcher', citizen.id, 'dispatch', { leadDepartmentId: municipal.id });
    const [team] = await (await app.as('linjiang.dept_handler')).cases.subUnits({ caseId: citizen.id });
    if (!team) throw new Error('no sub-unit');
    await actAs(app, 'linjiang.dept_handler', citizen.id, 'subDispatch', { leadDepartmentId: team.id });
    await actAs(app, 'linjiang.dept_handler', citizen.id, 'takeUp');
    await actAs(app, 'linjiang.dept_handler', citizen.id, 'feedBack', { reason: '养护班已清运' });
    await actAs(app, 'linjiang.shift_lead', citizen.id, 'rework', { reason: '现场仍有残留杂物，请返工' });
    await (await app.as('linjiang.shift_lead')).cases.addRemark({ caseId: citizen.id, text: '内部备注' });

    const answer = await get(`/v2/requests/${citizen.caseNo}.json`);
    const [request] = json<RequestJson[]>(answer);
    expect(Object.keys(request ?? {}).sort()).toEqual(SPEC_FIELDS);
    expect(request).toMatchObject({ status: 'open', status_notes: '处置中', agency_responsible: municipal.name });
    const staff = await app.db.select({ name: users.displayName }).from(users);
    for (const secret of [
      '现场仍有残留杂物',
      '返工',
      '已电话联系',
      '养护班已清运',
      '内部备注',
      team.name,
      '13911113333',
    ]) {
      expect(answer.text, secret).not.toContain(secret);
    }
    for (const { name } of staff) if (name.length >= 2) expect(answer.text, name).not.toContain(name);
  });

  it('publishes what the city chooses: hotline cases too, when configured', async () => {
    const base = await routesWith({ publishedSources: ['public', 'hotline'] });
    const listed = json<RequestJson[]>(await get('/v2/requests.json', base)).map((r) => r.service_request_id);
    expect(listed).toEqual(expect.arrayContaining([citizen.caseNo, hotline.caseNo]));
    expect(listed).not.toContain(collector.caseNo);
    // Published with the public fields only; the description is the staff's words from the call,
    // which is why publishing hotline cases is the city's explicit choice.
    const [request] = json<RequestJson[]>(await get(`/v2/requests/${hotline.caseNo}.json`, base));
    expect(Object.keys(request ?? {}).sort()).toEqual(SPEC_FIELDS);
    expect(JSON.stringify(request)).not.toContain('13800003333');
    expect((await get(`/v2/requests/${collector.caseNo}.json`, base)).status).toBe(404);
  });

  it('with citizens’ reports unpublished, a POST answers with the token only, which still resolves', async () => {
    const base = await routesWith({ publishedSources: [] });
    const created = await post({ description: '公开测试：本市不公开市民反映' }, base);
    expect(created.service_request_id).toBeUndefined();
    expect(created.token).toMatch(/^[2-9ACDEFHJKMNPQRTVWXY]{4}(-[2-9ACDEFHJKMNPQRTVWXY]{4}){2}$/);
    const code = created.token.replaceAll('-', '');
    expect(json(await get(`/v2/tokens/${created.token}.json`, base))).toEqual([{ token: code }]);
    expect(json(await get('/v2/requests.json', base))).toEqual([]);
    // The citizen's own page shows it all the same: the code is what they hold.
    expect((await get(`/track/${created.token}.json`, base)).status).toBe(200);
  });

  it('names the case a request was merged into only when that case is published itself', async () => {
    await (await app.as('admin')).duplicates.setThresholds({ merge: 0.84, review: 0.3 });
    const spot = await pointIn(app, '云山区');
    const place = { lat: String(spot.lat), long: String(spot.lng) };
    const lead = await (await app.as('yunshan.acceptor')).cases.report({
      source: 'hotline',
      kind: 'event',
      categoryCode: '06010',
      description: '合并测试：小区门口垃圾堆放多日',
      lng: spot.lng,
      lat: spot.lat,
    });
    const joined = await post({
      ...place,
      service_code: 'event-06010',
      description: '合并测试：小区门口垃圾很多没人清',
    });
    const [row] = await app.db
      .select()
      .from(cases)
      .where(eq(cases.caseNo, joined.service_request_id ?? ''));
    expect(row).toMatchObject({ status: 'merged', mergedIntoId: lead.id });
    const answer = await get(`/v2/requests/${joined.service_request_id}.json`);
    const [request] = json<RequestJson[]>(answer);
    expect(request?.status_notes).toBe('已与同一问题的其他反映合并处理，当前状态：待受理');
    expect(answer.text).not.toContain(lead.caseNo);
  });
});
