import { auditLog } from '@citygov/db/schema/audit';
import { passwordHistory, sessions, users } from '@citygov/db/schema/auth';
import { areas } from '@citygov/db/schema/org';
import { DEMO_PASSWORD } from '@citygov/db/seed/demo-accounts';
import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, RecordingCookieJar, type TestApp } from '../../testing/test-app';
import { answerOf, failure, signIn } from './auth-test-helpers';

let app: TestApp;
let linjiangId: number;
beforeAll(async () => {
  app = await openTestApp();
  const [linjiang] = await app.db.select().from(areas).where(eq(areas.name, '临江区'));
  linjiangId = linjiang?.id ?? 0;
});
afterAll(() => app?.close());

const newUser = (username: string, password: string) => ({
  username,
  displayName: '密码测试',
  password,
  role: 'collector' as const,
  areaId: linjiangId,
  position: '',
});

describe('the policy on every path that sets a password', () => {
  it('refuses weak passwords when an administrator creates a user, and saves nothing', async () => {
    const admin = await app.as('admin');
    for (const [password, problem] of [
      ['Short1!', '密码至少 8 位'],
      ['alllowercase1', '3 类'],
      ['Pw.pwtest.user9', '用户名'],
      ['Aa123456', '过于常见'],
      ['Abc@1234', '过于常见'],
      ['password1', '过于常见'],
    ] as const) {
      const error = await failure(admin.users.create(newUser('pwtest.user', password)));
      expect(answerOf(error), password).toMatchObject({
        code: 'BAD_REQUEST',
        appCode: 'PASSWORD_POLICY',
        field: 'password',
      });
      expect(error.message, password).toContain(problem);
    }
    expect(await app.db.select().from(users).where(eq(users.username, 'pwtest.user'))).toHaveLength(0);
    const created = await admin.users.create(newUser('pwtest.user', 'Harbour-Light-77'));
    await signIn(app, 'pwtest.user', 'Harbour-Light-77', '10.50.0.1');
    const [history] = await app.db
      .select({ n: count() })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, created.id));
    expect(history?.n).toBe(1);
  });

  it('refuses a weak or recent password on an administrator’s reset, and takes a good one', async () => {
    const admin = await app.as('admin');
    const id = await app.userId('yunshan.acceptor');
    const weak = await failure(admin.users.resetPassword({ id, password: 'Yunshan.Acceptor1' }));
    expect(answerOf(weak)).toMatchObject({
      appCode: 'PASSWORD_POLICY',
      field: 'password',
      message: '密码不能包含用户名',
    });
    const same = await failure(admin.users.resetPassword({ id, password: DEMO_PASSWORD }));
    expect(answerOf(same)).toMatchObject({
      appCode: 'PASSWORD_POLICY',
      field: 'password',
      message: '不能与最近 5 次使用过的密码相同',
    });
    await admin.users.resetPassword({ id, password: 'River-Bend-2031' });
    await signIn(app, 'yunshan.acceptor', 'River-Bend-2031', '10.50.0.2');
    // The audit row blanks the password.
    const [row] = await app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'users.resetPassword'), eq(auditLog.outcome, 'ok')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row?.detail).toMatchObject({ id, password: '***' });
  });
});

describe('修改密码 (self-service)', () => {
  it('needs the current password and a password the policy accepts', async () => {
    const { cookies } = await signIn(app, 'hubin.shift_lead', DEMO_PASSWORD, '10.50.0.3');
    const me = await app.withCookies(cookies, { ip: '10.50.0.3' });
    const weak = await failure(me.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'Aa123456' }));
    expect(answerOf(weak)).toMatchObject({ code: 'BAD_REQUEST', appCode: 'PASSWORD_POLICY', field: 'newPassword' });
    const wrong = await failure(
      me.auth.changePassword({ currentPassword: 'Not-It-123', newPassword: 'Lantern#River8' }),
    );
    expect(answerOf(wrong)).toMatchObject({ code: 'BAD_REQUEST', field: 'currentPassword', message: '当前密码不正确' });
    const reused = await failure(
      me.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }),
    );
    expect(answerOf(reused)).toMatchObject({ appCode: 'PASSWORD_POLICY', message: '不能与最近 5 次使用过的密码相同' });
    const refusedLogs = await app.db
      .select({ outcome: auditLog.outcome })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.changePassword'), eq(auditLog.username, 'hubin.shift_lead')));
    expect(refusedLogs.map((r) => r.outcome).sort()).toEqual(['denied', 'failed', 'failed']);
  });

  it('changes it, ends the other sessions but not this one, and refuses the last five again', async () => {
    const username = 'hubin.dept_handler';
    const elsewhere = await signIn(app, username, DEMO_PASSWORD, '10.50.0.4');
    const { cookies } = await signIn(app, username, DEMO_PASSWORD, '10.50.0.5');
    const me = await app.withCookies(cookies, { ip: '10.50.0.5' });
    const passwords = ['Lantern#River1', 'Lantern#River2', 'Lantern#River3', 'Lantern#River4', 'Lantern#River5'];
    let current = DEMO_PASSWORD;
    for (const next of passwords) {
      await me.auth.changePassword({ currentPassword: current, newPassword: next });
      current = next;
    }
    expect((await (await app.withCookies(elsewhere.cookies)).auth.me()).user).toBeNull();
    expect((await me.auth.me()).user?.username).toBe(username);
    // The last five (the current one included) are refused; the sixth back is free again.
    const refused = await failure(me.auth.changePassword({ currentPassword: current, newPassword: 'Lantern#River1' }));
    expect(answerOf(refused).message).toBe('不能与最近 5 次使用过的密码相同');
    await me.auth.changePassword({ currentPassword: current, newPassword: DEMO_PASSWORD });
    await signIn(app, username, DEMO_PASSWORD, '10.50.0.6');
    const [kept] = await app.db
      .select({ n: count() })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, await app.userId(username)));
    expect(kept?.n).toBe(5);
  });

  it('counts wrong current passwords like failed logins from that address', async () => {
    const { cookies } = await signIn(app, 'xingang.acceptor', DEMO_PASSWORD, '10.50.0.7');
    const me = await app.withCookies(cookies, { ip: '10.50.0.7' });
    for (let i = 0; i < 4; i++) {
      await failure(me.auth.changePassword({ currentPassword: `Guess-${i}-x`, newPassword: 'Lantern#River9' }));
    }
    const fifth = await failure(
      me.auth.changePassword({ currentPassword: 'Guess-5-x', newPassword: 'Lantern#River9' }),
    );
    expect(answerOf(fifth)).toMatchObject({ code: 'TOO_MANY_REQUESTS', appCode: 'LOGIN_THROTTLED' });
    const right = await failure(
      me.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'Lantern#River9' }),
    );
    expect(right.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('expiry', () => {
  let expiring: TestApp;
  beforeAll(async () => {
    expiring = await openTestApp({ PASSWORD_MAX_AGE_DAYS: '90' });
  });
  afterAll(() => expiring?.close());

  const age = (target: TestApp, username: string, days: number) =>
    target.db
      .update(users)
      .set({ passwordChangedAt: new Date(Date.now() - days * 86_400_000) })
      .where(eq(users.username, username));

  it('forces a change at the next login once the password is older than PASSWORD_MAX_AGE_DAYS', async () => {
    const username = 'linjiang.supervisor';
    await age(expiring, username, 91);
    const expired = await failure(signIn(expiring, username, DEMO_PASSWORD, '10.60.0.1'));
    expect(answerOf(expired)).toMatchObject({
      code: 'UNAUTHORIZED',
      appCode: 'PASSWORD_EXPIRED',
      message: '密码已过期，请设置新密码后登录',
    });
    const login = async (newPassword: string) => {
      const caller = await expiring.withCookies(new RecordingCookieJar(), {
        ip: '10.60.0.1',
      });
      return caller.auth.login({ username, password: DEMO_PASSWORD, newPassword });
    };
    expect(answerOf(await failure(login('Abc@1234')))).toMatchObject({
      appCode: 'PASSWORD_POLICY',
      field: 'newPassword',
    });
    expect(answerOf(await failure(login(DEMO_PASSWORD))).message).toBe('不能与最近 5 次使用过的密码相同');
    const me = await login('Fresh-Start-2026');
    expect(me.username).toBe(username);
    await signIn(expiring, username, 'Fresh-Start-2026', '10.60.0.1');
    // With expiry off (the default) the same age is fine.
    await age(app, username, 91);
    await signIn(app, username, DEMO_PASSWORD, '10.60.0.2');
  });

  it('asks nothing of a password younger than the maximum age', async () => {
    await age(expiring, 'linjiang.leader', 89);
    await signIn(expiring, 'linjiang.leader', DEMO_PASSWORD, '10.60.0.3');
  });
});

describe('sessions after a password change', () => {
  it('an administrator’s reset ends every session of the user', async () => {
    const { cookies } = await signIn(app, 'xingang.collector', DEMO_PASSWORD, '10.50.0.9');
    await (await app.as('admin')).users.resetPassword({
      id: await app.userId('xingang.collector'),
      password: 'Quay-Stone-4410',
    });
    expect((await (await app.withCookies(cookies)).auth.me()).user).toBeNull();
    const left = await app.db
      .select({ n: count() })
      .from(sessions)
      .where(eq(sessions.userId, await app.userId('xingang.collector')));
    expect(left[0]?.n).toBe(0);
  });
});
