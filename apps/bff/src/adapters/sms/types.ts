import type { SmsGatewayKind } from '@citygov/domain/messaging/sms';

/** The SMS gateway and our account there; from SMS_* settings. */
export interface SmsConfig {
  gateway: SmsGatewayKind;
  baseUrl: string;
  /** 阿里云 AccessKeyId; 云MAS apId. */
  accessKeyId: string;
  /** 阿里云 AccessKeySecret; 云MAS secretKey. */
  accessKeySecret: string;
  /** 阿里云 SignName; 云MAS sign (签名编码). */
  signName: string;
  /** 云MAS ecName. */
  ecName: string;
  /** The template of login codes (one parameter: code). */
  loginTemplate: string;
  /** The template of 教育 messages (parameters: category, address); SMS_EDUCATION_TEMPLATE. */
  educationTemplate?: string;
  /** Receipts pushed to us carry base64(HMAC-SHA256(callbackSecret, body)) in X-Citygov-Signature. */
  callbackSecret: string;
  timeoutMs: number;
}

export interface SmsToSend {
  phone: string;
  /** 阿里云 TemplateCode, 云MAS templateId. */
  template: string;
  /** Template parameters by name (阿里云 TemplateParam); 云MAS takes the values in this order. */
  params: Record<string, string>;
  /** Our id for the message: 阿里云 OutId, 云MAS addSerial; lets a status query find it. */
  outId: string;
}

/**
 * Why a send did not give a remote id:
 * - `not_sent`: it never reached the gateway (connection refused): safe to try again;
 * - `unknown`: it may have reached it (timeout, connection dropped): do not send again, ask;
 * - `rejected`: the gateway answered no (bad number, template, limit): final.
 */
export class SmsSendError extends Error {
  constructor(
    readonly outcome: 'not_sent' | 'unknown' | 'rejected',
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

/** The gateway's word on one message (status query or receipt). */
export interface SmsStatus {
  state: 'sent' | 'delivered' | 'failed';
  remoteId: string | null;
  errCode: string | null;
}

/** One delivery receipt, whichever gateway pushed it. */
export interface SmsReceipt {
  remoteId: string;
  outId: string | null;
  phone: string;
  delivered: boolean;
  errCode: string | null;
}

/** Classifies a fetch failure: aborted by our timeout or cut mid-way → unknown; refused → not sent. */
export function sendFailure(error: unknown, what: string): SmsSendError {
  if (error instanceof SmsSendError) return error;
  const name = error instanceof Error ? error.name : '';
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  if (cause?.code === 'ECONNREFUSED' || cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') {
    return new SmsSendError('not_sent', `${what}：短信网关无法连接`, cause.code);
  }
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new SmsSendError('unknown', `${what}：短信网关响应超时，发送结果未知`, 'TIMEOUT');
  }
  return new SmsSendError('unknown', `${what}：与短信网关的连接中断，发送结果未知`, cause?.code ?? null);
}
