import { randomUUID } from 'node:crypto';
import { type SmsConfig, type SmsReceipt, SmsSendError, type SmsStatus, type SmsToSend, sendFailure } from '../types';
import { ALIYUN_REPORT_ACK, ZAliyunQuerySendDetailsAnswer, ZAliyunSendSmsAnswer, ZAliyunSmsReports } from './schemas';
import { aliyunSignature } from './signing';

const API_VERSION = '2017-05-25';

/** The common parameters of a Dysmsapi call, signed (RPC style, POST form). */
function signedForm(config: SmsConfig, action: string, params: Record<string, string>): URLSearchParams {
  const all: Record<string, string> = {
    AccessKeyId: config.accessKeyId,
    Action: action,
    Format: 'JSON',
    RegionId: 'cn-hangzhou',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: randomUUID(),
    SignatureVersion: '1.0',
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: API_VERSION,
    ...params,
  };
  all.Signature = aliyunSignature(config.accessKeySecret, 'POST', all);
  return new URLSearchParams(all);
}

async function post(config: SmsConfig, form: URLSearchParams): Promise<unknown> {
  const response = await fetch(new URL('/', config.baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    signal: AbortSignal.timeout(config.timeoutMs),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new SmsSendError(
      'unknown',
      `短信网关返回了无法解析的内容（HTTP ${response.status}）`,
      String(response.status),
    );
  }
}

/** SendSms: one number, a template and its JSON parameters; resolves with the BizId. */
export async function sendAliyunSms(config: SmsConfig, message: SmsToSend): Promise<string> {
  const form = signedForm(config, 'SendSms', {
    PhoneNumbers: message.phone,
    SignName: config.signName,
    TemplateCode: message.template,
    TemplateParam: JSON.stringify(message.params),
    OutId: message.outId,
  });
  let answer: unknown;
  try {
    answer = await post(config, form);
  } catch (error) {
    throw sendFailure(error, '短信发送');
  }
  const parsed = ZAliyunSendSmsAnswer.parse(answer);
  if (parsed.Code !== 'OK' || !parsed.BizId) {
    throw new SmsSendError('rejected', `短信网关拒绝发送：${parsed.Message ?? parsed.Code}`, parsed.Code);
  }
  return parsed.BizId;
}

/** yyyyMMdd in China time, as QuerySendDetails' SendDate. */
function sendDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** QuerySendDetails for the number on the day it was sent, matched by our OutId (or the BizId). */
export async function queryAliyunSms(
  config: SmsConfig,
  message: { phone: string; outId: string; remoteId: string | null; createdAt: Date },
): Promise<SmsStatus | null> {
  const form = signedForm(config, 'QuerySendDetails', {
    PhoneNumber: message.phone,
    SendDate: sendDate(message.createdAt),
    PageSize: '50',
    CurrentPage: '1',
    ...(message.remoteId ? { BizId: message.remoteId } : {}),
  });
  const parsed = ZAliyunQuerySendDetailsAnswer.parse(await post(config, form));
  if (parsed.Code !== 'OK') throw new Error(`短信状态查询失败：${parsed.Message ?? parsed.Code}`);
  const found = (parsed.SmsSendDetailDTOs?.SmsSendDetailDTO ?? []).find((d) => d.OutId === message.outId);
  if (!found) return null;
  const state = found.SendStatus === 3 ? 'delivered' : found.SendStatus === 2 ? 'failed' : 'sent';
  return {
    state,
    remoteId: message.remoteId,
    errCode: found.ErrCode && found.ErrCode !== 'DELIVERED' ? found.ErrCode : null,
  };
}

export function aliyunReceiptsOf(body: unknown): { receipts: SmsReceipt[]; ack: unknown } {
  const reports = ZAliyunSmsReports.parse(body);
  return {
    receipts: reports.map((r) => ({
      remoteId: r.biz_id,
      outId: r.out_id ?? null,
      phone: r.phone_number,
      delivered: r.success,
      errCode: r.success ? null : (r.err_code ?? 'UNKNOWN'),
    })),
    ack: ALIYUN_REPORT_ACK,
  };
}
