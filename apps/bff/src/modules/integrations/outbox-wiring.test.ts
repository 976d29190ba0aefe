import { outboxMessages } from '@citygov/db/schema/outbox';
import { smsMessages } from '@citygov/db/schema/sms';
import { DEMO_ZZD_ACCOUNTS } from '@citygov/db/seed/demo-zzd-accounts';
import { openTestDatabase } from '@citygov/db/testing/open-test-database';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannelRegistry, integrationSettingsOf } from '../../adapters/registry';
import {
  DEMO_SMS_ACCESS_KEY_ID,
  DEMO_SMS_ACCESS_KEY_SECRET,
  type SmsSimulator,
  startSmsSimulator,
} from '../../adapters/sms/simulator';
import {
  DEMO_ZZD_APP_KEY,
  DEMO_ZZD_APP_SECRET,
  startZzdSimulator,
  type ZzdSimulator,
} from '../../adapters/zzd/simulator';
import { type TestApp, testAppOn } from '../../testing/test-app';
import { actAs, caseRowOf, departmentNamed, pointIn, SAMPLE_REPORT } from '../cases/case-test-helpers';
import { OutboxWorker } from './outbox-worker';

let zzd: ZzdSimulator;
let sms: SmsSimulator;
let app: TestApp;
let worker: OutboxWorker;
/** PostgreSQL: pg-boss opens its own small pool on the test's database. */
let databaseUrl: string | undefined;

interface SimNotice {
  msgId: string;
  bizMsgId?: string;
  receiverIds: string[];
  message: { link?: { title?: string; messageUrl?: string } };
}

beforeAll(async () => {
  zzd = await startZzdSimulator();
  sms = await startSmsSimulator();
  const open = await openTestDatabase();
  databaseUrl = open.location;
  app = testAppOn(open, {
    ZZD_URL: zzd.url,
    ZZD_APP_KEY: DEMO_ZZD_APP_KEY,
    ZZD_APP_SECRET: DEMO_ZZD_APP_SECRET,
    SMS_URL: sms.url,
    SMS_ACCESS_KEY_ID: DEMO_SMS_ACCESS_KEY_ID,
    SMS_ACCESS_KEY_SECRET: DEMO_SMS_ACCESS_KEY_SECRET,
    SMS_TIMEOUT_MS: '1000',
  });
  worker = await OutboxWorker.start({
    db: app.db,
    kind: app.kind,
    databaseUrl,
    channels: createChannelRegistry(integrationSettingsOf(app.db, app.config)),
    policy: { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 1_000, leaseMs: 10_000 },
    sweepMs: 300,
    maintenanceSeconds: 1,
  });
  // The outbox starts at the stream's head: take that position before the cases below.
  await worker.sweep();
});
afterAll(async () => {
  await worker?.stop();
  await app?.close();
  await zzd?.close();
  await sms?.close();
});

/** Waits for the worker (it runs on its own) until `check` holds; fails after a generous bound. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never happened: ${what}`);
}

async function noticesAbout(caseNo: string): Promise<SimNotice[]> {
  const all = (await (await fetch(`${zzd.url}/_sim/notifications`)).json()) as SimNotice[];
  return all.filter((n) => n.message.link?.title?.includes(caseNo));
}

async function zzdMessagesOf(caseId: number) {
  return app.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.caseId, caseId), eq(outboxMessages.system, 'zzd')));
}

describe('浙政钉 work notifications through the outbox', () => {
  it('dispatching a case to a department tells its handler once, even when the message is sent again', async () => {
    const here = await pointIn(app, '临江区');
    const acceptor = await app.as('linjiang.acceptor');
    const reported = await acceptor.cases.report({
      ...SAMPLE_REPORT,
      ...here,
      description: '外发测试：井盖破损无人处理',
    });
    await actAs(app, 'linjiang.acceptor', reported.id, 'accept');
    await actAs(app, 'linjiang.shift_lead', reported.id, 'file');
    const dept = await departmentNamed(app, '临江区市政管理所');
    await actAs(app, 'linjiang.dispatcher', reported.id, 'dispatch', { leadDepartmentId: dept.id });
    const { caseNo } = await caseRowOf(app, reported.id);

    const [notice] = await eventually('a work notification at the simulator', async () => {
      const got = await noticesAbout(caseNo);
      return got.length > 0 && got;
    });
    const handler = DEMO_ZZD_ACCOUNTS.find((a) => a.username === 'linjiang.dept_handler');
    expect(notice?.receiverIds).toContain(String(handler?.accountId));
    expect(notice?.message.link?.title).toBe(`【新任务】${caseNo}`);
    expect(notice?.message.link?.messageUrl).toContain(`/cases/${reported.id}`);
    const [message] = await eventually('the outbox message marked sent', async () => {
      const rows = await zzdMessagesOf(reported.id);
      return rows.every((r) => r.status === 'sent') && rows;
    });
    expect(message).toMatchObject({ kind: 'notice.task', remoteId: notice?.msgId });
    expect(notice?.bizMsgId).toBe(message?.idempotencyKey);

    // Sent again (a lost answer, a 重发): the platform drops the repeated bizMsgId.
    await app.db
      .update(outboxMessages)
      .set({ status: 'pending', sentAt: null, attempts: 0, nextAttemptAt: new Date() })
      .where(eq(outboxMessages.id, message?.id ?? 0));
    await worker.sweep();
    await eventually('the message sent a second time', async () => {
      const [again] = await zzdMessagesOf(reported.id);
      return again?.status === 'sent' && again;
    });
    await worker.sweep();
    expect(await noticesAbout(caseNo)).toHaveLength(1);
  });
});

describe('教育 SMS through the outbox', () => {
  it('the management chief’s 教育 sends one SMS to the subject’s phone', async () => {
    const here = await pointIn(app, '临江区');
    const collector = await app.as('linjiang.collector');
    const { id } = await collector.cases.report({
      confirmedDistinct: true,
      source: 'collector',
      kind: 'event',
      categoryCode: '09022',
      urgency: 'normal',
      description: '商场门口摆桌子搞促销宣传占用人行道',
      ...here,
    });
    const phone = '13957120001';
    await actAs(app, 'linjiang.street_chief', id, 'educate', { subjectPhone: phone });
    const [sent] = await eventually('an SMS at the gateway', async () => {
      const got = sms.messages.filter((m) => m.phone === phone);
      return got.length > 0 && got;
    });
    expect(sent?.template).toBe('SMS_480000002');
    expect(sent?.params).toMatchObject({ category: expect.any(String), address: expect.any(String) });
    const [outbox] = await eventually('the outbox message marked sent', async () => {
      const rows = await app.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.caseId, id), eq(outboxMessages.system, 'sms')));
      return rows.length > 0 && rows.every((r) => r.status === 'sent') && rows;
    });
    expect(outbox).toMatchObject({ kind: 'sms.education', remoteId: sent?.remoteId });
    const recorded = await app.db.select().from(smsMessages).where(eq(smsMessages.phone, phone));
    expect(recorded).toMatchObject([{ purpose: 'education', state: 'sent' }]);
    await worker.sweep();
    expect(sms.messages.filter((m) => m.phone === phone)).toHaveLength(1);
  });
});

describe('the admin view and the timed SMS reconciliation', () => {
  it('shows the real health of 浙政钉 and 短信; 浙里办 without settings stays 未接入', async () => {
    const overview = await (await app.as('admin')).integrations.overview();
    const card = (label: string) => overview.find((o) => o.label === label);
    expect(card('浙政钉')).toMatchObject({ connected: true, healthy: true, health: expect.stringContaining('正常') });
    expect(card('短信')).toMatchObject({ connected: true, healthy: true, health: expect.stringContaining('已发送 1') });
    expect(card('浙里办')).toMatchObject({ connected: false, health: '未接入' });
  });

  it('a timed-out 教育 SMS is not sent again; the timed job settles it by asking the gateway', async () => {
    const here = await pointIn(app, '临江区');
    const collector = await app.as('linjiang.collector');
    const { id } = await collector.cases.report({
      confirmedDistinct: true,
      source: 'collector',
      kind: 'event',
      categoryCode: '09022',
      urgency: 'normal',
      description: '店门口摆放促销展架占用人行道',
      ...here,
    });
    const phone = '13957120002';
    sms.mode = 'slow';
    try {
      await actAs(app, 'linjiang.street_chief', id, 'educate', { subjectPhone: phone });
      await eventually('the outbox done with the hand-over', async () => {
        const rows = await app.db
          .select()
          .from(outboxMessages)
          .where(and(eq(outboxMessages.caseId, id), eq(outboxMessages.system, 'sms')));
        return rows.length > 0 && rows.every((r) => r.status === 'sent') && rows;
      });
    } finally {
      sms.mode = 'ok';
    }
    const [unknown] = await app.db.select().from(smsMessages).where(eq(smsMessages.phone, phone));
    expect(unknown?.state).toBe('unknown');
    const unhealthy = (await (await app.as('admin')).integrations.overview()).find((o) => o.label === '短信');
    expect(unhealthy).toMatchObject({ healthy: false, health: expect.stringContaining('结果未知 1') });

    await worker.runPeriodic(Date.now() + 3_600_000); // the job's next turn
    const [settled] = await app.db.select().from(smsMessages).where(eq(smsMessages.phone, phone));
    expect(settled?.state).toBe('sent');
    await worker.sweep();
    expect(sms.messages.filter((m) => m.phone === phone)).toHaveLength(1);
  });
});
