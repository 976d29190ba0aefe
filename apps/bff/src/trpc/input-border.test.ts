import { users } from '@citygov/db/schema/auth';
import { calendarOverrides, cases } from '@citygov/db/schema/cases';
import { areas } from '@citygov/db/schema/org';
import { count, eq } from 'drizzle-orm';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../app-router';
import { pointIn, SAMPLE_REPORT } from '../modules/cases/case-test-helpers';
import { openTestApp, type TestApp } from '../testing/test-app';
import { startTrpcHttp, type TrpcHttp, type TrpcHttpAnswer } from '../testing/trpc-http';
import { inspectRawInput } from './input-border';

/**
 * The border over real HTTP (superjson decoding happens there): each hostile value the
 * outside probe sent, at a representative set of procedures, answers 400 FIELD_INVALID
 * with a Chinese message, no stack and no SQL, and stores nothing.
 */
let app: TestApp;
let http: TrpcHttp;
let acceptor: string;
let admin: string;
let linjiangId: number;
let here: { lng: number; lat: number };

beforeAll(async () => {
  app = await openTestApp();
  http = await startTrpcHttp(app);
  acceptor = await http.signIn('linjiang.acceptor');
  admin = await http.signIn('admin');
  const [linjiang] = await app.db.select().from(areas).where(eq(areas.name, '临江区'));
  linjiangId = linjiang!.id;
  here = await pointIn(app, '临江区');
});
afterAll(async () => {
  await http?.close();
  await app?.close();
});

type Who = 'anonymous' | 'acceptor' | 'admin';
interface Target {
  path: string;
  type: 'query' | 'mutation';
  who: Who;
  input: () => Record<string, unknown>;
  /** The text field poisoned with each bad character. */
  text: string;
  /** An int4 id field, to send 2^31. */
  id?: string;
}

const TARGETS: Target[] = [
  {
    path: 'auth.login',
    type: 'mutation',
    who: 'anonymous',
    input: () => ({ username: 'border.probe', password: 'Citygov@2026' }),
    text: 'username',
  },
  {
    path: 'cases.report',
    type: 'mutation',
    who: 'acceptor',
    input: () => ({ ...SAMPLE_REPORT, ...here, description: '边界探测：井盖缺失，行人易踏空' }),
    text: 'description',
  },
  { path: 'cases.list', type: 'query', who: 'acceptor', input: () => ({}), text: 'q', id: 'areaId' },
  {
    path: 'users.create',
    type: 'mutation',
    who: 'admin',
    input: () => ({
      username: 'border.probe',
      password: 'Probe12345',
      displayName: '边界探测',
      role: 'collector',
      areaId: linjiangId,
    }),
    text: 'displayName',
    id: 'areaId',
  },
  {
    path: 'calendar.setOverride',
    type: 'mutation',
    who: 'admin',
    input: () => ({ day: '2026-10-10', working: true, note: '边界探测' }),
    text: 'note',
  },
  { path: 'users.byId', type: 'query', who: 'admin', input: () => ({ id: 1 }), text: 'probe', id: 'id' },
];

const BAD_TEXT: [string, string][] = [
  ['NUL', '井盖\u0000缺失'],
  ['a lone surrogate', '井盖\uD800缺失'],
  ['a bidi override', '井盖gpj.exe\u202E缺失'],
  ['an ANSI escape', '\u001b[31m井盖缺失\u001b[0m'],
];

function cookieOf(who: Who): string | undefined {
  return who === 'anonymous' ? undefined : who === 'acceptor' ? acceptor : admin;
}

function send(target: Target, envelope: string) {
  return http.raw(target.path, target.type, envelope, cookieOf(target.who));
}

function expectRefusedAtBorder(answer: TrpcHttpAnswer, field?: string) {
  expect(answer.status, answer.text).toBe(400);
  expect(answer.error?.data.appCode).toBe('FIELD_INVALID');
  expect(answer.error?.message).toMatch(/\p{Script=Han}/u);
  if (field) expect(answer.error?.message).toContain(field);
  expect(answer.text).not.toMatch(/stack|Failed query|select |insert into|params:|\bat \S+ \(/i);
}

async function storedRows() {
  const [caseRows] = await app.db.select({ n: count() }).from(cases);
  const [userRows] = await app.db.select({ n: count() }).from(users);
  const [overrideRows] = await app.db.select({ n: count() }).from(calendarOverrides);
  return { cases: caseRows?.n, users: userRows?.n, overrides: overrideRows?.n };
}

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('hostile input at the border, over HTTP', () => {
  it('refuses every hostile value with 400 FIELD_INVALID and stores none of it', async () => {
    const before = await storedRows();
    for (const target of TARGETS) {
      for (const [name, value] of BAD_TEXT) {
        const answer = await http.call(
          target.path,
          target.type,
          { ...target.input(), [target.text]: value },
          cookieOf(target.who),
        );
        expect.soft(answer.status, `${target.path} with ${name}`).toBe(400);
        expectRefusedAtBorder(answer, target.text);
      }
      // A GET carries its input in the URL, which Node caps at 16 KB (431): 1,000 levels fit.
      const depth = target.type === 'query' ? 1000 : 3000;
      const body = JSON.stringify({ ...target.input(), extra: 0 }).replace('"extra":0', `"extra":${nested(depth)}`);
      expectRefusedAtBorder(await send(target, `{"json":${body}}`), 'extra');

      const bigint = {
        json: { ...target.input(), [target.id ?? 'extra']: '1' },
        meta: { values: { [target.id ?? 'extra']: ['bigint'] } },
      };
      expectRefusedAtBorder(await send(target, JSON.stringify(bigint)), target.id ?? 'extra');

      const hole = { json: { ...target.input(), extra: [1, null] }, meta: { values: { 'extra.1': ['undefined'] } } };
      expectRefusedAtBorder(await send(target, JSON.stringify(hole)), 'extra.1');

      if (target.id) {
        const answer = await http.call(
          target.path,
          target.type,
          { ...target.input(), [target.id]: 2 ** 31 },
          cookieOf(target.who),
        );
        expect(answer.status, `${target.path} ${target.id}=2^31`).toBe(400);
        expect(answer.error?.data.appCode).toBe('FIELD_INVALID');
        expect(answer.error?.message).toContain('编号超出范围');
      }
    }
    expect(await storedRows()).toEqual(before);
  });

  it('refuses impossible days and dates, and values no procedure takes (NaN, Map, a cycle)', async () => {
    for (const day of ['2026-99-99', '2026-02-30', '0000-01-01']) {
      const answer = await http.call('calendar.setOverride', 'mutation', { day, working: true }, admin);
      expect(answer.status, day).toBe(400);
      expect(answer.error?.data.appCode).toBe('FIELD_INVALID');
    }
    const invalidDate = { json: { from: 'not a date' }, meta: { values: { from: ['Date'] } } };
    expectRefusedAtBorder(await http.raw('cases.list', 'query', JSON.stringify(invalidDate), acceptor), 'from');
    const farFuture = await http.call('cases.list', 'query', { from: new Date('+275000-01-01T00:00:00Z') }, acceptor);
    expect(farFuture.status).toBe(400);
    expect(farFuture.error?.message).toContain('超出范围');

    const nan = { json: { id: 'NaN' }, meta: { values: { id: ['number'] } } };
    expectRefusedAtBorder(await http.raw('users.byId', 'query', JSON.stringify(nan), admin), 'id');
    const map = { json: { id: [[1, 2]] }, meta: { values: { id: ['map'] } } };
    expectRefusedAtBorder(await http.raw('users.byId', 'query', JSON.stringify(map), admin), 'id');
    const cycle = { json: { id: 1, extra: {} }, meta: { referentialEqualities: { extra: ['extra.self'] } } };
    expectRefusedAtBorder(await http.raw('users.byId', 'query', JSON.stringify(cycle), admin));
  });

  it('still takes real Chinese text with emoji and line breaks, and real days', async () => {
    const report = await http.call(
      'cases.report',
      'mutation',
      { ...SAMPLE_REPORT, ...here, description: '井盖缺失 🕳️\n第二行：行人易踏空', address: '临江路 1 号' },
      acceptor,
    );
    expect(report.status, report.text).toBe(200);
    const day = await http.call('calendar.setOverride', 'mutation', { day: '2028-02-29', working: false }, admin);
    expect(day.status, day.text).toBe(200);
  });

  it('refuses line breaks in one-line fields with the field named', async () => {
    const answer = await http.call(
      'users.create',
      'mutation',
      {
        username: 'border.line',
        password: 'Probe12345',
        displayName: '边界\n探测',
        role: 'collector',
        areaId: linjiangId,
      },
      admin,
    );
    expect(answer.status).toBe(400);
    expect(answer.error?.data.appCode).toBe('FIELD_INVALID');
    expect(answer.error?.message).toContain('displayName');
  });
});

describe('prototype keys (found by the fuzzer)', () => {
  it('refuses __proto__, constructor and prototype as keys with 400, and the audit log still opens', async () => {
    const sent: [string, 'query' | 'mutation', string][] = [
      ['phrases.remove', 'mutation', '{"json":{"id":999999,"prototype":"x"}}'],
      ['audit.list', 'query', '{"json":{"constructor":{"a":1}}}'],
      ['cases.list', 'query', '{"json":{"q":"x","filter":{"prototype":{"polluted":1}}}}'],
    ];
    for (const [path, type, envelope] of sent) {
      const answer = await http.raw(path, type, envelope, admin);
      expectRefusedAtBorder(answer);
      expect(answer.error?.message).toMatch(/不允许使用/);
    }
    // A JSON `__proto__` key does not survive the request's decoding as a key: never more than a 4xx.
    const proto = await http.raw('audit.list', 'query', '{"json":{"__proto__":{"polluted":1}}}', admin);
    expect(proto.status).toBeLessThan(500);
    // Each refusal was audited with its input; the page that lists them must still serialise.
    const log = await http.call('audit.list', 'query', { pageSize: 20 }, admin);
    expect(log.status, log.text.slice(0, 300)).toBe(200);
    expect(log.text).toContain('(prototype)');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('any JSON at any procedure', () => {
  const SHAPES: string[] = [
    'null',
    '[]',
    '"x"',
    '1e308',
    '{"json":null}',
    '{"json":[]}',
    '{"json":{"id":-1,"caseId":"1","page":0}}',
    `{"json":{"id":${nested(100)}}}`,
    '{"json":{"id":1},"meta":{"values":{"id":["regexp"]}}}',
    '{"json":{"__proto__":{"polluted":1}},"meta":{"values":{"__proto__":["set"]}}}',
    '{"json":{"a":1}',
  ];
  type Proc = { _def: { type: string } };
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Proc>).filter(
    // Subscriptions stream; logout and retrain take no input and would just run.
    ([path, proc]) => proc._def.type !== 'subscription' && path !== 'auth.logout' && path !== 'intake.retrain',
  );

  it('never answers 5xx, and never shows a stack or SQL', async () => {
    const seen = new Map<number, number>();
    for (const [path, proc] of procedures) {
      for (const shape of SHAPES) {
        const answer = await http.raw(path, proc._def.type as 'query' | 'mutation', shape, admin);
        seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
        expect.soft(answer.status, `${path} ← ${shape.slice(0, 60)}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
        expect(answer.text).not.toMatch(/"stack"|Failed query|params:/);
      }
    }
    expect(seen.get(400) ?? 0).toBeGreaterThan(procedures.length * 5);
  }, 240_000);
});

describe('inspectRawInput', () => {
  it('never throws, whatever the value', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const values: unknown[] = [undefined, Symbol('x'), () => 1, 10n, new Set([1]), cyclic, new Proxy({}, {})];
    for (const value of values) expect(() => inspectRawInput(value)).not.toThrow();
    expect(inspectRawInput(cyclic)?.message).toContain('循环引用');
    expect(inspectRawInput({ a: [{ b: '正常文本\n第二行' }], at: new Date() })).toBeNull();
  });

  it('names the path of the first bad value', () => {
    expect(inspectRawInput({ items: [{ caseId: 1 }, { caseId: 2, note: 'a\u0000' }] })?.path).toEqual([
      'items',
      1,
      'note',
    ]);
  });

  it('refuses the reserved keys at any depth, naming them by a stand-in', () => {
    const input = JSON.parse('{"a":[{"__proto__":{"x":1}}]}') as unknown;
    expect(inspectRawInput(input)?.path).toEqual(['a', 0, '(__proto__)']);
    expect(inspectRawInput({ constructor: 1 })?.message).toContain('不允许使用');
  });

  it('superjson as the server decodes it: a bigint reaches the border, not zod', () => {
    const input = superjson.deserialize({ json: { id: '1' }, meta: { values: { id: ['bigint'] } } });
    expect(inspectRawInput(input)?.message).toContain('bigint');
  });
});
