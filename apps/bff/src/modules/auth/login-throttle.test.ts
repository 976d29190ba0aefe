import { auditLog } from '@citygov/db/schema/audit';
import { loginThrottles } from '@citygov/db/schema/auth';
import { areas } from '@citygov/db/schema/org';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { answerOf, failure, signIn } from './auth-test-helpers';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

/** Login rows in the operation log for one name, by the reason recorded. */
async function loginReasons(username: string): Promise<Record<string, number>> {
  const rows = await app.db
    .select({ reason: sql<string>`${auditLog.detail}->>'reason'`, outcome: auditLog.outcome })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.username, username)));
  const out: Record<string, number> = {};
  for (const row of rows) out[row.reason ?? row.outcome] = (out[row.reason ?? row.outcome] ?? 0) + 1;
  return out;
}

describe('parallel guessing', () => {
  it('counts every check of 100 parallel wrong passwords: five are compared, the rest refused unchecked', async () => {
    const ip = '198.51.100.10';
    const guesses = Array.from({ length: 100 }, (_, i) =>
      failure(signIn(app, 'linjiang.dispatcher', `Guess-${i}`, ip)),
    );
    // Once the first refusal is out, the right password from the same address is refused too.
    const firstThrottled = await Promise.any(
      guesses.map((g) => g.then((e) => (e.code === 'TOO_MANY_REQUESTS' ? e : Promise.reject(e)))),
    );
    expect(firstThrottled.message).toBe('尝试次数过多，请 15 分钟后再试');
    const rightOne = await failure(signIn(app, 'linjiang.dispatcher', undefined, ip));
    const errors = await Promise.all(guesses);

    expect(rightOne.code).toBe('TOO_MANY_REQUESTS');
    expect(errors.filter((e) => e.code === 'UNAUTHORIZED')).toHaveLength(4);
    expect(errors.filter((e) => e.code === 'TOO_MANY_REQUESTS')).toHaveLength(96);
    expect(await loginReasons('linjiang.dispatcher')).toEqual({ 'wrong password': 5, 'throttled by pair': 96 });
    const [pair] = await app.db
      .select()
      .from(loginThrottles)
      .where(eq(loginThrottles.key, `pair:linjiang.dispatcher@${ip}`));
    expect(pair?.attempts).toBe(5);
    expect(pair?.blockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it('the same burst at an unknown name is answered in exactly the same way', async () => {
    const ip = '198.51.100.11';
    const errors = await Promise.all(
      Array.from({ length: 100 }, (_, i) => failure(signIn(app, 'linjiang.nobody', `Guess-${i}`, ip))),
    );
    expect(errors.filter((e) => e.code === 'UNAUTHORIZED')).toHaveLength(4);
    expect(errors.filter((e) => e.code === 'TOO_MANY_REQUESTS')).toHaveLength(96);
  });
});

describe('a stranger cannot lock the user out', () => {
  it('after sixty guesses from twelve other addresses, the user still signs in from their usual address', async () => {
    const username = 'yunshan.dispatcher';
    await signIn(app, username, undefined, '10.20.0.5'); // the desk they work from
    for (let stranger = 1; stranger <= 12; stranger++) {
      for (let i = 0; i < 5; i++) {
        await failure(signIn(app, username, `Stranger-${i}`, `203.0.113.${stranger}`));
      }
    }
    const stranger = await failure(signIn(app, username, 'Stranger-x', '203.0.113.1'));
    expect(stranger.code).toBe('TOO_MANY_REQUESTS');
    // The account is slowed for addresses it is not used from: a thirteenth stranger waits.
    const thirteenth = await failure(signIn(app, username, 'Stranger-y', '203.0.113.13'));
    expect(thirteenth.message).toMatch(/^尝试次数过多，请 1 分钟后再试$/);

    const { me } = await signIn(app, username, undefined, '10.20.0.5');
    expect(me.username).toBe(username);
  });

  it('a stranger failing over and over does not stop a first login from another address', async () => {
    const username = 'hubin.acceptor';
    for (let i = 0; i < 8; i++) await failure(signIn(app, username, `Nope-${i}`, '203.0.113.99'));
    const { me } = await signIn(app, username, undefined, '10.30.0.7');
    expect(me.username).toBe(username);
  });

  it('an address trying many names is stopped across all of them', async () => {
    const ip = '203.0.113.200';
    const names = Array.from({ length: 30 }, (_, i) => `spray.user${i}`);
    for (const name of names) await failure(signIn(app, name, 'Spray@2026', ip));
    const next = await failure(signIn(app, 'xingang.leader', undefined, ip));
    expect(next.code).toBe('TOO_MANY_REQUESTS');
    // Other addresses are not affected.
    await signIn(app, 'xingang.leader', undefined, '10.40.0.1');
  });
});

describe('unknown and known names answer alike', () => {
  it('gives byte-identical refusals for a wrong password, through to the throttle', async () => {
    const answers = async (username: string, ip: string) => {
      const out: ReturnType<typeof answerOf>[] = [];
      for (let i = 0; i < 7; i++) out.push(answerOf(await failure(signIn(app, username, `Wrong-${i}`, ip))));
      return out;
    };
    const known = await answers('xingang.dispatcher', '192.0.2.1');
    const unknown = await answers('xingang.nobody', '192.0.2.2');
    expect(unknown).toEqual(known);
    expect(known.map((a) => `${a.code} ${a.appCode} ${a.message}`)).toEqual([
      'UNAUTHORIZED UNAUTHENTICATED 用户名或密码错误，再错 4 次将暂停登录 15 分钟',
      'UNAUTHORIZED UNAUTHENTICATED 用户名或密码错误，再错 3 次将暂停登录 15 分钟',
      'UNAUTHORIZED UNAUTHENTICATED 用户名或密码错误，再错 2 次将暂停登录 15 分钟',
      'UNAUTHORIZED UNAUTHENTICATED 用户名或密码错误，再错 1 次将暂停登录 15 分钟',
      'TOO_MANY_REQUESTS LOGIN_THROTTLED 尝试次数过多，请 15 分钟后再试',
      'TOO_MANY_REQUESTS LOGIN_THROTTLED 尝试次数过多，请 15 分钟后再试',
      'TOO_MANY_REQUESTS LOGIN_THROTTLED 尝试次数过多，请 15 分钟后再试',
    ]);
  });
});

describe('failed logins in the district log', () => {
  it('carry the account’s area path, and none for unknown names', async () => {
    await failure(signIn(app, 'linjiang.leader', 'Wrong-1', '192.0.2.50'));
    await failure(signIn(app, 'linjiang.ghost', 'Wrong-1', '192.0.2.50'));
    const [linjiang] = await app.db.select().from(areas).where(eq(areas.name, '临江区'));
    const rows = await app.db
      .select({ username: auditLog.username, areaPath: auditLog.areaPath })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login'), eq(auditLog.ip, '192.0.2.50')));
    expect(rows.find((r) => r.username === 'linjiang.leader')?.areaPath).toBe(linjiang?.path);
    expect(rows.find((r) => r.username === 'linjiang.ghost')?.areaPath).toBeNull();
    const log = await (await app.as('linjiang.admin')).audit.list({ action: 'auth.login', pageSize: 100 });
    expect(log.rows.map((r) => r.username)).toContain('linjiang.leader');
  });
});
