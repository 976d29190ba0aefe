import {
  type CaseChangeForChannel,
  DeliveryError,
  type DeliveryReceipt,
  type HealthReport,
  type OutboundChannel,
  type OutboundDraft,
  type OutboundMessage,
} from '../channel';
import { callSigned, probeSigned } from '../signed-json-http';
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

  health(): Promise<HealthReport> {
    return probeSigned(this.peer(), PROVINCE_PATHS.health, this.settings.timeoutMs);
  }

  private peer() {
    const { url, key, secret } = this.settings;
    return { name: '省平台', url, names: PROVINCE_HEADERS, credentials: { key, secret } };
  }

  private call(
    method: string,
    pathAndQuery: string,
    idempotencyKey: string,
    body: string,
    timeoutMs = this.settings.timeoutMs,
  ): Promise<Response> {
    return callSigned(this.peer(), { method, pathAndQuery, idempotencyKey, body, timeoutMs });
  }
}
