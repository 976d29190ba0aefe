import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sessions } from '@citygov/db/schema/auth';
import { DEMO_PASSWORD } from '@citygov/db/seed/demo-accounts';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@citygov/domain/request-origin';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../http/create-app';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { answerOf, failure, signIn } from './auth-test-helpers';

let app: TestApp;
let server: Server;
let base: string;
beforeAll(async () => {
  app = await openTestApp();
  server = createHttpApp(app.db, app.config).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await app?.close();
});

describe('session cap', () => {
  it('keeps at most SESSION_MAX_PER_USER sessions: a sixth login ends the oldest', async () => {
    expect(app.config.maxSessionsPerUser).toBe(5);
    const logins = [];
    for (let device = 1; device <= 6; device++) {
      logins.push(await signIn(app, 'linjiang.collector', DEMO_PASSWORD, `10.70.0.${device}`));
    }
    const userId = await app.userId('linjiang.collector');
    const open = await app.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt));
    expect(open).toHaveLength(5);
    expect(open.map((s) => s.ip)).toEqual(['10.70.0.2', '10.70.0.3', '10.70.0.4', '10.70.0.5', '10.70.0.6']);
    const oldest = await app.withCookies(logins[0]!.cookies);
    expect((await oldest.auth.me()).user).toBeNull();
    expect((await (await app.withCookies(logins[5]!.cookies)).auth.me()).user?.username).toBe('linjiang.collector');
  });
});

describe('own sessions (登录设备)', () => {
  it('lists them with the current one marked, and ends another device', async () => {
    const phone = await signIn(app, 'yunshan.leader', DEMO_PASSWORD, '10.71.0.1');
    const desk = await signIn(app, 'yunshan.leader', DEMO_PASSWORD, '10.71.0.2');
    const me = await app.withCookies(desk.cookies, { ip: '10.71.0.2' });
    const list = await me.auth.sessions();
    expect(list.map((s) => [s.ip, s.current])).toEqual([
      ['10.71.0.2', true],
      ['10.71.0.1', false],
    ]);
    const current = list.find((s) => s.current);
    const other = list.find((s) => !s.current);
    expect(answerOf(await failure(me.auth.endSession({ id: current?.id ?? '' }))).code).toBe('CONFLICT');
    await me.auth.endSession({ id: other?.id ?? '' });
    expect((await (await app.withCookies(phone.cookies)).auth.me()).user).toBeNull();
    expect(await me.auth.sessions()).toHaveLength(1);
  });

  it('cannot end somebody else’s session', async () => {
    const theirs = await signIn(app, 'hubin.leader', DEMO_PASSWORD, '10.71.0.3');
    const [session] = await app.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, await app.userId('hubin.leader')));
    const mine = await signIn(app, 'hubin.supervisor', DEMO_PASSWORD, '10.71.0.4');
    const me = await app.withCookies(mine.cookies);
    expect((await failure(me.auth.endSession({ id: session?.id ?? '' }))).code).toBe('NOT_FOUND');
    expect((await (await app.withCookies(theirs.cookies)).auth.me()).user?.username).toBe('hubin.leader');
  });
});

describe('the session cookie over HTTP', () => {
  async function loginOverHttp(headers: Record<string, string>) {
    const response = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, ...headers },
      body: JSON.stringify({ json: { username: 'xingang.shift_lead', password: DEMO_PASSWORD } }),
    });
    expect(response.status).toBe(200);
    return response.headers.get('set-cookie') ?? '';
  }

  it('is Secure when a local TLS proxy says the request came over https, and HttpOnly, SameSite=Lax always', async () => {
    const overTls = await loginOverHttp({ 'x-forwarded-proto': 'https' });
    expect(overTls).toMatch(/^citygov_session=[\w-]+;/);
    expect(overTls).toMatch(/; Secure/);
    expect(overTls).toMatch(/; HttpOnly/);
    expect(overTls).toMatch(/; SameSite=Lax/);
    const plain = await loginOverHttp({});
    expect(plain).not.toMatch(/Secure/);
    expect(plain).toMatch(/; HttpOnly/);
    expect(plain).toMatch(/; SameSite=Lax/);
  });
});
