import type { Database } from '@citygov/db/client';
import { smsMessages } from '@citygov/db/schema/sms';
import { DomainError } from '@citygov/domain/errors';
import type { SmsPurpose, SmsRateLimit } from '@citygov/domain/messaging/sms';
import { count } from 'drizzle-orm';
import { reconcileUnknownSms, sendRecordedSms } from '../../modules/sms/api';
import {
  DeliveryError,
  type DeliveryReceipt,
  type HealthReport,
  type OutboundChannel,
  type OutboundDraft,
  type OutboundMessage,
} from '../channel';
import type { SmsConfig } from './gateway';

export interface SmsChannelSettings {
  db: Database;
  sms: SmsConfig;
  smsRateLimit: SmsRateLimit;
  /** How often unknown hand-overs are asked about (reconcileUnknownSms). */
  reconcileEveryMs?: number;
}

/** What an SMS outbox message carries (written by the action that wants the message, e.g. 教育). */
export interface SmsOutboxPayload {
  phone: string;
  purpose: SmsPurpose;
  /** Default: the configured template of the purpose. */
  template?: string;
  params: Record<string, string>;
}

const STATE_LABELS: Record<string, string> = {
  pending: '发送中',
  sent: '已发送',
  delivered: '已送达',
  unknown: '结果未知',
  failed: '失败',
};

/**
 * SMS through the recorded sender (modules/sms). Not idempotent: a gateway has no key to drop a
 * repeat. A hand-over whose outcome is unknown is done for the outbox — the `sms_messages` row
 * stays `unknown` and the timed reconciliation asks the gateway; only a message that surely did
 * not go out (refused connection → `failed`) is retried.
 */
export class SmsChannel implements OutboundChannel {
  readonly system = 'sms' as const;
  readonly idempotent = false;
  readonly periodic;

  constructor(private readonly settings: SmsChannelSettings) {
    this.periodic = {
      name: 'sms-reconcile',
      everyMs: settings.reconcileEveryMs ?? 60_000,
      run: async () => {
        await reconcileUnknownSms(settings.db, settings.sms);
      },
    };
  }

  /** SMS messages are not derived from the stream; the action writes them in its own transaction. */
  draftsFor(): OutboundDraft[] {
    return [];
  }

  async deliver(message: OutboundMessage): Promise<DeliveryReceipt> {
    const payload = message.payload as unknown as SmsOutboxPayload;
    let row: Awaited<ReturnType<typeof sendRecordedSms>>;
    try {
      const template = payload.template ?? templateOf(this.settings.sms, payload.purpose);
      row = await sendRecordedSms(this.settings.db, this.settings, { ...payload, template });
    } catch (error) {
      // A bad number, the rate limit, no gateway: sending again cannot help.
      if (error instanceof DomainError) throw new DeliveryError(error.message, 'refused', true);
      throw new DeliveryError(`短信未能记录：${String(error)}`, 'refused');
    }
    if (row.state === 'failed') throw new DeliveryError(row.lastError ?? '短信发送失败', 'refused');
    return { remoteId: row.remoteId ?? `sms:${row.outId}` };
  }

  async health(): Promise<HealthReport> {
    const rows = await this.settings.db
      .select({ state: smsMessages.state, n: count() })
      .from(smsMessages)
      .groupBy(smsMessages.state);
    const by = new Map<string, number>(rows.map((r) => [r.state, Number(r.n)]));
    const unknown = by.get('unknown') ?? 0;
    const parts = Object.keys(STATE_LABELS)
      .filter((state) => (by.get(state) ?? 0) > 0)
      .map((state) => `${STATE_LABELS[state]} ${by.get(state)}`);
    const gateway = this.settings.sms.gateway === 'aliyun' ? '阿里云' : '云MAS';
    return {
      // Failed ones are history (told on the card); an unknown one is still open.
      ok: unknown === 0,
      detail: `${gateway}：${parts.length > 0 ? parts.join('，') : '暂无短信'}`,
    };
  }
}

function templateOf(sms: SmsConfig, purpose: SmsPurpose): string {
  if (purpose === 'login_code') return sms.loginTemplate;
  if (purpose === 'education') return sms.educationTemplate ?? 'SMS_480000002';
  throw new DomainError('validation', `没有配置用途为 ${purpose} 的短信模板`, { code: 'SSO_DISABLED' });
}
