import { auditLog } from '@citygov/db/schema/audit';
import { sessions, users } from '@citygov/db/schema/auth';
import { DEMO_PASSWORD } from '@citygov/db/seed/demo-accounts';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { failure, signIn as signInTo } from './auth-test-helpers';
import { SESSION_COOKIE } from './session-store';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app?.close());

// Each test signs in from its own address, so the per-address throttle of one does not reach another.
let nextHost = 1;
let address = '10.1.0.1';
beforeEach(() => {
  address = `10.1.0.${++nextHost}`;
});

const signIn = (username: string, password = DEMO_PASSWORD) => signInTo(app, username, password, address);

describe('login and sessions', () => {
  it('signs in with the demo password, sets an httpOnly session cookie and knows the user', async () => {
    const { cookies, me } = await signIn('linjiang.shift_lead');
    expect(me.roleName).toBe('值班长');
    expect(me.areaName).toBe('临江区');
    expect(cookies.get(SESSION_COOKIE)).toMatch(/^[\w-]{40,}$/);
    const caller = await app.withCookies(cookies);
    const { user } = await caller.auth.me();
    expect(user?.username).toBe('linjiang.shift_lead');
    expect(user?.permissions).toContain('case.file');
  });

  it('is case-insensitive on the username', async () => {
    const { me } = await signIn('LinJiang.Acceptor');
    expect(me.username).toBe('linjiang.acceptor');
  });

  it('refuses a wrong password and says how many tries are left from this address', async () => {
    const error = await failure(signIn('yunshan.collector', 'wrong-password-1'));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe('用户名或密码错误，再错 4 次将暂停登录 15 分钟');
  });

  it('locks this address out after five wrong passwords, even against the right one, until an admin unlocks it', async () => {
    for (let i = 0; i < 4; i++) await failure(signIn('hubin.dispatcher', `wrong-${i}`));
    const fifth = await failure(signIn('hubin.dispatcher', 'wrong-5'));
    expect(fifth.code).toBe('TOO_MANY_REQUESTS');
    expect(fifth.message).toBe('尝试次数过多，请 15 分钟后再试');
    const stillLocked = await failure(signIn('hubin.dispatcher'));
    expect(stillLocked.code).toBe('TOO_MANY_REQUESTS');
    expect(stillLocked.message).toBe('尝试次数过多，请 15 分钟后再试');

    const admin = await app.as('admin');
    const locked = await admin.users.list({ status: 'locked', pageSize: 200 });
    expect(locked.rows.map((u) => u.username)).toEqual(['hubin.dispatcher']);
    const home = await admin.portal.home();
    expect(home.todos.find((t) => t.key === 'lockedUsers')?.count).toBe(1);
    const active = await admin.users.list({ status: 'active', pageSize: 200 });
    expect(active.rows.map((u) => u.username)).not.toContain('hubin.dispatcher');
    await admin.users.unlock({ id: await app.userId('hubin.dispatcher') });
    const { me } = await signIn('hubin.dispatcher');
    expect(me.role).toBe('dispatcher');
  });

  it('ends a session after the idle timeout with a clear message', async () => {
    const { cookies } = await signIn('xingang.leader');
    const userId = await app.userId('xingang.leader');
    const longAgo = new Date(Date.now() - app.config.sessionIdleMs - 60_000);
    await app.db.update(sessions).set({ lastSeenAt: longAgo }).where(eq(sessions.userId, userId));
    const caller = await app.withCookies(cookies);
    const me = await caller.auth.me();
    expect(me.user).toBeNull();
    expect(me.problem).toContain('会话已过期');
    const error = await failure(caller.portal.home());
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toContain('会话已过期');
    expect(cookies.get(SESSION_COOKIE)).toBeUndefined();
  });

  it('ends a busy session at its absolute limit (SESSION_MAX_HOURS), however recently it was used', async () => {
    const { cookies } = await signIn('xingang.dispatcher');
    const userId = await app.userId('xingang.dispatcher');
    // Used a moment ago, but opened longer ago than the absolute limit allows.
    await app.db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(sessions.userId, userId));
    const caller = await app.withCookies(cookies);
    expect((await caller.auth.me()).user).toBeNull();
    expect((await failure(caller.portal.home())).code).toBe('UNAUTHORIZED');
    const [row] = await app.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(row).toBeUndefined();
  });

  it('logs out: the session is gone server-side and the cookie cleared', async () => {
    const { cookies } = await signIn('xingang.acceptor');
    await (await app.withCookies(cookies)).auth.logout();
    expect(cookies.get(SESSION_COOKIE)).toBeUndefined();
    const remaining = await app.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, await app.userId('xingang.acceptor')));
    expect(remaining).toHaveLength(0);
  });

  it('disabling an account ends its open sessions and refuses its next login', async () => {
    const { cookies } = await signIn('yunshan.street_chief');
    const admin = await app.as('admin');
    await admin.users.setActive({ id: await app.userId('yunshan.street_chief'), active: false });
    expect((await (await app.withCookies(cookies)).auth.me()).user).toBeNull();
    const error = await failure(signIn('yunshan.street_chief'));
    expect(error.message).toContain('账号已停用');
  });
});

describe('operation log', () => {
  it('records failed logins, successful changes with secrets blanked, and refused attempts', async () => {
    await failure(signIn('hubin.leader', 'bad-password-9'));
    const admin = await app.as('admin');
    const areaId = (await app.db.select().from(users).where(eq(users.username, 'hubin.leader')))[0]?.areaId ?? 0;
    await admin.users.create({
      username: 'audit.probe',
      displayName: '审计探针',
      password: 'Probe12345',
      role: 'collector',
      areaId,
      position: '监督员',
    });
    const collector = await app.as('hubin.collector');
    await failure(
      collector.users.create({
        username: 'x.y',
        displayName: '某某',
        password: 'Abcdefg123',
        role: 'collector',
        areaId,
        position: '',
      }),
    );

    const log = await admin.audit.list({ pageSize: 50 });
    const failedLogin = log.rows.find((r) => r.action === 'auth.login' && r.username === 'hubin.leader');
    expect(failedLogin?.outcome).toBe('denied');
    // The row carries the account's district, so hubin's administrator sees it in their log.
    const hubinAdmin = await app.as('hubin.admin');
    const hubinLog = await hubinAdmin.audit.list({ pageSize: 50 });
    expect(hubinLog.rows.some((r) => r.action === 'auth.login' && r.username === 'hubin.leader')).toBe(true);
    const linjiangLog = await (await app.as('linjiang.admin')).audit.list({ pageSize: 50 });
    expect(linjiangLog.rows.some((r) => r.username === 'hubin.leader')).toBe(false);
    const created = log.rows.find((r) => r.action === 'users.create' && r.outcome === 'ok');
    expect(created?.username).toBe('admin');
    expect(created?.detail).toMatchObject({ username: 'audit.probe', password: '***' });
    expect(created?.ip).toBe('127.0.0.1');
    const refused = log.rows.find((r) => r.action === 'users.create' && r.username === 'hubin.collector');
    expect(refused?.outcome).toBe('denied');
  });

  it('a failed change leaves neither the change nor an ok log row behind', async () => {
    const admin = await app.as('admin');
    const before = await app.db.select().from(users).where(eq(users.username, 'linjiang.leader'));
    const error = await failure(
      admin.users.create({
        username: 'linjiang.leader',
        displayName: '重复的人',
        password: 'Abcdefg123',
        role: 'leader',
        areaId: before[0]?.areaId ?? 0,
        position: '',
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('已存在');
    const [row] = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'users.create'), eq(auditLog.username, 'admin')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row?.outcome).toBe('failed');
    const after = await app.db.select().from(users).where(eq(users.username, 'linjiang.leader'));
    expect(after).toEqual(before);
  });

  it('rejects malformed input with a readable Chinese message and saves nothing', async () => {
    const admin = await app.as('admin');
    const error = await failure(
      admin.users.create({
        username: 'bad user!',
        displayName: '某',
        password: 'short',
        role: 'collector',
        areaId: 1,
        position: '',
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    const found = await app.db.select().from(users).where(eq(users.username, 'bad user!'));
    expect(found).toHaveLength(0);
  });
});
