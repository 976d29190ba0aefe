import { auditLog } from '@citygov/db/schema/audit';
import { cases } from '@citygov/db/schema/cases';
import { externalAccounts } from '@citygov/db/schema/sso';
import { DEMO_PASSWORD } from '@citygov/db/seed/demo-accounts';
import { DEMO_ZZD_ACCOUNTS, DEMO_ZZD_UNBOUND_USERNAME } from '@citygov/db/seed/demo-zzd-accounts';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetAccessToken, getAccessToken, userByAuthCode } from '../../adapters/zzd/client';
import { signZzdRequest } from '../../adapters/zzd/signing';
import {
  DEMO_ZZD_APP_KEY,
  DEMO_ZZD_APP_SECRET,
  startZzdSimulator,
  type ZzdSimulator,
} from '../../adapters/zzd/simulator';
import { openTestApp, RecordingCookieJar, type TestApp } from '../../testing/test-app';
import { SESSION_COOKIE } from '../auth/api';
import { failure } from '../auth/auth-test-helpers';
import { pointIn } from '../cases/case-test-helpers';
import { sendTaskNotice } from './api';

let sim: ZzdSimulator;
let app: TestApp;
const demo = (username: string) => {
  const account = DEMO_ZZD_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo 浙政钉 account for ${username}`);
  return account;
};

beforeAll(async () => {
  sim = await startZzdSimulator();
  app = await openTestApp({
    ZZD_URL: sim.url,
    ZZD_APP_KEY: DEMO_ZZD_APP_KEY,
    ZZD_APP_SECRET: DEMO_ZZD_APP_SECRET,
  });
});
afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('the 浙政钉 simulator checks every signature', () => {
  it('refuses a call with a wrong signature, a wrong key, a replayed nonce and none at all', async () => {
    const uri = '/gettoken.json';
    const params = { appkey: DEMO_ZZD_APP_KEY, appsecret: DEMO_ZZD_APP_SECRET };
    const url = `${sim.url}${uri}?${new URLSearchParams(params)}`;
    const good = signZzdRequest({
      method: 'GET',
      uri,
      params,
      appKey: DEMO_ZZD_APP_KEY,
      appSecret: DEMO_ZZD_APP_SECRET,
    });
    const wrongSecret = signZzdRequest({
      method: 'GET',
      uri,
      params,
      appKey: DEMO_ZZD_APP_KEY,
      appSecret: 'not-the-secret',
    });
    const tampered = { ...good, 'X-Hmac-Auth-Nonce': `${good['X-Hmac-Auth-Nonce']}1` };
    const answers = [];
    for (const headers of [wrongSecret, tampered, {}]) {
      const response = await fetch(url, { headers });
      answers.push([response.status, ((await response.json()) as { success: boolean }).success]);
    }
    expect(answers).toEqual([
      [401, false],
      [401, false],
      [401, false],
    ]);
    const first = await fetch(url, { headers: { ...good } });
    expect(((await first.json()) as { success: boolean }).success).toBe(true);
    const replay = await fetch(url, { headers: { ...good } });
    expect(replay.status).toBe(401);
    expect(sim.refusals.map((r) => r.reason)).toEqual([
      'signature mismatch',
      'signature mismatch',
      'missing signature headers',
      'nonce replayed',
    ]);
  });

  it('caches the access token and reads content that comes as a JSON string', async () => {
    const config = app.config.zzd;
    if (!config) throw new Error('zzd not configured');
    forgetAccessToken(config);
    const token = await getAccessToken(config);
    expect(await getAccessToken(config)).toBe(token);
    // dingtalk_app_user.json answers with content as a JSON string.
    const user = await userByAuthCode(config, sim.authCodeFor(demo('admin').accountId));
    expect(user.employeeCode).toBe(demo('admin').employeeCode);
    expect(user.lastName).toBe('王建国');
  });
});

describe('浙政钉 sign-in', () => {
  it('H5 免登: an auth code of a bound user opens a session as that user, logged with the method', async () => {
    const cookies = new RecordingCookieJar();
    const caller = await app.withCookies(cookies);
    const result = await caller.sso.zzdH5Login({ authCode: sim.authCodeFor(demo('linjiang.dispatcher').accountId) });
    expect(result.kind).toBe('signed-in');
    expect(cookies.get(SESSION_COOKIE)).toMatch(/^[\w-]{40,}$/);
    const { user } = await (await app.withCookies(cookies)).auth.me();
    expect(user?.username).toBe('linjiang.dispatcher');
    const [row] = await app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.login'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row?.username).toBe('linjiang.dispatcher');
    expect(row?.detail).toMatchObject({ method: 'zzd_h5' });
  });

  it('refuses a used or made-up auth code in Chinese', async () => {
    const code = sim.authCodeFor(demo('admin').accountId);
    await app.anonymous().sso.zzdH5Login({ authCode: code });
    const again = await failure(app.anonymous().sso.zzdH5Login({ authCode: code }));
    expect(again.code).toBe('UNAUTHORIZED');
    expect(again.message).toBe('浙政钉登录失败：免登码无效或已过期');
  });

  it('first login of an unbound user: a binding ticket, then our password once binds and signs in; next time no password', async () => {
    const person = demo(DEMO_ZZD_UNBOUND_USERNAME);
    const first = await app.anonymous().sso.zzdH5Login({ authCode: sim.authCodeFor(person.accountId) });
    if (first.kind !== 'must-bind') throw new Error('expected a binding ticket');
    expect(first.name).toBe(person.name);

    const wrong = await failure(
      app
        .anonymous({ ip: '10.9.0.1' })
        .sso.zzdBind({ ticket: first.ticket, username: person.username, password: 'wrong-pass-1' }),
    );
    expect(wrong.message).toMatch(/^用户名或密码错误/);
    const forged = await failure(
      app.anonymous().sso.zzdBind({ ticket: `${first.ticket}x`, username: person.username, password: DEMO_PASSWORD }),
    );
    expect(forged.message).toBe('绑定凭据无效或已过期，请重新扫码登录');

    const cookies = new RecordingCookieJar();
    const me = await (await app.withCookies(cookies)).sso.zzdBind({
      ticket: first.ticket,
      username: person.username,
      password: DEMO_PASSWORD,
    });
    expect(me.username).toBe(person.username);
    const [binding] = await app.db
      .select()
      .from(externalAccounts)
      .where(and(eq(externalAccounts.provider, 'zzd'), eq(externalAccounts.accountId, String(person.accountId))));
    expect(binding?.boundBy).toBe('password');
    const [logged] = await app.db.select().from(auditLog).where(eq(auditLog.action, 'sso.bind'));
    expect(logged?.username).toBe(person.username);

    const second = await app.anonymous().sso.zzdH5Login({ authCode: sim.authCodeFor(person.accountId) });
    expect(second.kind).toBe('signed-in');
  });
});

describe('浙政钉 work notifications', () => {
  it('a new task reaches the simulator as a work notification to the bound accounts', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    const reported = await acceptor.cases.report({
      source: 'hotline',
      kind: 'event',
      categoryCode: '06042',
      description: '小区门口的垃圾箱满了，垃圾堆到地上没人清运',
      ...(await pointIn(app, '临江区')),
    });
    const [task] = await app.db.select().from(cases).where(eq(cases.id, reported.id));
    if (!task) throw new Error('no reported case');
    const handler = await app.userId('linjiang.dept_handler');
    // Someone without a 浙政钉 binding is skipped.
    const unbound = await app.userId('linjiang.street_chief');
    await app.db.delete(externalAccounts).where(eq(externalAccounts.userId, unbound));
    const sent = await sendTaskNotice(
      app.db,
      { zzd: app.config.zzd, appUrl: 'https://citygov.example.cn' },
      {
        kind: 'new_task',
        task: { caseId: task.id, caseNumber: task.caseNo, title: task.description.slice(0, 30), address: task.address },
        userIds: [handler, unbound],
        bizMsgId: `case-${task.id}-new-task`,
      },
    );
    expect(sent?.accountIds).toEqual([String(demo('linjiang.dept_handler').accountId)]);
    const received = (await (await fetch(`${sim.url}/_sim/notifications`)).json()) as {
      msgId: string;
      receiverIds: string[];
      message: { msgtype: string; link?: { title: string; messageUrl: string } };
    }[];
    const notice = received.find((n) => n.msgId === sent?.msgId);
    expect(notice?.receiverIds).toEqual([String(demo('linjiang.dept_handler').accountId)]);
    expect(notice?.message.link?.title).toBe(`【新任务】${task.caseNo}`);
    expect(notice?.message.link?.messageUrl).toBe(`https://citygov.example.cn/cases/${task.id}`);
  });
});
