import { auditLog } from '@citygov/db/schema/audit';
import { users } from '@citygov/db/schema/auth';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { open311ApiKeys, open311Requests } from '@citygov/db/schema/open311';
import { areas } from '@citygov/db/schema/org';
import type { CaseAction } from '@citygov/domain/cases/case-actions';
import { and, count, eq } from 'drizzle-orm';
import express from 'express';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../http/create-app';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { departmentNamed, pointIn } from '../cases/case-test-helpers';
import { createApiKey, DEMO_API_KEY } from './api-keys';
import { createServiceRequest, validateReport } from './create-service-request';
import { createOpen311Routes } from './http-routes';
import { loadOpen311Settings } from './open311-settings';
import { type Answer, type CallInit, form, HttpClient, json } from './open311-test-client';
import { PUBLIC_REPORTER_USERNAME } from './public-reporter';

let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;
const http = new HttpClient();

beforeAll(async () => {
  app = await openTestApp();
  await http.start(createHttpApp(app.db, app.config));
  here = await pointIn(app, '临江区');
});
afterAll(async () => {
  await http.close();
  await app?.close();
});

const xml = new XMLParser({
  isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
  parseTagValue: false,
});

const call = (path: string, init: CallInit = {}): Promise<Answer> => http.call(`/open311${path}`, init);

/** The repeated children of a root element (`<service_requests><request>…`), [] when the root is empty. */
function xmlItems<T>(answer: Answer, root: string, item: string): T[] {
  const container = parsedXml(answer)[root];
  if (!container || typeof container !== 'object') return [];
  return ((container as Record<string, unknown>)[item] ?? []) as T[];
}

function parsedXml(answer: Answer) {
  expect(answer.type).toMatch(/^text\/xml; charset=utf-8/);
  expect(answer.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return xml.parse(answer.text) as Record<string, Record<string, unknown>>;
}

function jsonBody(body: unknown, ip?: string): CallInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(ip ? { ip } : {}),
  };
}

type SpecError = { code: number; description: string };

function expectJsonError(answer: Answer, status: number, fragment?: RegExp): SpecError[] {
  expect(answer.status).toBe(status);
  const errors = json<SpecError[]>(answer);
  expect(Array.isArray(errors)).toBe(true);
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(error.code).toBe(status);
    expect(typeof error.description).toBe('string');
  }
  if (fragment) expect(errors.map((e) => e.description).join(' ')).toMatch(fragment);
  return errors;
}

function expectXmlError(answer: Answer, status: number, fragment?: RegExp) {
  expect(answer.status).toBe(status);
  const doc = parsedXml(answer);
  const errors = (doc.errors?.error ?? []) as { code: string; description: string }[];
  expect(errors.length).toBeGreaterThan(0);
  expect(errors[0]?.code).toBe(String(status));
  if (fragment) expect(errors.map((e) => e.description).join(' ')).toMatch(fragment);
}

const REPORT = {
  api_key: DEMO_API_KEY,
  service_code: 'event-06001',
  description: '柳岸新村12幢一楼住户在院内用彩钢瓦围出一间棚屋',
};
const at = () => ({ lat: String(here.lat), long: String(here.lng) });

async function caseByNo(caseNo: string) {
  const [row] = await app.db.select().from(cases).where(eq(cases.caseNo, caseNo));
  if (!row) throw new Error(`no case ${caseNo}`);
  return row;
}

async function casesCount() {
  const [row] = await app.db.select({ n: count() }).from(cases);
  return row?.n ?? 0;
}

type Created = { service_request_id: string; token: string; service_notice: string; account_id: string | null };
const CODE = /^[2-9ACDEFHJKMNPQRTVWXY]{4}-[2-9ACDEFHJKMNPQRTVWXY]{4}-[2-9ACDEFHJKMNPQRTVWXY]{4}$/;
type RequestJson = Record<string, unknown> & { service_request_id: string; status: string };

async function report(fields: Record<string, string> = {}): Promise<Created> {
  const answer = await call('/v2/requests.json', form({ ...REPORT, ...at(), ...fields }));
  expect(answer.status, answer.text).toBe(201);
  const [created] = json<Created[]>(answer);
  if (!created) throw new Error('no request in the answer');
  return created;
}

describe('GET services', () => {
  it('lists every category as a service in JSON, with the spec fields', async () => {
    const answer = await call('/v2/services.json');
    expect(answer.status).toBe(200);
    const services = json<Record<string, unknown>[]>(answer);
    expect(services).toHaveLength(403);
    const fence = services.find((s) => s.service_code === 'event-06001');
    expect(fence).toMatchObject({ metadata: true, type: 'realtime' });
    expect(Object.keys(fence ?? {}).sort()).toEqual(
      ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'].sort(),
    );
    expect(typeof fence?.service_name).toBe('string');
    expect(String(fence?.description).length).toBeGreaterThan(5);
    expect(String(fence?.group)).toMatch(/^事件：/);
    expect(typeof fence?.keywords).toBe('string');
    expect(services.some((s) => s.service_code === 'component-01001' && String(s.group).startsWith('部件：'))).toBe(
      true,
    );
  });

  it('answers the same list in XML, and honours our jurisdiction_id', async () => {
    const answer = await call('/v2/services.xml?jurisdiction_id=yunhu.citygov.cn');
    expect(answer.status).toBe(200);
    const doc = parsedXml(answer);
    const services = doc.services?.service as Record<string, string>[];
    expect(services).toHaveLength(403);
    expect(services.find((s) => s.service_code === 'event-06001')).toMatchObject({
      metadata: 'true',
      type: 'realtime',
    });
  });

  it('refuses another jurisdiction with 404 in both formats', async () => {
    expectJsonError(await call('/v2/services.json?jurisdiction_id=sfgov.org'), 404, /jurisdiction_id/);
    expectXmlError(await call('/v2/services.xml?jurisdiction_id=sfgov.org'), 404, /jurisdiction_id/);
  });

  it('defines a service: urgency for all, the component id for components', async () => {
    const event = json<{ service_code: string; attributes: Record<string, unknown>[] }>(
      await call('/v2/services/event-06001.json'),
    );
    expect(event.service_code).toBe('event-06001');
    expect(event.attributes).toHaveLength(1);
    expect(event.attributes[0]).toEqual({
      variable: true,
      code: 'urgency',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: expect.any(String),
      order: 1,
      description: expect.stringContaining('紧急程度'),
      values: [
        { key: 'normal', name: '一般' },
        { key: 'urgent', name: '紧急' },
      ],
    });
    const component = json<{ attributes: { code: string; datatype: string; order: number }[] }>(
      await call('/v2/services/component-01001.json'),
    );
    expect(component.attributes.map((a) => [a.code, a.datatype, a.order])).toEqual([
      ['urgency', 'singlevaluelist', 1],
      ['component_id', 'string', 2],
    ]);

    const doc = parsedXml(await call('/v2/services/component-01001.xml'));
    const definition = doc.service_definition as { service_code: string; attributes: { attribute: unknown[] } };
    expect(definition.service_code).toBe('component-01001');
    const [urgency] = definition.attributes.attribute as { code: string; values: { value: { key: string }[] } }[];
    expect(urgency?.code).toBe('urgency');
    expect(urgency?.values.value.map((v) => v.key)).toEqual(['normal', 'urgent']);
  });

  it('answers an unknown service code with 404, and an unknown format with 404', async () => {
    expectJsonError(await call('/v2/services/event-99999.json'), 404, /service_code/);
    expectXmlError(await call('/v2/services/nonsense.xml'), 404, /service_code/);
    expectJsonError(await call('/v2/services.yaml'), 404, /format/);
    expectJsonError(await call('/v2/services'), 404);
    expectJsonError(await call('/v2/nothing.json'), 404);
  });
});

describe('POST requests', () => {
  it('files a form-encoded report as a real case the district desk sees', async () => {
    const created = await report({
      'attribute[urgency]': 'urgent',
      email: 'zhang.san@example.cn',
      first_name: '三',
      last_name: '张',
      phone: '138 0000 1234',
      device_id: 'device-1',
      account_id: 'acct-42',
      media_url: 'https://img.example.cn/p/1.jpg',
    });
    expect(created.service_request_id).toMatch(/^\d{12}$/);
    expect(created.account_id).toBe('acct-42');
    // The reporter's 查询码 comes as the token, and the notice tells them to keep it.
    expect(created.token).toMatch(CODE);
    expect(created.service_notice).toContain(created.token);
    expect(created.service_notice).not.toContain(created.service_request_id);

    const row = await caseByNo(created.service_request_id);
    expect(row.trackingCode).toBe(created.token.replaceAll('-', ''));
    const [reporter] = await app.db.select().from(users).where(eq(users.username, PUBLIC_REPORTER_USERNAME));
    expect(reporter).toMatchObject({ active: false, role: 'collector' });
    expect(row).toMatchObject({
      source: 'public',
      kind: 'event',
      categoryCode: '06001',
      urgency: 'urgent',
      status: 'reported',
      description: REPORT.description,
      reporterName: '张三',
      reporterPhone: '13800001234',
      reportedBy: reporter?.id,
    });
    const [grid] = await app.db.select().from(areas).where(eq(areas.id, row.gridId));
    expect(grid?.code).toBe(here.gridCode);
    expect(row.address).toMatch(/^临江区.+街道.+社区附近$/);

    const [extra] = await app.db.select().from(open311Requests).where(eq(open311Requests.caseId, row.id));
    expect(extra).toMatchObject({
      serviceCode: 'event-06001',
      attributes: { urgency: 'urgent' },
      email: 'zhang.san@example.cn',
      mediaUrl: 'https://img.example.cn/p/1.jpg',
      deviceId: 'device-1',
      accountId: 'acct-42',
    });
    const [timeline] = await app.db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id));
    expect(timeline).toMatchObject({ action: 'report', toStatus: 'reported', detail: { source: '公众举报' } });
    const [logged] = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'open311.createRequest'), eq(auditLog.target, `case:${row.id}`)));
    expect(logged).toMatchObject({ outcome: 'ok', userId: reporter?.id });
    expect(JSON.stringify(logged?.detail)).not.toContain('zhang.san');

    const desk = await app.as('linjiang.acceptor');
    const queue = await desk.cases.list({ q: created.service_request_id });
    expect(queue.rows.map((r) => r.caseNo)).toContain(created.service_request_id);
    const everything = await desk.cases.list({ source: 'public', pageSize: 200 });
    expect(everything.rows.some((r) => r.id === row.id)).toBe(true);
  });

  it('accepts a JSON body with a nested attribute object and an address_string', async () => {
    const [community] = await app.db.select().from(areas).where(eq(areas.level, 'community')).limit(1);
    if (!community) throw new Error('no community');
    const answer = await call(
      '/v2/requests.json',
      jsonBody({
        ...REPORT,
        service_code: 'component-01001',
        address_string: `云湖市${community.name}东门口`,
        attribute: { urgency: 'normal', component_id: '33010201001000123' },
      }),
    );
    expect(answer.status, answer.text).toBe(201);
    const [created] = json<Created[]>(answer);
    const row = await caseByNo(created?.service_request_id ?? '');
    expect(row).toMatchObject({ kind: 'component', componentId: '33010201001000123', communityId: community.id });
    expect(row.address).toBe(`云湖市${community.name}东门口`);
  });

  it('answers in XML and accepts a grid code as address_id', async () => {
    const answer = await call('/v2/requests.xml', form({ ...REPORT, address_id: here.gridCode }));
    expect(answer.status, answer.text).toBe(201);
    const [created] = xmlItems<{ service_request_id: string; account_id: string }>(
      answer,
      'service_requests',
      'request',
    );
    expect(created?.service_request_id).toMatch(/^\d{12}$/);
    expect(created?.account_id).toBe('');
    const row = await caseByNo(created?.service_request_id ?? '');
    const [grid] = await app.db.select().from(areas).where(eq(areas.id, row.gridId));
    expect(grid?.code).toBe(here.gridCode);
  });

  it('refuses a missing or wrong api_key with 403, logged as denied', async () => {
    const { api_key: _key, ...withoutKey } = REPORT;
    expectJsonError(await call('/v2/requests.json', form({ ...withoutKey, ...at() })), 403, /api_key/);
    expectXmlError(await call('/v2/requests.xml', form({ ...withoutKey, ...at() })), 403, /api_key/);
    expectJsonError(await call('/v2/requests.json', form({ ...REPORT, ...at(), api_key: 'guess' })), 403, /api_key/);
    const denied = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'open311.createRequest'), eq(auditLog.outcome, 'denied')));
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an unknown service, a place outside the city and bad coordinates with 400, saving nothing', async () => {
    const before = await casesCount();
    expectJsonError(
      await call('/v2/requests.json', form({ ...REPORT, ...at(), service_code: 'event-99999' })),
      400,
      /service_code/,
    );
    expectXmlError(await call('/v2/requests.xml', form({ ...REPORT, ...at(), service_code: 'pothole' })), 400);
    expectJsonError(await call('/v2/requests.json', form({ ...REPORT, lat: '0', long: '0' })), 400, /outside/);
    for (const lat of ['abc', 'NaN', '1e999', 'Infinity', '91', '30,5', '']) {
      const answer = await call('/v2/requests.json', form({ ...REPORT, lat, long: String(here.lng) }));
      expectJsonError(answer, 400);
    }
    // Arrays, objects and numbers where one text is expected.
    const repeated = `${new URLSearchParams({ ...REPORT, ...at() }).toString()}&lat=1&description=again`;
    expectJsonError(
      await call('/v2/requests.json', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: repeated,
      }),
      400,
      /single value/,
    );
    expectJsonError(
      await call('/v2/requests.json', jsonBody({ ...REPORT, lat: [1, 2], long: { x: 1 }, description: ['a'] })),
      400,
    );
    expectJsonError(
      await call('/v2/requests.json', jsonBody({ ...REPORT, lat: 1e308, long: -1e308, service_code: 42 })),
      400,
    );
    expectJsonError(await call('/v2/requests.json', jsonBody({ ...REPORT, ...at(), attribute: 'urgent' })), 400);
    expectJsonError(
      await call('/v2/requests.json', jsonBody({ ...REPORT, ...at(), 'attribute[urgency]': ['a', 'b'] })),
      400,
      /urgency/,
    );
    expectJsonError(
      await call('/v2/requests.json', form({ ...REPORT, ...at(), 'attribute[urgency]': 'critical' })),
      400,
      /urgency/,
    );
    expectJsonError(
      await call('/v2/requests.json', form({ ...REPORT, ...at(), media_url: 'javascript:alert(1)' })),
      400,
    );
    expectJsonError(await call('/v2/requests.json', form({ ...REPORT })), 400, /location/);
    expectJsonError(await call('/v2/requests.json', form({ ...REPORT, lat: String(here.lat) })), 400, /lat and long/);
    expectJsonError(
      await call('/v2/requests.json', form({ ...REPORT, address_string: '火星基地' })),
      400,
      /address_string/,
    );
    expectJsonError(await call('/v2/requests.json', form({ ...REPORT, address_id: '99999999999999' })), 400);
    expectJsonError(await call('/v2/requests.json', form({ ...REPORT, ...at(), description: 'x'.repeat(4001) })), 400);
    expectJsonError(
      await call('/v2/requests.json', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"api_key": ',
      }),
      400,
    );
    expect(await casesCount()).toBe(before);
  });

  it('collects several problems into one answer', async () => {
    const errors = expectJsonError(
      await call('/v2/requests.json', form({ api_key: DEMO_API_KEY, email: 'nope', phone: 'abc' })),
      400,
    );
    expect(errors.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses bodies over 64 KB with 413 in the spec format', async () => {
    const huge = form({ ...REPORT, ...at(), description: '长'.repeat(40_000) });
    expectJsonError(await call('/v2/requests.json', huge), 413);
    expectXmlError(await call('/v2/requests.xml', jsonBody({ ...REPORT, padding: 'x'.repeat(70_000) })), 413);
  });

  it('stores control characters and markup safely and gives them back escaped in XML', async () => {
    const created = await report({ description: '井盖 <b>破损</b> & "翘起"\u0000\u0007 第二行\n第三行' });
    const row = await caseByNo(created.service_request_id);
    expect(row.description).toBe('井盖 <b>破损</b> & "翘起" 第二行\n第三行');
    const answer = await call(`/v2/requests/${created.service_request_id}.xml`);
    expect(answer.text).toContain('井盖 &lt;b&gt;破损&lt;/b&gt; &amp;');
    const [request] = xmlItems<{ description: string }>(answer, 'service_requests', 'request');
    expect(request?.description).toBe('井盖 <b>破损</b> & "翘起" 第二行\n第三行');
  });

  it('rolls the case back when a later write of the same request fails', async () => {
    const before = await casesCount();
    const valid = await validateReport(app.db, { ...REPORT, ...at(), description: '回滚测试：不应留下案件' });
    const ghostKey = { id: 999_999, name: 'ghost', keyPrefix: 'ghost', published: false };
    await expect(createServiceRequest(app.db, ghostKey, valid, '127.0.0.1', true)).rejects.toThrow();
    expect(await casesCount()).toBe(before);
    const [left] = await app.db
      .select({ n: count() })
      .from(cases)
      .where(eq(cases.description, '回滚测试：不应留下案件'));
    expect(left?.n).toBe(0);
  });
});

describe('GET requests', () => {
  let first: Created;
  let second: Created;
  let component: Created;
  beforeAll(async () => {
    // These follow each request's own status: with the merge threshold at 100% nothing
    // reported at the same spot is merged automatically (see 'merged requests' below).
    await (await app.as('admin')).duplicates.setThresholds({ merge: 1, review: 0.3 });
    first = await report({ description: '查询测试一：人行道上堆放建筑垃圾' });
    second = await report({ description: '查询测试二：占道经营', 'attribute[urgency]': 'urgent' });
    component = await report({ service_code: 'component-01001', description: '查询测试三：井盖缺失' });
  });

  it('gets one request with every spec field, in JSON and XML', async () => {
    const [request] = json<RequestJson[]>(await call(`/v2/requests/${first.service_request_id}.json`));
    expect(Object.keys(request ?? {}).sort()).toEqual(
      [
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
      ].sort(),
    );
    expect(request).toMatchObject({
      service_request_id: first.service_request_id,
      status: 'open',
      status_notes: '待受理',
      service_code: 'event-06001',
      description: '查询测试一：人行道上堆放建筑垃圾',
      agency_responsible: null,
      address_id: here.gridCode,
      zipcode: null,
      lat: here.lat,
      long: here.lng,
      media_url: null,
    });
    expect(request?.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(request?.expected_datetime).toMatch(/\+08:00$/);
    const row = await caseByNo(first.service_request_id);
    expect(new Date(String(request?.requested_datetime)).getTime()).toBe(
      Math.floor(row.reportedAt.getTime() / 1000) * 1000,
    );

    const [fromXml] = xmlItems<Record<string, string>>(
      await call(`/v2/requests/${first.service_request_id}.xml`),
      'service_requests',
      'request',
    );
    expect(fromXml).toMatchObject({ service_request_id: first.service_request_id, status: 'open', zipcode: '' });
  });

  it('answers an unknown id with 404 in both formats', async () => {
    expectJsonError(await call('/v2/requests/209900000001.json'), 404, /service_request_id/);
    expectXmlError(await call('/v2/requests/not-a-number.xml'), 404);
    expectJsonError(await call('/v2/requests/%E0%A4%A.json'), 400);
  });

  it('filters by a list of ids (overriding everything else), service code, status and dates', async () => {
    const ids = `${first.service_request_id},${second.service_request_id},209900000001`;
    const byIds = json<RequestJson[]>(await call(`/v2/requests.json?service_request_id=${ids}&status=closed`));
    expect(byIds.map((r) => r.service_request_id).sort()).toEqual(
      [first.service_request_id, second.service_request_id].sort(),
    );

    const all = json<RequestJson[]>(await call('/v2/requests.json'));
    for (const made of [first, second, component]) {
      expect(all.map((r) => r.service_request_id)).toContain(made.service_request_id);
    }
    const components = json<RequestJson[]>(await call('/v2/requests.json?service_code=component-01001'));
    expect(components.length).toBeGreaterThan(0);
    expect(components.every((r) => r.service_code === 'component-01001')).toBe(true);
    const both = json<RequestJson[]>(await call('/v2/requests.json?service_code=component-01001,event-06001'));
    expect(both.length).toBeGreaterThan(components.length);

    const open = json<RequestJson[]>(await call('/v2/requests.json?status=open'));
    expect(open.every((r) => r.status === 'open')).toBe(true);
    expect(open.length).toBe(all.length);
    expect(json<RequestJson[]>(await call('/v2/requests.json?status=closed'))).toEqual([]);

    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const window = `start_date=${iso(now - 3_600_000)}&end_date=${iso(now + 60_000)}`;
    expect(json<RequestJson[]>(await call(`/v2/requests.json?${window}`)).length).toBe(all.length);
    const past = `start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z`;
    expect(json<RequestJson[]>(await call(`/v2/requests.json?${past}`))).toEqual([]);
    // An unencoded "+" arrives as a space; a date alone is China midnight.
    const plus = json<RequestJson[]>(await call(`/v2/requests.json?start_date=2020-01-01T08:00:00+08:00`));
    expect(plus).toEqual([]);
    const xmlList = xmlItems(await call('/v2/requests.xml?status=open'), 'service_requests', 'request');
    expect(xmlList.length).toBe(all.length);
    const none = parsedXml(await call('/v2/requests.xml?status=closed'));
    expect(none.service_requests).toBe('');
  });

  it('refuses bad filters with 400', async () => {
    expectJsonError(await call('/v2/requests.json?start_date=yesterday'), 400, /start_date/);
    expectJsonError(await call('/v2/requests.json?start_date=2026-02-30'), 400, /start_date/);
    expectJsonError(
      await call('/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'),
      400,
      /90/,
    );
    expectJsonError(await call('/v2/requests.json?start_date=2026-02-01&end_date=2026-01-01'), 400);
    expectJsonError(await call('/v2/requests.json?status=pending'), 400, /status/);
    expectXmlError(await call('/v2/requests.xml?service_code=06001'), 400, /service_code/);
  });

  it('maps statuses: accepted and dispatched stay open with notes and agency; voided and closed are closed', async () => {
    const dept = await departmentNamed(app, '临江区市政管理所');
    const act = async (username: string, caseNo: string, action: CaseAction, extra: Record<string, unknown> = {}) => {
      const row = await caseByNo(caseNo);
      const caller = await app.as(username);
      return caller.cases.act({ caseId: row.id, expectedVersion: row.version, action, ...extra });
    };
    // The acceptor's opinion is written for colleagues: the public sees the status only.
    await act('linjiang.acceptor', first.service_request_id, 'accept', { reason: '信息属实' });
    const [accepted] = json<RequestJson[]>(await call(`/v2/requests/${first.service_request_id}.json`));
    expect(accepted).toMatchObject({ status: 'open', status_notes: '已受理' });

    await act('linjiang.shift_lead', first.service_request_id, 'file');
    await act('linjiang.dispatcher', first.service_request_id, 'dispatch', { leadDepartmentId: dept.id });
    await act('linjiang.shift_lead', first.service_request_id, 'supervise', { reason: '内部督办意见，不应公开' });
    const [dispatched] = json<RequestJson[]>(await call(`/v2/requests/${first.service_request_id}.json`));
    expect(dispatched).toMatchObject({ status: 'open', status_notes: '处置中', agency_responsible: dept.name });
    expect(String(dispatched?.service_notice)).toContain('处置');
    expect(JSON.stringify(dispatched)).not.toContain('内部督办意见');

    await act('linjiang.dept_handler', first.service_request_id, 'takeUp');
    await act('linjiang.dept_handler', first.service_request_id, 'feedBack', { reason: '建筑垃圾已清运' });
    await act('linjiang.shift_lead', first.service_request_id, 'quickClose', { reason: '照片核验，已清理干净' });
    const [closed] = json<RequestJson[]>(await call(`/v2/requests/${first.service_request_id}.json`));
    const closedRow = await caseByNo(first.service_request_id);
    expect(closed).toMatchObject({
      status: 'closed',
      status_notes: '已办结：照片核验，已清理干净',
      expected_datetime: null,
    });
    expect(JSON.stringify(closed)).not.toContain('建筑垃圾已清运');
    expect(new Date(String(closed?.updated_datetime)).getTime()).toBe(
      Math.floor((closedRow.closedAt?.getTime() ?? 0) / 1000) * 1000,
    );

    await act('linjiang.shift_lead', second.service_request_id, 'refuseFiling', { reason: '重复反映，已并入其他案件' });
    const [voided] = json<RequestJson[]>(await call(`/v2/requests/${second.service_request_id}.json`));
    expect(voided).toMatchObject({ status: 'closed', status_notes: '已作废：重复反映，已并入其他案件' });

    // A status written straight into the table (another system closing it) maps the same way.
    const row = await caseByNo(component.service_request_id);
    await app.db
      .update(cases)
      .set({ status: 'closed', closedAt: new Date(), updatedAt: new Date(), stage: null, stageDeadlineAt: null })
      .where(eq(cases.id, row.id));
    const [direct] = json<RequestJson[]>(await call(`/v2/requests/${component.service_request_id}.json`));
    expect(direct?.status).toBe('closed');

    const closedList = json<RequestJson[]>(await call('/v2/requests.json?status=closed'));
    expect(closedList.map((r) => r.service_request_id).sort()).toEqual(
      [first.service_request_id, second.service_request_id, component.service_request_id].sort(),
    );
    const openList = json<RequestJson[]>(await call('/v2/requests.json?status=open'));
    expect(openList.some((r) => r.service_request_id === first.service_request_id)).toBe(false);
  });

  it('resolves a token (the reporter’s 查询码) to its request, and nothing else', async () => {
    const code = second.token.replaceAll('-', '');
    const [found] = json<{ service_request_id: string; token: string }[]>(
      await call(`/v2/tokens/${second.token}.json`),
    );
    expect(found).toEqual({ service_request_id: second.service_request_id, token: code });
    const tokens = xmlItems<{ token: string; service_request_id: string }>(
      await call(`/v2/tokens/${code.toLowerCase()}.xml`),
      'service_requests',
      'request',
    );
    expect(tokens[0]).toEqual({ token: code, service_request_id: second.service_request_id });
    // A case number is not a token, nor is a near miss of a real code.
    expectJsonError(await call(`/v2/tokens/${second.service_request_id}.json`), 404, /token/);
    const nearMiss = `${code.slice(0, 11)}${code.endsWith('2') ? '3' : '2'}`;
    expectXmlError(await call(`/v2/tokens/${nearMiss}.xml`), 404, /token/);
    expectJsonError(await call('/v2/tokens/123.json'), 404, /token/);
  });
});

describe('merged requests (并案)', () => {
  it("a request merged at report time follows its lead: open with the lead's notes, closed when the lead closes", async () => {
    await (await app.as('admin')).duplicates.setThresholds({ merge: 0.84, review: 0.3 });
    const spot = await pointIn(app, '湖滨区');
    const place = { lat: String(spot.lat), long: String(spot.lng) };
    const lead = await report({ ...place, service_code: 'event-06010', description: '合并测试：小区门口垃圾堆放多日' });
    const joined = await report({
      ...place,
      service_code: 'event-06010',
      description: '合并测试：小区门口垃圾很多没人清',
    });
    const joinedRow = await caseByNo(joined.service_request_id);
    const leadRow = await caseByNo(lead.service_request_id);
    expect(joinedRow).toMatchObject({ status: 'merged', mergedIntoId: leadRow.id });

    const [open] = json<RequestJson[]>(await call(`/v2/requests/${joined.service_request_id}.json`));
    expect(open).toMatchObject({
      service_request_id: joined.service_request_id,
      status: 'open',
      status_notes: `已与案件 ${lead.service_request_id} 合并处理，当前状态：待受理`,
    });
    expect(open?.expected_datetime).toMatch(/\+08:00$/);
    const openList = json<RequestJson[]>(await call('/v2/requests.json?status=open'));
    expect(openList.map((r) => r.service_request_id)).toContain(joined.service_request_id);

    const dept = await departmentNamed(app, '湖滨区市政管理所');
    const act = async (username: string, action: CaseAction, extra: Record<string, unknown> = {}) => {
      const row = await caseByNo(lead.service_request_id);
      return (await app.as(username)).cases.act({ caseId: row.id, expectedVersion: row.version, action, ...extra });
    };
    await act('hubin.acceptor', 'accept');
    await act('hubin.shift_lead', 'file');
    await act('hubin.dispatcher', 'dispatch', { leadDepartmentId: dept.id });
    const [dispatched] = json<RequestJson[]>(await call(`/v2/requests/${joined.service_request_id}.json`));
    expect(dispatched).toMatchObject({ status: 'open', agency_responsible: dept.name });
    await act('hubin.dept_handler', 'takeUp');
    await act('hubin.dept_handler', 'feedBack', { reason: '垃圾已清运' });
    await act('hubin.shift_lead', 'quickClose', { reason: '照片核验，已清理干净' });

    const [closed] = json<RequestJson[]>(await call(`/v2/requests/${joined.service_request_id}.json`));
    const closedLead = await caseByNo(lead.service_request_id);
    expect(closed).toMatchObject({
      status: 'closed',
      status_notes: `已与案件 ${lead.service_request_id} 合并处理，当前状态：已办结：照片核验，已清理干净`,
      service_notice: '问题已处理完毕，案件已办结',
      expected_datetime: null,
    });
    expect(new Date(String(closed?.updated_datetime)).getTime()).toBe(
      Math.floor((closedLead.closedAt?.getTime() ?? 0) / 1000) * 1000,
    );
    const closedList = json<RequestJson[]>(await call('/v2/requests.json?status=closed'));
    expect(closedList.map((r) => r.service_request_id)).toContain(joined.service_request_id);
    const stillOpen = json<RequestJson[]>(await call('/v2/requests.json?status=open'));
    expect(stillOpen.map((r) => r.service_request_id)).not.toContain(joined.service_request_id);
  });
});

describe('the public web key and limits', () => {
  it('publishes a web key that can report, counted per address', async () => {
    const config = json<{ apiKey: string; endpoint: string; jurisdictionId: string; city: { bounds: number[] } }>(
      await call('/web-config.json'),
    );
    expect(config).toMatchObject({ endpoint: '/open311/v2', jurisdictionId: 'yunhu.citygov.cn' });
    expect(config.apiKey).toMatch(/^o311_/);
    expect(config.city.bounds).toHaveLength(4);
    const again = json<{ apiKey: string }>(await call('/web-config.json'));
    expect(again.apiKey).toBe(config.apiKey);
    const [row] = await app.db.select().from(open311ApiKeys).where(eq(open311ApiKeys.publishedKey, config.apiKey));
    expect(row?.keyHash).toMatch(/^[0-9a-f]{64}$/);

    const citizen = '203.0.113.7';
    const created = await call(
      '/v2/requests.json',
      form({ ...REPORT, ...at(), api_key: config.apiKey, jurisdiction_id: 'yunhu.citygov.cn' }, citizen),
    );
    expect(created.status, created.text).toBe(201);
    // Nine more attempts (valid or not) use up the ten per ten minutes of this address.
    for (let i = 0; i < 9; i++) {
      const answer = await call('/v2/requests.json', form({ api_key: config.apiKey }, citizen));
      expect(answer.status).toBe(400);
    }
    const limited = await call('/v2/requests.json', form({ ...REPORT, ...at(), api_key: config.apiKey }, citizen));
    expectJsonError(limited, 429, /too many/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectXmlError(await call('/v2/requests.xml', form({ ...REPORT, api_key: config.apiKey }, citizen)), 429);
    // Another address is not affected.
    const elsewhere = await call('/v2/requests.json', form({ ...REPORT, ...at(), api_key: config.apiKey }));
    expect(elsewhere.status).toBe(201);
  });

  it('limits guessing keys per address', async () => {
    const guesser = '203.0.113.66';
    for (let i = 0; i < 10; i++) {
      expect((await call('/v2/requests.json', form({ ...REPORT, api_key: `guess-${i}` }, guesser))).status).toBe(403);
    }
    expectJsonError(await call('/v2/requests.json', form({ ...REPORT, api_key: DEMO_API_KEY }, guesser)), 429);
  });

  it('limits an integration per key, not per address', async () => {
    const { key } = await createApiKey(app.db, '限流测试客户端');
    const settings = { ...loadOpen311Settings({}), postsPerKeyPerMin: 2 };
    const small = express();
    small.set('trust proxy', 'loopback');
    small.use('/open311', createOpen311Routes(app.db, app.config, settings));
    const smallBase = await http.listen(small);
    const post = (ip: string) =>
      fetch(`${smallBase}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
        body: new URLSearchParams({ ...REPORT, ...at(), api_key: key }).toString(),
      });
    expect((await post('192.0.2.1')).status).toBe(201);
    expect((await post('192.0.2.2')).status).toBe(201);
    const third = await post('192.0.2.3');
    expect(third.status).toBe(429);
    expect(await third.json()).toEqual([{ code: 429, description: expect.stringContaining('too many requests') }]);
  });

  it('answers other methods with 405 and describes itself in discovery', async () => {
    const answer = await call('/v2/services.json', { method: 'DELETE' });
    expectJsonError(answer, 405);
    expect(answer.headers.get('allow')).toBe('GET');
    const discovery = json<{ endpoints: { url: string; formats: string[]; specification: string }[] }>(
      await call('/discovery.json'),
    );
    expect(discovery.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
    expect(discovery.endpoints[0]?.url).toMatch(/\/open311\/v2$/);
    const fromXml = parsedXml(await call('/discovery.xml')).discovery as
      | { endpoints?: { endpoint?: { formats: { format: string[] } }[] } }
      | undefined;
    expect(fromXml?.endpoints?.endpoint?.[0]?.formats.format).toEqual(['text/xml', 'application/json']);
  });
});
