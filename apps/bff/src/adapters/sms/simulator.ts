import { randomBytes } from 'node:crypto';
import express from 'express';
import { listenSimulator, type RunningSimulator } from '../sim-http';
import { aliyunSignatureMatches } from './aliyun/signing';
import { SMS_RECEIPT_SIGNATURE_HEADER, smsReceiptSignature } from './receipt-signature';
import { ZYunmasTemplateSubmit } from './yunmas/schemas';
import { yunmasMacMatches } from './yunmas/signing';

/** A message the simulated gateway took. */
export interface SimSms {
  gateway: 'aliyun' | 'yunmas';
  remoteId: string;
  outId: string | null;
  phone: string;
  template: string;
  params: Record<string, string> | string[];
  status: 'sent' | 'delivered' | 'failed';
  receivedAt: Date;
}

export interface SmsSimulator extends RunningSimulator {
  messages: SimSms[];
  refusals: { reason: string }[];
  /**
   * How it answers sends: `ok`; `slow` takes the message and answers after `slowMs` (longer
   * than the client waits: a timed-out send that did arrive).
   */
  mode: 'ok' | 'slow';
  slowMs: number;
  /** Our callback base (the gateway name is appended); settable once the app listens. */
  receiptUrl: string | undefined;
  /** Marks a message delivered (or failed) and pushes its receipt; resolves with our callback's answer. */
  deliver(remoteIdOrOutId: string, success?: boolean): Promise<{ status: number; body: string }>;
  /** Pushes a raw body to the callback with a given signature (for refusal tests). */
  push(gateway: 'aliyun' | 'yunmas', body: string, signature?: string): Promise<{ status: number; body: string }>;
}

export const DEMO_SMS_ACCESS_KEY_ID = 'citygov-demo-sms';
export const DEMO_SMS_ACCESS_KEY_SECRET = 'citygov-demo-sms-secret-0001';

const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
const chinaTime = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * An SMS gateway over HTTP speaking both shapes we support: 阿里云 Dysmsapi (RPC-signed
 * SendSms / QuerySendDetails at /) and 中国移动云MAS (/sms/tmpsubmit, MAC-signed base64
 * JSON). Refuses bad signatures; pushes delivery receipts to `receiptUrl` (signed with the
 * callback secret), automatically after `autoReceiptMs` when set, or when a test calls
 * `deliver`.
 */
export async function startSmsSimulator(
  options: {
    port?: number;
    accessKeyId?: string;
    accessKeySecret?: string;
    callbackSecret?: string;
    /** Our callback base, e.g. http://127.0.0.1:8080/api/sms/receipts (the gateway name is appended). */
    receiptUrl?: string;
    autoReceiptMs?: number;
  } = {},
): Promise<SmsSimulator> {
  const keyId = options.accessKeyId ?? DEMO_SMS_ACCESS_KEY_ID;
  const secret = options.accessKeySecret ?? DEMO_SMS_ACCESS_KEY_SECRET;
  const callbackSecret = options.callbackSecret ?? secret;
  const messages: SimSms[] = [];
  const refusals: { reason: string }[] = [];
  const nonces = new Set<string>();
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const push = async (
    gateway: 'aliyun' | 'yunmas',
    body: string,
    signature = smsReceiptSignature(callbackSecret, body),
  ) => {
    if (!sim.receiptUrl) throw new Error('no receipt URL configured');
    const response = await fetch(`${sim.receiptUrl}/${gateway}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SMS_RECEIPT_SIGNATURE_HEADER]: signature },
      body,
    });
    return { status: response.status, body: await response.text() };
  };
  const receiptBody = (m: SimSms) =>
    m.gateway === 'aliyun'
      ? JSON.stringify([
          {
            phone_number: m.phone,
            send_time: chinaTime(m.receivedAt),
            report_time: chinaTime(new Date()),
            success: m.status === 'delivered',
            err_code: m.status === 'delivered' ? 'DELIVERED' : 'MK:0001',
            err_msg: m.status === 'delivered' ? '用户接收成功' : '用户不可达',
            sms_size: '1',
            biz_id: m.remoteId,
            out_id: m.outId ?? '',
          },
        ])
      : JSON.stringify({
          reportStatus: m.status === 'delivered' ? 'CL' : 'FAIL',
          mobile: m.phone,
          submitDate: chinaTime(m.receivedAt),
          receiveDate: chinaTime(new Date()),
          errorCode: m.status === 'delivered' ? 'DELIVRD' : 'UNDELIV',
          msgGroup: m.remoteId,
        });

  const sim: SmsSimulator = {
    url: '',
    close: async () => {},
    messages,
    refusals,
    mode: 'ok',
    slowMs: 10_000,
    receiptUrl: options.receiptUrl,
    async deliver(id, success = true) {
      const message = messages.find((m) => m.remoteId === id || m.outId === id);
      if (!message) throw new Error(`no message ${id}`);
      message.status = success ? 'delivered' : 'failed';
      return push(message.gateway, receiptBody(message));
    },
    push,
  };
  const accepted = (message: SimSms) => {
    messages.push(message);
    if (options.autoReceiptMs !== undefined && sim.receiptUrl) {
      setTimeout(() => {
        void sim.deliver(message.remoteId).catch(() => undefined);
      }, options.autoReceiptMs).unref();
    }
  };

  const app = express();
  app.disable('x-powered-by');

  // 阿里云 Dysmsapi, RPC style: the signed parameters as a form (or query).
  app.post('/', express.urlencoded({ extended: false, limit: '64kb' }), async (req, res) => {
    const params = { ...(req.query as Record<string, string>), ...(req.body as Record<string, string>) };
    const refuse = (status: number, Code: string, Message: string) => {
      refusals.push({ reason: Code });
      res.status(status).json({ Code, Message, RequestId: randomBytes(8).toString('hex') });
    };
    if (params.AccessKeyId !== keyId)
      return refuse(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (!aliyunSignatureMatches(secret, 'POST', params)) {
      return refuse(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
    }
    const nonce = params.SignatureNonce ?? '';
    if (!nonce || nonces.has(nonce))
      return refuse(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    nonces.add(nonce);
    const at = Date.parse(params.Timestamp ?? '');
    if (!Number.isFinite(at) || Math.abs(Date.now() - at) > 900_000)
      return refuse(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    const RequestId = randomBytes(8).toString('hex');
    if (params.Action === 'SendSms') {
      if (!/^1[3-9]\d{9}$/.test(params.PhoneNumbers ?? '')) {
        return void res.json({ Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '手机号码格式错误', RequestId });
      }
      let templateParams: Record<string, string>;
      try {
        templateParams = JSON.parse(params.TemplateParam ?? '{}');
      } catch {
        return void res.json({ Code: 'isv.INVALID_JSON_PARAM', Message: 'JSON参数不合法', RequestId });
      }
      const remoteId = `${Date.now()}^${randomBytes(5).toString('hex')}`;
      accepted({
        gateway: 'aliyun',
        remoteId,
        outId: params.OutId ?? null,
        phone: params.PhoneNumbers ?? '',
        template: params.TemplateCode ?? '',
        params: templateParams,
        status: 'sent',
        receivedAt: new Date(),
      });
      if (sim.mode === 'slow') await wait(sim.slowMs);
      if (res.writableEnded || req.socket.destroyed) return;
      return void res.json({ Code: 'OK', Message: 'OK', BizId: remoteId, RequestId });
    }
    if (params.Action === 'QuerySendDetails') {
      const found = messages.filter(
        (m) =>
          m.gateway === 'aliyun' &&
          m.phone === params.PhoneNumber &&
          chinaDay(m.receivedAt) === params.SendDate &&
          (!params.BizId || m.remoteId === params.BizId),
      );
      return void res.json({
        Code: 'OK',
        Message: 'OK',
        RequestId,
        TotalCount: found.length,
        SmsSendDetailDTOs: {
          SmsSendDetailDTO: found.map((m) => ({
            PhoneNum: m.phone,
            SendStatus: m.status === 'delivered' ? 3 : m.status === 'failed' ? 2 : 1,
            ErrCode: m.status === 'delivered' ? 'DELIVERED' : m.status === 'failed' ? 'MK:0001' : '',
            TemplateCode: m.template,
            SendDate: chinaTime(m.receivedAt),
            OutId: m.outId ?? '',
          })),
        },
      });
    }
    refuse(400, 'InvalidAction.NotFound', 'Specified api is not found.');
  });

  // 云MAS: base64 of a JSON object with a MAC.
  app.post('/sms/tmpsubmit', express.text({ type: '*/*', limit: '64kb' }), async (req, res) => {
    let fields: ReturnType<typeof ZYunmasTemplateSubmit.parse>;
    try {
      fields = ZYunmasTemplateSubmit.parse(JSON.parse(Buffer.from(String(req.body), 'base64').toString('utf8')));
    } catch {
      refusals.push({ reason: 'IllegalFormat' });
      return void res.json({ rspcod: 'IllegalFormat', success: false });
    }
    if (fields.apId !== keyId || !yunmasMacMatches(fields, secret)) {
      refusals.push({ reason: 'IllegalMac' });
      return void res.json({ rspcod: 'IllegalMac', success: false });
    }
    const remoteId = randomBytes(10).toString('hex');
    for (const phone of fields.mobiles.split(',')) {
      accepted({
        gateway: 'yunmas',
        remoteId,
        outId: null,
        phone,
        template: fields.templateId,
        params: JSON.parse(fields.params) as string[],
        status: 'sent',
        receivedAt: new Date(),
      });
    }
    if (sim.mode === 'slow') await wait(sim.slowMs);
    if (res.writableEnded || req.socket.destroyed) return;
    res.json({ rspcod: 'success', msgGroup: remoteId, success: true });
  });

  // The inbox as phones see it: everything, or one number's messages (?phone=), oldest first.
  app.get('/_sim/messages', (req, res) => {
    const phone = typeof req.query.phone === 'string' ? req.query.phone : null;
    res.json(phone ? messages.filter((m) => m.phone === phone) : messages);
  });

  const running = await listenSimulator(app, options.port ?? 0);
  return Object.assign(sim, running);
}
