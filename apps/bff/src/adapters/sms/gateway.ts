import type { SmsGatewayKind } from '@citygov/domain/messaging/sms';
import { aliyunReceiptsOf, queryAliyunSms, sendAliyunSms } from './aliyun/client';
import type { SmsConfig, SmsReceipt, SmsStatus, SmsToSend } from './types';
import { sendYunmasSms, yunmasReceiptsOf } from './yunmas/client';

export { type SmsConfig, type SmsReceipt, SmsSendError, type SmsStatus, type SmsToSend } from './types';

/** Sends one templated message; resolves with the gateway's id (BizId / msgGroup). */
export function sendSms(config: SmsConfig, message: SmsToSend): Promise<string> {
  return config.gateway === 'aliyun' ? sendAliyunSms(config, message) : sendYunmasSms(config, message);
}

/**
 * Asks the gateway what became of a message, by our out id (a timed-out send has no remote
 * id yet). Null: the gateway does not know it (it never arrived) or cannot be asked (云MAS
 * has no status query; its receipts settle the message).
 */
export function querySmsStatus(
  config: SmsConfig,
  message: { phone: string; outId: string; remoteId: string | null; createdAt: Date },
): Promise<SmsStatus | null> {
  return config.gateway === 'aliyun' ? queryAliyunSms(config, message) : Promise.resolve(null);
}

/** The receipts in a pushed body (already verified), and what to answer the push. */
export function receiptsOf(gateway: SmsGatewayKind, body: unknown): { receipts: SmsReceipt[]; ack: unknown } {
  return gateway === 'aliyun' ? aliyunReceiptsOf(body) : yunmasReceiptsOf(body);
}
