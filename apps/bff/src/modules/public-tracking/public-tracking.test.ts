import { users } from '@citygov/db/schema/auth';
import { caseEvents, cases } from '@citygov/db/schema/cases';
import { TRACKING_ALPHABET } from '@citygov/domain/tracking/tracking-code';
import { eq } from 'drizzle-orm';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../http/create-app';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { actAs, caseRowOf, departmentNamed, pointIn } from '../cases/case-test-helpers';
import { DEMO_API_KEY } from '../open311/api-keys';
import { createOpen311Routes } from '../open311/http-routes';
import { loadOpen311Settings } from '../open311/open311-settings';
import { type Answer, form, HttpClient, json } from '../open311/open311-test-client';
import type { PublicProgress } from './find-public-progress';

/** The citizen's tracking page (/public/track) through its endpoint, as the browser calls it. */
let app: TestApp;
let here: Awaited<ReturnType<typeof pointIn>>;
const http = new HttpClient();

beforeAll(async () => {
  app = await openTestApp();
  await http.start(createHttpApp(app.db, app.config));
  here = await pointIn(app, '临江区');
  // Each report here is a case of its own: nothing is merged automatically.
  await (await app.as('admin')).duplicates.setThresholds({ merge: 1, review: 0.3 });
});
afterAll(async () => {
  await http.close();
  await app?.close();
});

const track = (code: string, ip?: string) =>
  http.call(`/open311/track/${encodeURIComponent(code)}.json`, ip ? { ip } : {});

async function reportAsCitizen(description: string) {
  const answer = await http.call(
    '/open311/v2/requests.json',
    form({
      api_key: DEMO_API_KEY,
      service_code: 'event-06001',
      description,
      lat: String(here.lat),
      long: String(here.lng),
      first_name: '女士',
      last_name: '王',
      phone: '13911112222',
    }),
  );
  expect(answer.status, answer.text).toBe(201);
  const [created] = json<{ service_request_id: string; token: string }[]>(answer);
  if (!created) throw new Error('nothing created');
  const [row] = await app.db.select().from(cases).where(eq(cases.caseNo, created.service_request_id));
  if (!row) throw new Error('no case');
  return { ...created, id: row.id };
}

function randomCode(): string {
  return Array.from({ length: 12 }, () => TRACKING_ALPHABET[Math.floor(Math.random() * TRACKING_ALPHABET.length)]).join(
    '',
  );
}

function expectNotFound(answer: Answer) {
  expect(answer.status).toBe(404);
  expect(json(answer)).toEqual([{ code: 404, description: '查询码不存在，请核对后重新输入 (token not found)' }]);
}

describe('tracking a report by its 查询码', () => {
  it('finds a report by its code, typed any way, and by nothing else', async () => {
    const report = await reportAsCitizen('跟踪测试：小区门口有人私搭彩钢棚');
    const found = json<PublicProgress>(await track(report.token));
    expect(found).toMatchObject({
      trackingCode: report.token,
      status: '待受理',
      finished: false,
      category: expect.any(String),
      description: '跟踪测试：小区门口有人私搭彩钢棚',
      reply: null,
      agency: null,
      merged: false,
      steps: [{ label: '收到反映', at: expect.stringMatching(/\+08:00$/) }],
    });
    expect(found.expectedAt).toMatch(/\+08:00$/);
    const typed = report.token.replaceAll('-', ' ').toLowerCase();
    expect((await track(typed)).status).toBe(200);

    // The sequential case number, a guessed code and a near miss all answer the same "not found".
    expectNotFound(await track(report.service_request_id));
    expectNotFound(await track(randomCode()));
    const last = report.token.at(-1) === '2' ? '3' : '2';
    expectNotFound(await track(`${report.token.slice(0, -1)}${last}`));
    expectNotFound(await track('x'.repeat(300)));
  });

  it('shows a reworked case without the internal notes, staff names, teams or contact details', async () => {
    const report = await reportAsCitizen('跟踪测试：人行道上堆放建筑垃圾');
    const municipal = await departmentNamed(app, '临江区市政管理所');
    await actAs(app, 'linjiang.acceptor', report.id, 'accept', { reason: '内部意见：经电话核实情况属实' });
    await actAs(app, 'linjiang.shift_lead', report.id, 'file');
    await actAs(app, 'linjiang.dispatcher', report.id, 'dispatch', { leadDepartmentId: municipal.id });
    const [team] = await (await app.as('linjiang.dept_handler')).cases.subUnits({ caseId: report.id });
    if (!team) throw new Error('no sub-unit');
    await actAs(app, 'linjiang.dept_handler', report.id, 'subDispatch', { leadDepartmentId: team.id });
    await actAs(app, 'linjiang.dept_handler', report.id, 'takeUp');
    await actAs(app, 'linjiang.dept_handler', report.id, 'feedBack', { reason: '养护班张师傅已清运' });
    await actAs(app, 'linjiang.shift_lead', report.id, 'rework', { reason: '现场仍有残留杂物，请返工' });
    await (await app.as('linjiang.shift_lead')).cases.addRemark({ caseId: report.id, text: '备注：市民情绪激动' });
    await actAs(app, 'linjiang.shift_lead', report.id, 'supervise', { reason: '督办：本周内必须完成' });
    // Sent back for rework: still 处置中 to the public, with nothing of why.
    const reworked = await track(report.token);
    expect(json<PublicProgress>(reworked)).toMatchObject({ status: '处置中', reply: null });
    for (const secret of ['现场仍有残留杂物', '返工', '市民情绪激动', '督办', '张师傅']) {
      expect(reworked.text, secret).not.toContain(secret);
    }
    await actAs(app, 'linjiang.dept_handler', report.id, 'feedBack', { reason: '第二次清运完毕' });
    await actAs(app, 'linjiang.acceptor', report.id, 'requestCheck');
    await actAs(app, 'linjiang.collector', report.id, 'submitCheck', {
      confirmed: true,
      reason: '核查人员现场拍照确认',
    });
    await actAs(app, 'linjiang.shift_lead', report.id, 'close', { reason: '垃圾已全部清运，感谢您的反映' });

    const answer = await track(report.token);
    const found = json<PublicProgress>(answer);
    expect(found).toMatchObject({
      status: '已办结',
      finished: true,
      reply: '垃圾已全部清运，感谢您的反映',
      agency: '临江区市政管理所',
      expectedAt: null,
      finishedAt: expect.stringMatching(/\+08:00$/),
    });
    expect(found.steps.map((s) => s.label)).toEqual([
      '收到反映',
      '已受理',
      '已立案',
      '已交处置单位办理',
      '处置单位开始处置',
      '处置单位反馈已处理',
      '已办结',
    ]);
    const events = await app.db.select().from(caseEvents).where(eq(caseEvents.caseId, report.id));
    const actors = [...new Set(events.map((e) => e.actorName).filter((n): n is string => Boolean(n)))];
    expect(actors.length).toBeGreaterThanOrEqual(4);
    const staff = await app.db.select({ name: users.displayName }).from(users);
    const secrets = [
      '现场仍有残留杂物',
      '请返工',
      '内部意见',
      '张师傅',
      '第二次清运',
      '市民情绪激动',
      '督办',
      '核查人员',
      team.name,
      '13911112222',
      '王女士',
      report.service_request_id,
      ...actors,
    ];
    for (const secret of secrets) expect(answer.text, secret).not.toContain(secret);
    for (const { name } of staff) {
      if (name.length >= 2) expect(answer.text, name).not.toContain(name);
    }
  });

  it('gives a hotline caller a code at the desk, and none to staff’s own reports', async () => {
    const acceptor = await app.as('linjiang.acceptor');
    const hotline = await acceptor.cases.report({
      source: 'hotline',
      kind: 'event',
      categoryCode: '06001',
      description: '跟踪测试：12345 来电反映楼下有人搭棚',
      lng: here.lng,
      lat: here.lat,
      reporterName: '李先生',
      reporterPhone: '13800002222',
      confirmedDistinct: true,
    });
    expect(hotline.trackingCode).toMatch(/^[2-9ACDEFHJKMNPQRTVWXY]{12}$/);
    const found = json<PublicProgress>(await track(hotline.trackingCode ?? ''));
    expect(found.description).toBe('跟踪测试：12345 来电反映楼下有人搭棚');

    const collector = await app.as('linjiang.collector');
    const own = await collector.cases.report({
      source: 'collector',
      kind: 'event',
      categoryCode: '06001',
      description: '跟踪测试：监督员巡查发现',
      lng: here.lng,
      lat: here.lat,
      confirmedDistinct: true,
    });
    expect(own.trackingCode).toBeNull();
    expect((await caseRowOf(app, own.id)).trackingCode).toBeNull();
  });

  it('refuses an address after too many wrong codes, right codes included, and only that address', async () => {
    const report = await reportAsCitizen('跟踪测试：限流');
    const settings = { ...loadOpen311Settings({}), trackMissesPerIpPer10Min: 3 };
    const small = express();
    small.set('trust proxy', 'loopback');
    small.use('/open311', createOpen311Routes(app.db, app.config, settings));
    const base = await http.listen(small);
    const guesser = '203.0.113.90';
    const lookUp = (path: string, ip = guesser) => http.call(`/open311${path}`, { ip }, base);
    expect((await lookUp(`/track/${report.token}.json`)).status).toBe(200);
    // Misses through either door (the tracking page, Open311 tokens) count together.
    expectNotFound(await lookUp(`/track/${randomCode()}.json`));
    expect((await lookUp(`/v2/tokens/${randomCode()}.json`)).status).toBe(404);
    expectNotFound(await lookUp(`/track/${report.service_request_id}.json`));
    const refused = await lookUp(`/track/${report.token}.json`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await lookUp(`/v2/tokens/${report.token}.json`)).status).toBe(429);
    expect((await lookUp(`/track/${report.token}.json`, '203.0.113.91')).status).toBe(200);
  });
});
