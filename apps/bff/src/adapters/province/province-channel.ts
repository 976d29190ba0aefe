import {
  type CaseChangeForChannel,
  DeliveryError,
  type DeliveryReceipt,
  type HealthReport,
  type OutboundChannel,
  type OutboundDraft,
  type OutboundMessage,
} from '../channel';
import { callSigned } from '../signed-json-http';
import { PROVINCE_HEADERS, PROVINCE_PATHS, type ProvinceAnswer } from './contract';
import { toProvinceCaseEvent } from './mapping';

export interface ProvinceSettings {
  /** Base URL of the platform, e.g. https://cgpt.zj.gov.cn/api */
  url: string;
  key: string;
  secret: string;
  /** Per request; past it the outcome is unknown (the platform dedupes, so it is sent again). */
  timeoutMs: number;
}

/** Events of the platform's own making (its feedback) are not echoed back to it. */
export const PROVINCE_ACTOR_NAME = '省平台';

/** The province platform: every case change of every case, one lane per case, idempotent by key. */
export class ProvinceChannel implements OutboundChannel {
  readonly system = 'province' as const;
  readonly idempotent: boolean = true;

  constructor(private readonly settings: ProvinceSettings) {}

  draftsFor(change: CaseChangeForChannel): OutboundDraft[] {
    if (change.event.actorKind === 'system' && change.event.actorName === PROVINCE_ACTOR_NAME) return [];
    return [
      {
        kind: 'case.event',
        lane: `case:${change.case.id}`,
        key: `case-event:${change.event.eventId}`,
        payload: toProvinceCaseEvent(change) as unknown as Record<string, unknown>,
      },
    ];
  }

  async deliver(message: OutboundMessage): Promise<DeliveryReceipt> {
    const path = message.kind === 'stats.daily' ? PROVINCE_PATHS.dailyStatistics : PROVINCE_PATHS.caseEvents;
    const answer = await this.call('POST', path, message.idempotencyKey, JSON.stringify(message.payload));
    const body = (await answer.json().catch(() => null)) as ProvinceAnswer | null;
    if (!body?.recordId) throw new DeliveryError('省平台应答缺少记录号', 'unknown');
    return { remoteId: body.recordId };
  }

  async health(): Promise<HealthReport> {
    const started = Date.now();
    try {
      await this.call('GET', PROVINCE_PATHS.health, '', '', Math.min(this.settings.timeoutMs, 2_000));
      return { ok: true, detail: `正常（${Date.now() - started} ms）` };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private call(
    method: string,
    pathAndQuery: string,
    idempotencyKey: string,
    body: string,
    timeoutMs = this.settings.timeoutMs,
  ): Promise<Response> {
    const { url, key, secret } = this.settings;
    return callSigned(
      { name: '省平台', url, names: PROVINCE_HEADERS, credentials: { key, secret } },
      { method, pathAndQuery, idempotencyKey, body, timeoutMs },
    );
  }
}
