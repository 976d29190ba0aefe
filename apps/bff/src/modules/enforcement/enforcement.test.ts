import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { caseEvents } from '@citygov/db/schema/cases';
import { enforcementLinks } from '@citygov/db/schema/enforcement';
import { outboxMessages } from '@citygov/db/schema/outbox';
import { openTestDatabase } from '@citygov/db/testing/open-test-database';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENFORCEMENT_CONTRACT_VERSION, enforcementHeaders } from '../../adapters/enforcement/contract';
import { EnforcementChannel } from '../../adapters/enforcement/enforcement-channel';
import {
  DEMO_ENFORCEMENT_KEY,
  DEMO_ENFORCEMENT_SECRET,
  type EnforcementSimulator,
  startEnforcementSimulator,
} from '../../adapters/enforcement/simulator';
import { createChannelRegistry, integrationSettingsOf } from '../../adapters/registry';
import { createHttpApp } from '../../http/create-app';
import { type TestApp, testAppOn } from '../../testing/test-app';
import { actAs, caseRowOf, failure, outcome, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { OutboxWorker } from '../integrations/api';

/** 执法布控 through the router as the desk calls it, the simulated enforcement system over HTTP. */
let sim: EnforcementSimulator;
let app: TestApp;
let worker: OutboxWorker;
let server: Server;
let base: string;

beforeAll(async () => {
  sim = await startEnforcementSimulator();
  const open = await openTestDatabase();
  app = testAppOn(open, {
    ENFORCEMENT_URL: sim.url,
    ENFORCEMENT_KEY: DEMO_ENFORCEMENT_KEY,
    ENFORCEMENT_SECRET: DEMO_ENFORCEMENT_SECRET,
    ENFORCEMENT_TIMEOUT_MS: '2000',
  });
  worker = await OutboxWorker.start({
    db: app.db,
    kind: app.kind,
    databaseUrl: open.location,
    channels: createChannelRegistry(integrationSettingsOf(app.db, app.config)),
    policy: { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 1_000, leaseMs: 10_000 },
    sweepMs: 300,
    maintenanceSeconds: 1,
  });
  await worker.sweep();
  server = createHttpApp(app.db, app.config).listen(0, '127.0.0.1');
  await new Promise<void>((ready) => server.once('listening', () => ready()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await worker?.stop();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await app?.close();
  await sim?.close();
});

async function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never happened: ${what}`);
}

async function reportIn(district: string, description: string): Promise<number> {
  const here = await pointIn(app, district);
  const user = district === '临江区' ? 'linjiang.acceptor' : 'yunshan.acceptor';
  const { id } = await (await app.as(user)).cases.report({ ...SAMPLE_REPORT, ...here, description });
  return id;
}

async function notesOf(caseId: number): Promise<string[]> {
  const rows = await app.db
    .select({ reason: caseEvents.reason })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));
  return rows.map((r) => r.reason ?? '');
}

async function pushesOf(caseId: number) {
  return app.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.system, 'enforcement'), eq(outboxMessages.caseId, caseId)));
}

describe('执法对象查询', () => {
  it('finds a person by name and an organisation by its 统一社会信用代码, with their histories', async () => {
    const lead = await app.as('linjiang.shift_lead');
    const [person, ...more] = await lead.enforcement.lookup({ kind: 'person', q: '张某明' });
    expect(more).toHaveLength(0);
    expect(person).toMatchObject({ subjectId: 'ZF-P-0001', kindLabel: '自然人', code: '330106********0018' });
    expect(person?.violations.map((v) => v.type)).toEqual(['占道经营', '乱堆物料']);
    expect(person?.penalties.map((p) => p.kind)).toEqual(['警告', '罚款']);
    const [org] = await lead.enforcement.lookup({ kind: null, q: '91330106MA2H3K7Q1A' });
    expect(org).toMatchObject({ name: '云湖市鑫达建材有限公司', kind: 'organisation' });
    expect(await lead.enforcement.lookup({ kind: 'organisation', q: '张某明' })).toEqual([]);
    const short = await failure(lead.enforcement.lookup({ kind: null, q: '张' }));
    expect(short.code).toBe('BAD_REQUEST');
    expect(short.message).toContain('请至少输入 2 个字');
  });

  it('the simulator refuses a request with a bad signature', async () => {
    const before = sim.figures.badSignatures;
    const forged = new EnforcementChannel({
      url: sim.url,
      key: DEMO_ENFORCEMENT_KEY,
      secret: 'not-the-secret',
      timeoutMs: 2000,
    });
    await expect(forged.lookup(null, '张某明')).rejects.toThrow('执法系统拒绝签名（HTTP 401）');
    expect(sim.figures.badSignatures).toBe(before + 1);
    expect((await forged.health()).ok).toBe(false);
    // The admin view's 执法系统 card shows the real link.
    const overview = await (await app.as('admin')).integrations.overview();
    expect(overview.find((o) => o.label === '执法系统')).toMatchObject({
      connected: true,
      health: expect.stringMatching(/^正常/),
    });
  });
});

describe('以事查人 / 以人查事', () => {
  it('links a subject to a case both ways, once, with a timeline note; unlinks it', async () => {
    const id = await reportIn('临江区', '执法测试：商户在人行道上长期堆放建材');
    const lead = await app.as('linjiang.shift_lead');
    await lead.enforcement.link({ caseId: id, subjectId: 'ZF-O-0001' });
    await lead.enforcement.link({ caseId: id, subjectId: 'ZF-P-0001' });
    const twice = await failure(lead.enforcement.link({ caseId: id, subjectId: 'ZF-P-0001' }));
    expect(twice.message).toContain('已关联到本案件');
    const unknown = await failure(lead.enforcement.link({ caseId: id, subjectId: 'ZF-P-9999' }));
    expect(unknown.code).toBe('NOT_FOUND');

    const view = await lead.enforcement.caseView({ caseId: id });
    expect(view.subjects.map((s) => s.name)).toEqual(['云湖市鑫达建材有限公司', '张某明']);
    expect(view.subjects[1]).toMatchObject({ code: '330106********0018', linkedBy: expect.any(String) });
    expect(view.push).toBeNull();
    const { caseNo } = await caseRowOf(app, id);
    const cases = await (await app.as('linjiang.dispatcher')).enforcement.subjectCases({ subjectId: 'ZF-P-0001' });
    expect(cases.map((c) => c.caseNo)).toContain(caseNo);
    const [found] = await lead.enforcement.lookup({ kind: null, q: '张某明' });
    expect(found?.linkedCases).toBeGreaterThanOrEqual(1);
    expect(await notesOf(id)).toContain('关联当事人：张某明（自然人，330106********0018）');

    await lead.enforcement.unlink({ caseId: id, subjectId: 'ZF-O-0001' });
    expect((await lead.enforcement.caseView({ caseId: id })).subjects.map((s) => s.name)).toEqual(['张某明']);
    expect(await notesOf(id)).toContain('取消关联当事人：云湖市鑫达建材有限公司');
  });
});

describe('推送案源 and feedback', () => {
  it('pushes a 案源 through the outbox once, and takes the system’s feedback into the timeline once', async () => {
    const id = await reportIn('临江区', '执法测试：店外经营屡教不改');
    const lead = await app.as('linjiang.shift_lead');
    await lead.enforcement.link({ caseId: id, subjectId: 'ZF-P-0001' });
    await lead.enforcement.push({ caseId: id, note: '多次劝导无效' });
    expect(await notesOf(id)).toContain('推送执法案源：多次劝导无效');
    const again = await failure(lead.enforcement.push({ caseId: id, note: null }));
    expect(again.message).toBe('本案件已推送执法系统，不再重复推送');

    const [message] = await eventually('the 案源 sent', async () => {
      const rows = await pushesOf(id);
      return rows.every((r) => r.status === 'sent') && rows.length > 0 && rows;
    });
    const { caseNo } = await caseRowOf(app, id);
    const taken = [...sim.caseSources.values()].filter((s) => s.body.caseNo === caseNo);
    expect(taken).toHaveLength(1);
    expect(taken[0]?.body.subjects).toEqual([{ subjectId: 'ZF-P-0001', kind: 'person', name: '张某明' }]);
    expect(message?.remoteId).toBe(taken[0]?.caseSourceId);
    const view = await lead.enforcement.caseView({ caseId: id });
    expect(view.push).toMatchObject({ status: 'sent', statusLabel: '已推送', caseSourceId: message?.remoteId });

    // Sent again (a lost answer, a 重发): the system answers with the first record, nothing new.
    const duplicates = sim.figures.duplicates;
    await app.db
      .update(outboxMessages)
      .set({ status: 'pending', sentAt: null, attempts: 0, nextAttemptAt: new Date() })
      .where(eq(outboxMessages.id, message?.id ?? 0));
    await worker.sweep();
    await eventually('sent a second time', async () => (await pushesOf(id))[0]?.status === 'sent');
    expect(sim.figures.duplicates).toBe(duplicates + 1);
    expect([...sim.caseSources.values()].filter((s) => s.body.caseNo === caseNo)).toHaveLength(1);

    // Feedback: 立案, signed; a repeat changes nothing; a forged one is refused.
    const webhook = `${base}/api/integrations/enforcement/feedback`;
    const feedback = {
      feedbackId: `FB-test-${id}`,
      caseNo,
      caseSourceId: message?.remoteId ?? '',
      stage: 'filed' as const,
      reference: '云综执立字〔2026〕第 0001 号',
      opinion: '符合立案条件，予以立案',
      at: new Date().toISOString(),
    };
    const first = await sim.sendFeedback(webhook, feedback);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: true, duplicate: false });
    expect(await (await sim.sendFeedback(webhook, feedback)).json()).toEqual({ accepted: true, duplicate: true });
    const body = JSON.stringify({
      contractVersion: ENFORCEMENT_CONTRACT_VERSION,
      ...feedback,
      feedbackId: 'FB-forged',
    });
    const forged = await fetch(webhook, {
      method: 'POST',
      headers: enforcementHeaders(
        { key: DEMO_ENFORCEMENT_KEY, secret: 'forged-secret' },
        'POST',
        '/api/integrations/enforcement/feedback',
        'FB-forged',
        body,
      ),
      body,
    });
    expect(forged.status).toBe(401);
    // Feedback on a case that was never pushed is refused.
    const other = await reportIn('临江区', '执法测试：未推送的案件');
    const notPushed = await sim.sendFeedback(webhook, {
      ...feedback,
      feedbackId: `FB-test-${other}`,
      caseNo: (await caseRowOf(app, other)).caseNo,
    });
    expect(notPushed.status).toBe(409);
    const notes = (await notesOf(id)).filter((n) => n.startsWith('执法系统'));
    expect(notes).toEqual(['执法系统立案（云综执立字〔2026〕第 0001 号）：符合立案条件，予以立案']);
    const [shown] = (await lead.enforcement.caseView({ caseId: id })).feedback;
    expect(shown).toMatchObject({ stageLabel: '立案', opinion: '符合立案条件，予以立案' });
  });

  it('the enforcement area chief’s 执法立案 pushes the case through the outbox', async () => {
    const here = await pointIn(app, '临江区');
    const { id } = await (await app.as('linjiang.collector')).cases.report({
      ...SAMPLE_REPORT,
      categoryCode: '09001',
      description: '执法测试：路口有无照游商推车卖水果',
      ...here,
    });
    expect(await caseRowOf(app, id)).toMatchObject({ chiefLine: 'enforcement' });
    await actAs(app, 'linjiang.enforce_chief', id, 'escalate', { reason: '多次劝导无效，申请立案' });
    await actAs(app, 'linjiang.enforce_area_chief', id, 'fileEnforcement');
    const [sent] = await eventually('the 执法立案 案源 sent', async () => {
      const rows = await pushesOf(id);
      return rows[0]?.status === 'sent' && rows;
    });
    const { caseNo } = await caseRowOf(app, id);
    expect([...sim.caseSources.values()].find((s) => s.body.caseNo === caseNo)?.caseSourceId).toBe(sent?.remoteId);
  });
});

describe('permissions and scope', () => {
  it('refuses roles without the permission and cases of another district', async () => {
    const id = await reportIn('临江区', '执法测试：权限检查');
    expect(await outcome((await app.as('linjiang.acceptor')).enforcement.lookup({ kind: null, q: '张某明' }))).toBe(
      'FORBIDDEN',
    );
    expect(await outcome((await app.as('linjiang.dept_handler')).enforcement.caseView({ caseId: id }))).toBe(
      'FORBIDDEN',
    );
    // Dispatchers see, but neither link nor push.
    const dispatcher = await app.as('linjiang.dispatcher');
    expect(await outcome(dispatcher.enforcement.caseView({ caseId: id }))).toBe('OK');
    expect(await outcome(dispatcher.enforcement.push({ caseId: id, note: null }))).toBe('FORBIDDEN');
    expect(await outcome(dispatcher.enforcement.link({ caseId: id, subjectId: 'ZF-P-0001' }))).toBe('FORBIDDEN');

    const other = await reportIn('云山区', '执法测试：另一区的案件');
    const lead = await app.as('linjiang.shift_lead');
    expect(await outcome(lead.enforcement.caseView({ caseId: other }))).toBe('NOT_FOUND');
    expect(await outcome(lead.enforcement.link({ caseId: other, subjectId: 'ZF-P-0001' }))).toBe('NOT_FOUND');
    expect(await outcome(lead.enforcement.push({ caseId: other, note: null }))).toBe('NOT_FOUND');
    expect(await pushesOf(other)).toEqual([]);
    expect(await app.db.select().from(enforcementLinks).where(eq(enforcementLinks.caseId, other))).toEqual([]);
  });
});
