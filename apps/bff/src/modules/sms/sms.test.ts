import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { users } from '@citygov/db/schema/auth';
import { smsMessages } from '@citygov/db/schema/sms';
import { DomainError } from '@citygov/domain/errors';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliyunSignature } from '../../adapters/sms/aliyun/signing';
import {
  DEMO_SMS_ACCESS_KEY_ID,
  DEMO_SMS_ACCESS_KEY_SECRET,
  type SmsSimulator,
  startSmsSimulator,
} from '../../adapters/sms/simulator';
import { yunmasMac } from '../../adapters/sms/yunmas/signing';
import type { AppConfig } from '../../env';
import { type LiveServer, startLiveServer } from '../../testing/live-server';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { reconcileUnknownSms, sendRecordedSms } from './api';

let sim: SmsSimulator;
let app: TestApp;
let live: LiveServer;
let phoneSerial = 0;
/** A fresh number per test, so the per-number limit of one does not reach another. */
const nextPhone = () => `1375711${String(++phoneSerial).padStart(4, '0')}`;

beforeAll(async () => {
  sim = await startSmsSimulator();
  app = await openTestApp({
    SMS_URL: sim.url,
    SMS_ACCESS_KEY_ID: DEMO_SMS_ACCESS_KEY_ID,
    SMS_ACCESS_KEY_SECRET: DEMO_SMS_ACCESS_KEY_SECRET,
  });
  live = await startLiveServer(app.db, app.config);
  sim.receiptUrl = `${live.base}/api/sms/receipts`;
});
afterAll(async () => {
  await live?.close();
  await app?.close();
  await sim?.close();
});

const send = (phone: string, config: Pick<AppConfig, 'sms' | 'smsRateLimit'> = app.config) =>
  sendRecordedSms(app.db, config, {
    phone,
    purpose: 'notice',
    template: 'SMS_480000002',
    params: { caseNo: 'YH2026000001' },
  });
const stateOf = async (id: number) => (await app.db.select().from(smsMessages).where(eq(smsMessages.id, id)))[0];

describe('the SMS simulator checks signatures', () => {
  it('refuses an 阿里云 call whose parameters were changed after signing, and a 云MAS body with a wrong MAC', async () => {
    const params: Record<string, string> = {
      AccessKeyId: DEMO_SMS_ACCESS_KEY_ID,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: '13757119999',
      SignName: '云湖城管',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: 'nonce-1',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_1',
      TemplateParam: '{}',
      Timestamp: new Date().toISOString(),
      Version: '2017-05-25',
    };
    params.Signature = aliyunSignature(DEMO_SMS_ACCESS_KEY_SECRET, 'POST', params);
    params.PhoneNumbers = '13757118888';
    const aliyun = await fetch(`${sim.url}/`, { method: 'POST', body: new URLSearchParams(params) });
    expect(aliyun.status).toBe(400);
    expect(((await aliyun.json()) as { Code: string }).Code).toBe('SignatureDoesNotMatch');

    const fields = {
      ecName: '云湖市城市管理局',
      apId: DEMO_SMS_ACCESS_KEY_ID,
      templateId: 'T1',
      mobiles: '13757119999',
      params: '["1"]',
      sign: '云湖城管',
      addSerial: '',
    };
    const body = Buffer.from(JSON.stringify({ ...fields, mac: yunmasMac(fields, 'not-the-secret') })).toString(
      'base64',
    );
    const yunmas = await fetch(`${sim.url}/sms/tmpsubmit`, { method: 'POST', body });
    expect(((await yunmas.json()) as { rspcod: string }).rspcod).toBe('IllegalMac');
    expect(sim.messages).toEqual([]);
  });
});

describe('sending and receipts (阿里云 shape)', () => {
  it('records the BizId; a signed receipt marks it delivered, a repeated one changes nothing, a forged one is refused', async () => {
    const message = await send(nextPhone());
    expect(message.state).toBe('sent');
    expect(message.remoteId).toBe(sim.messages.at(-1)?.remoteId);
    expect(sim.messages.at(-1)?.params).toEqual({ caseNo: 'YH2026000001' });

    const forged = await sim.push(
      'aliyun',
      JSON.stringify([{ phone_number: message.phone, success: false, biz_id: message.remoteId }]),
      'bm90IGEgc2lnbmF0dXJl',
    );
    expect(forged.status).toBe(401);
    expect((await stateOf(message.id))?.state).toBe('sent');

    const receipt = await sim.deliver(message.remoteId ?? '');
    expect(receipt).toEqual({ status: 200, body: JSON.stringify({ code: 0, msg: '成功' }) });
    expect((await stateOf(message.id))?.state).toBe('delivered');
    // The gateway pushes again (it did not hear our answer): acknowledged, nothing changes.
    const again = await sim.deliver(message.remoteId ?? '', false);
    expect(again.status).toBe(200);
    const row = await stateOf(message.id);
    expect(row?.state).toBe('delivered');
    expect(row?.errCode).toBeNull();
  });

  it('a failed delivery receipt marks the message failed with the gateway’s code', async () => {
    const message = await send(nextPhone());
    await sim.deliver(message.remoteId ?? '', false);
    const row = await stateOf(message.id);
    expect(row?.state).toBe('failed');
    expect(row?.errCode).toBe('MK:0001');
  });

  it('a second message to one number within the window is refused in Chinese and not sent', async () => {
    const phone = nextPhone();
    await send(phone);
    const before = sim.messages.length;
    const refused = await send(phone).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('RATE_LIMITED');
    expect((refused as DomainError).message).toMatch(/^发送过于频繁，请 \d+ 秒后再试$/);
    expect(sim.messages.length).toBe(before);
    // Configurable: three a minute lets the second one through.
    const relaxed = { ...app.config, smsRateLimit: { perWindow: 3, windowSeconds: 60, perDay: 10 } };
    expect((await send(phone, relaxed)).state).toBe('sent');
  });
});

describe('a send that times out', () => {
  it('is recorded as unknown, never sent again, and settled by asking the gateway; its receipt still lands', async () => {
    sim.mode = 'slow';
    const phone = nextPhone();
    const impatient = { ...app.config, sms: app.config.sms ? { ...app.config.sms, timeoutMs: 300 } : null };
    const message = await send(phone, impatient).finally(() => {
      sim.mode = 'ok';
    });
    expect(message.state).toBe('unknown');
    expect(message.lastError).toBe('短信发送：短信网关响应超时，发送结果未知');
    const taken = sim.messages.filter((m) => m.phone === phone);
    expect(taken).toHaveLength(1);

    // The gateway has it, waiting for the handset: the reconciler learns that much.
    await reconcileUnknownSms(app.db, app.config.sms);
    expect((await stateOf(message.id))?.state).toBe('sent');

    // The receipt carries our OutId, so it finds the message although we never heard its BizId.
    await sim.deliver(taken[0]?.outId ?? '');
    const row = await stateOf(message.id);
    expect(row?.state).toBe('delivered');
    expect(row?.remoteId).toBe(taken[0]?.remoteId);
    expect(sim.messages.filter((m) => m.phone === phone)).toHaveLength(1);
  });

  it('a gateway that refuses the connection: failed, with the reason (nothing reached it)', async () => {
    // A port nobody listens on (taken and given back).
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    await new Promise((done) => probe.close(done));
    const closed = {
      ...app.config,
      sms: app.config.sms ? { ...app.config.sms, baseUrl: `http://127.0.0.1:${port}` } : null,
    };
    const message = await send(nextPhone(), closed);
    expect(message.state).toBe('failed');
    expect(message.lastError).toBe('短信发送：短信网关无法连接');
  });
});

describe('the 云MAS shape', () => {
  it('sends with a MAC, gets the msgGroup, and its pushed report marks the message delivered', async () => {
    const yunmasConfig = {
      ...app.config,
      sms: app.config.sms ? { ...app.config.sms, gateway: 'yunmas' as const } : null,
    };
    const yunmasLive = await startLiveServer(app.db, yunmasConfig);
    sim.receiptUrl = `${yunmasLive.base}/api/sms/receipts`;
    try {
      const message = await send(nextPhone(), yunmasConfig);
      expect(message.state).toBe('sent');
      expect(message.gateway).toBe('yunmas');
      expect(sim.messages.at(-1)?.params).toEqual(['YH2026000001']);
      const ack = await sim.deliver(message.remoteId ?? '');
      expect(ack.status).toBe(200);
      expect((await stateOf(message.id))?.state).toBe('delivered');
    } finally {
      sim.receiptUrl = `${live.base}/api/sms/receipts`;
      await yunmasLive.close();
    }
  });
});

describe('短信验证码登录', () => {
  it('sends a code to a staff phone and signs in with it once', async () => {
    const [account] = await app.db.select().from(users).where(eq(users.username, 'linjiang.collector'));
    const phone = account?.phone ?? '';
    const anonymous = app.anonymous();
    expect(await anonymous.sso.smsCodeRequest({ phone })).toEqual({ sent: true, expiresInSeconds: 300 });
    const code = ((sim.messages.at(-1)?.params ?? {}) as Record<string, string>).code ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await anonymous.sso
      .smsCodeLogin({ phone, code: code === '000000' ? '111111' : '000000' })
      .catch((e: Error) => e);
    expect((wrong as Error).message).toBe('验证码错误或已过期');
    const me = await anonymous.sso.smsCodeLogin({ phone, code });
    expect(me.username).toBe('linjiang.collector');
    const reused = await anonymous.sso.smsCodeLogin({ phone, code }).catch((e: Error) => e);
    expect((reused as Error).message).toBe('验证码错误或已过期');
    // A number without an account gets the same answer, and no message.
    const before = sim.messages.length;
    expect(await anonymous.sso.smsCodeRequest({ phone: '13000000000' })).toEqual({ sent: true, expiresInSeconds: 300 });
    expect(sim.messages.length).toBe(before);
  });
});
