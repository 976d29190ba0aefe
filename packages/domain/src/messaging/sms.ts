/**
 * Text messages (短信) as the platform tracks them, whichever gateway carries them.
 *
 * - `pending`: recorded, not yet handed to the gateway (or the hand-over is under way);
 * - `sent`: the gateway took it and gave its id (阿里云 BizId, 云MAS msgGroup);
 * - `unknown`: the hand-over timed out or the line broke, so we cannot tell whether the
 *   gateway took it. Such a message is never sent again blindly (the person might get
 *   two codes, or two warnings); its state is asked of the gateway instead;
 * - `delivered` / `failed`: final, from a delivery receipt or a status query.
 */
export const SMS_STATES = ['pending', 'sent', 'unknown', 'delivered', 'failed'] as const;
export type SmsState = (typeof SMS_STATES)[number];

export const SMS_FINAL_STATES: readonly SmsState[] = ['delivered', 'failed'];

export const SMS_GATEWAYS = ['aliyun', 'yunmas'] as const;
export type SmsGatewayKind = (typeof SMS_GATEWAYS)[number];

/** What a message is for: it picks the template and, for codes, the rate limit. */
export const SMS_PURPOSES = ['login_code', 'education', 'overdue_alert', 'notice'] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];

export function isFinalSmsState(state: SmsState): boolean {
  return SMS_FINAL_STATES.includes(state);
}

/** A receipt may move a message only forward: a late "sent" never undoes "delivered". */
export function smsStateAfterReceipt(current: SmsState, delivered: boolean): SmsState | null {
  if (isFinalSmsState(current)) return null;
  return delivered ? 'delivered' : 'failed';
}

export interface SmsRateLimit {
  /** At most this many messages to one number within `windowSeconds`. */
  perWindow: number;
  windowSeconds: number;
  /** At most this many to one number within a (rolling) day. */
  perDay: number;
}

export const DEFAULT_SMS_RATE_LIMIT: SmsRateLimit = { perWindow: 1, windowSeconds: 60, perDay: 10 };

/**
 * Whether another message may go to a number now, given the send times of its recent
 * messages (any order). Refusals say in Chinese how long to wait.
 */
export function checkSmsRateLimit(
  recent: readonly Date[],
  now: Date,
  limit: SmsRateLimit,
): { allowed: true } | { allowed: false; retryAfterSeconds: number; message: string } {
  const windowStart = now.getTime() - limit.windowSeconds * 1000;
  const dayStart = now.getTime() - 86_400_000;
  const inWindow = recent.filter((t) => t.getTime() > windowStart).sort((a, b) => a.getTime() - b.getTime());
  if (inWindow.length >= limit.perWindow) {
    const oldest = inWindow[inWindow.length - limit.perWindow];
    const wait = Math.max(1, Math.ceil(((oldest?.getTime() ?? now.getTime()) - windowStart) / 1000));
    return { allowed: false, retryAfterSeconds: wait, message: `发送过于频繁，请 ${wait} 秒后再试` };
  }
  const inDay = recent.filter((t) => t.getTime() > dayStart);
  if (inDay.length >= limit.perDay) {
    return {
      allowed: false,
      retryAfterSeconds: 3600,
      message: `该号码今日短信已达 ${limit.perDay} 条上限，请明天再试`,
    };
  }
  return { allowed: true };
}

/** Mainland mobile numbers (11 digits, 1[3-9]…), the only ones the gateways take. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;
