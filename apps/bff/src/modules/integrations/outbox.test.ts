import { rowsOf } from '@citygov/db/client';
import { caseEvents } from '@citygov/db/schema/cases';
import { outboxMessages } from '@citygov/db/schema/outbox';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provinceHeaders } from '../../adapters/province/contract';
import { ProvinceChannel } from '../../adapters/province/province-channel';
import { ProvinceSimulator } from '../../adapters/province/province-simulator';
import { type LiveServer, startLiveServer } from '../../testing/live-server';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { deriveOutbox } from './outbox-consumer';
import { deliverLane } from './outbox-delivery';

const CREDENTIALS = { key: 'outbox-test', secret: 'outbox-test-secret-0123456789' };
const POLICY = { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0, leaseMs: 5_000 };

/** A province link that does not drop repeats: stands for SMS and the like (same protocol, other promise). */
class NotIdempotentChannel extends ProvinceChannel {
  override readonly idempotent = false;
}

let app: TestApp;
let province: ProvinceSimulator;
let server: LiveServer;
let settings: { url: string; key: string; secret: string; timeoutMs: number };

beforeAll(async () => {
  app = await openTestApp({ PROVINCE_KEY: CREDENTIALS.key, PROVINCE_SECRET: CREDENTIALS.secret });
  province = new ProvinceSimulator(CREDENTIALS);
  settings = { ...CREDENTIALS, url: await province.start(), timeoutMs: 3_000 };
  server = await startLiveServer(app.db, app.config);
});
afterAll(async () => {
  await server?.close();
  await province?.stop();
  await app?.close();
});

async function report(description: string): Promise<{ id: number; caseNo: string }> {
  const collector = await app.as('linjiang.collector');
  const created = await collector.cases.report({ ...SAMPLE_REPORT, ...(await pointIn(app, '临江区')), description });
  const [row] = rowsOf<{ case_no: string }>(
    await app.db.execute(sql`select case_no from cases where id = ${created.id}`),
  );
  return { id: created.id, caseNo: row?.case_no ?? '' };
}

async function messagesOf(caseId: number) {
  return app.db.select().from(outboxMessages).where(eq(outboxMessages.caseId, caseId)).orderBy(asc(outboxMessages.id));
}

describe('the province platform link', () => {
  it('turns a case change into one signed message that the platform takes once', async () => {
    const channels = new Map([['province' as const, new ProvinceChannel(settings)]]);
    await deriveOutbox(app.db, channels);
    const made = await report('外发测试：人行道上堆放建筑垃圾');
    await deriveOutbox(app.db, channels);
    await deriveOutbox(app.db, channels); // a second run derives nothing twice
    const [message] = await messagesOf(made.id);
    expect(await messagesOf(made.id)).toHaveLength(1);
    expect(message?.payload).toMatchObject({
      contractVersion: 'citygov-province/1.0',
      caseNo: made.caseNo,
      source: '01',
      event: { action: 'report', toStatus: 'reported' },
    });
    expect(await deliverLane(app.db, new ProvinceChannel(settings), `case:${made.id}`, POLICY)).toEqual({
      state: 'drained',
      sent: 1,
    });
    const [sent] = await messagesOf(made.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sent?.remoteId).toMatch(/^SJ-/);
    expect(province.caseEvents.get(made.caseNo)).toHaveLength(1);
  });

  it('refuses a request with a bad signature', async () => {
    const body = JSON.stringify({ contractVersion: 'citygov-province/1.0' });
    const forged = provinceHeaders(
      { key: CREDENTIALS.key, secret: 'not-the-secret' },
      'POST',
      '/v1/case-events',
      'k1',
      body,
    );
    const answer = await fetch(`${province.url}/v1/case-events`, { method: 'POST', headers: forged, body });
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: string }).error).toBe('签名不正确');
  });

  it('never sends twice to a system that does not drop repeats: a timed-out send becomes a dead letter', async () => {
    const channel = new NotIdempotentChannel(settings);
    const channels = new Map([['province' as const, channel]]);
    const made = await report('外发测试：井盖缺失需要尽快处理');
    await deriveOutbox(app.db, channels);
    await province.setMode('timeout');
    const held = province.figures.heldUnanswered;
    expect((await deliverLane(app.db, channel, `case:${made.id}`, POLICY)).state).toBe('blocked');
    await province.setMode('up');
    // Woken again, the lane stays blocked: the platform saw the message once.
    expect((await deliverLane(app.db, channel, `case:${made.id}`, POLICY)).state).toBe('blocked');
    expect(province.figures.heldUnanswered).toBe(held + 1);
    const [dead] = await messagesOf(made.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, lastError: '省平台应答超时' });

    // 重发 by the city administrator, then it goes.
    const admin = await app.as('admin');
    expect((await admin.integrations.deadLetters()).map((d) => d.id)).toContain(dead?.id);
    await admin.integrations.replay({ id: dead?.id ?? 0 });
    expect((await deliverLane(app.db, channel, `case:${made.id}`, POLICY)).state).toBe('drained');
    expect((await messagesOf(made.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    const overview = await admin.integrations.overview();
    expect(overview.map((o) => o.label)).toEqual(['浙政钉', '浙里办', '短信', '省平台', '执法系统']);
  });

  it('retries an idempotent system, then parks the message once attempts run out', async () => {
    const channel = new ProvinceChannel(settings);
    const channels = new Map([['province' as const, channel]]);
    const made = await report('外发测试：道路积水影响通行');
    await deriveOutbox(app.db, channels);
    await province.setMode('error500');
    for (let i = 0; i < POLICY.maxAttempts - 1; i++) {
      expect((await deliverLane(app.db, channel, `case:${made.id}`, POLICY)).state).toBe('failed');
    }
    expect((await deliverLane(app.db, channel, `case:${made.id}`, POLICY)).state).toBe('blocked');
    await province.setMode('up');
    expect((await messagesOf(made.id))[0]).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: '省平台出错（HTTP 500）',
    });
  });

  it('takes a signed feedback once and notes it on the case timeline; refuses a forged one', async () => {
    const made = await report('外发测试：广告牌松动存在隐患');
    const webhook = `${server.base}/api/integrations/province/feedback`;
    const feedback = {
      feedbackId: 'FB-0001',
      caseNo: made.caseNo,
      kind: '督办',
      opinion: '请加快处置',
      at: new Date().toISOString(),
    };
    const first = await province.sendFeedback(webhook, feedback);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: true, duplicate: false });
    const again = await province.sendFeedback(webhook, feedback);
    expect(await again.json()).toEqual({ accepted: true, duplicate: true });
    const forger = new ProvinceSimulator({ key: CREDENTIALS.key, secret: 'wrong-secret-0123456789' });
    const forged = await forger.sendFeedback(webhook, { ...feedback, feedbackId: 'FB-0002' });
    expect(forged.status).toBe(401);
    const notes = await app.db
      .select({ reason: caseEvents.reason, actor: caseEvents.actorName })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, made.id), eq(caseEvents.action, 'remark')));
    expect(notes).toEqual([{ reason: '省平台督办：请加快处置', actor: '省平台' }]);
    // The platform's own feedback is not sent back to it.
    const channels = new Map([['province' as const, new ProvinceChannel(settings)]]);
    await deriveOutbox(app.db, channels);
    expect((await messagesOf(made.id)).map((m) => (m.payload as { event: { action: string } }).event.action)).toEqual([
      'report',
    ]);
  });
});
